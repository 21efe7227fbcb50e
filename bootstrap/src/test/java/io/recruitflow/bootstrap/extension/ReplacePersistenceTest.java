package io.recruitflow.bootstrap.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import io.recruitflow.adapter.ghl.webhook.WebhookDecodingModule;
import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryAppointments;
import io.recruitflow.adapter.inmemory.InMemoryComplianceRecord;
import io.recruitflow.adapter.inmemory.InMemoryCredentialStore;
import io.recruitflow.adapter.inmemory.InMemoryEventInbox;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryIntakeJournal;
import io.recruitflow.adapter.inmemory.InMemoryMessageLog;
import io.recruitflow.adapter.inmemory.InMemoryModule;
import io.recruitflow.adapter.inmemory.InMemoryOpportunityMirror;
import io.recruitflow.adapter.inmemory.InMemoryProcessedEvents;
import io.recruitflow.adapter.inmemory.InMemoryRecruits;
import io.recruitflow.adapter.inmemory.InMemorySuspendedLocations;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.application.applyghlevent.ApplyGhlEventCommand;
import io.recruitflow.application.applyghlevent.ApplyGhlEventUseCase;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageCommand;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageUseCase;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ProcessedEvents;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.extension.noshow.NoShowFollowUpSettings;
import io.recruitflow.extension.noshow.wiring.NoShowFollowUpModule;
import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * An embedder replaces every stateful store with its own through {@code Modules.override}: the intake, the
 * webhook inbox and the extension run on the team's stores, and the in-memory ones are never touched.
 * The team's "stores" here are thin wrappers that count calls, standing in for a team's own database.
 */
class ReplacePersistenceTest {
    static final String CSV = "First Name,Last Name,Phone,License State\nJohn,Smith,(407) 555-0123,FL\n";

    /** A team's store of one port: passes every call on to {@code backing} and counts it. */
    static final class TeamStore<T> implements InvocationHandler {
        final Class<T> port;
        final T backing;
        final T store;
        final AtomicInteger calls = new AtomicInteger();

        TeamStore(Class<T> port, T backing) {
            this.port = port;
            this.backing = backing;
            this.store = port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, this));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "team " + port.getSimpleName();
                };
            }
            calls.incrementAndGet();
            try {
                return method.invoke(backing, args);
            } catch (InvocationTargetException e) {
                throw e.getCause(); // the port's own exceptions (e.g. ConcurrentUpdateException) pass unchanged
            }
        }
    }

    final ManualClock clock = ManualClock.at("2026-02-12T10:00", ZoneId.of("America/New_York"));
    final InMemoryAdapters ours = new InMemoryAdapters(clock);

    final InMemoryRecruits teamRecruits = new InMemoryRecruits();
    final TeamStore<Recruits> recruits = new TeamStore<>(Recruits.class, teamRecruits);
    final TeamStore<IntakeJournal> journal = new TeamStore<>(
            IntakeJournal.class,
            new InMemoryIntakeJournal(id -> teamRecruits.find(id).map(Recruit::location)));
    final TeamStore<OpportunityMirror> mirror =
            new TeamStore<>(OpportunityMirror.class, new InMemoryOpportunityMirror());
    final TeamStore<Appointments> appointments = new TeamStore<>(Appointments.class, new InMemoryAppointments());
    /** The team's compliance record: its message log appends the decisions there, in its own transaction. */
    final InMemoryComplianceRecord decisions = new InMemoryComplianceRecord();

    final TeamStore<MessageLog> messageLog = new TeamStore<>(MessageLog.class, new InMemoryMessageLog(decisions));
    final TeamStore<ComplianceRecord> record = new TeamStore<>(ComplianceRecord.class, decisions);
    final TeamStore<DeclaredEmergencies> emergencies =
            new TeamStore<>(DeclaredEmergencies.class, DeclaredEmergencies.inMemory());
    final TeamStore<ProcessedEvents> processed = new TeamStore<>(ProcessedEvents.class, new InMemoryProcessedEvents());
    final TeamStore<CredentialStore> tokens = new TeamStore<>(CredentialStore.class, new InMemoryCredentialStore());
    final TeamStore<EventInbox> inbox = new TeamStore<>(EventInbox.class, new InMemoryEventInbox());
    final TeamStore<SuspendedLocations> suspended =
            new TeamStore<>(SuspendedLocations.class, new InMemorySuspendedLocations());
    final List<TeamStore<?>> all =
            List.of(recruits, journal, mirror, appointments, messageLog, processed, inbox, suspended, emergencies);

    Injector boot() {
        Injector injector = Injectors.create(
                Modules.override(new InMemoryModule(ours)).with(new AbstractModule() {
                    @Override
                    protected void configure() {
                        bind(Recruits.class).toInstance(recruits.store);
                        bind(IntakeJournal.class).toInstance(journal.store);
                        bind(OpportunityMirror.class).toInstance(mirror.store);
                        bind(Appointments.class).toInstance(appointments.store);
                        bind(MessageLog.class).toInstance(messageLog.store);
                        bind(ProcessedEvents.class).toInstance(processed.store);
                        bind(CredentialStore.class).toInstance(tokens.store);
                        bind(EventInbox.class).toInstance(inbox.store);
                        bind(SuspendedLocations.class).toInstance(suspended.store);
                        bind(ComplianceRecord.class).toInstance(record.store);
                        bind(DeclaredEmergencies.class).toInstance(emergencies.store);
                    }
                }),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(RecruitingSettings.defaults()),
                new NoShowFollowUpModule(NoShowFollowUpSettings.defaults()));
        // The job queue stays the in-memory one here; a team replaces it the same way.
        ours.jobQueue().bind(injector.getInstance(JobHandler.class));
        return injector;
    }

    @Test
    void everyStatefulStoreIsTheTeamsOwn() {
        Injector injector = boot();

        assertThat(injector.getInstance(Recruits.class)).isSameAs(recruits.store);
        assertThat(injector.getInstance(IntakeJournal.class)).isSameAs(journal.store);
        assertThat(injector.getInstance(OpportunityMirror.class)).isSameAs(mirror.store);
        assertThat(injector.getInstance(Appointments.class)).isSameAs(appointments.store);
        assertThat(injector.getInstance(MessageLog.class)).isSameAs(messageLog.store);
        assertThat(injector.getInstance(ProcessedEvents.class)).isSameAs(processed.store);
        assertThat(injector.getInstance(CredentialStore.class)).isSameAs(tokens.store);
        assertThat(injector.getInstance(EventInbox.class)).isSameAs(inbox.store);
        assertThat(injector.getInstance(SuspendedLocations.class)).isSameAs(suspended.store);
        assertThat(injector.getInstance(ComplianceRecord.class)).isSameAs(record.store);
        assertThat(injector.getInstance(DeclaredEmergencies.class)).isSameAs(emergencies.store);
    }

    @Test
    void theIntakeWebhooksAndTheExtensionRunOnTheTeamsStores() {
        Injector injector = boot();

        // Intake: import a lead file and run the saga.
        ImportReport report = injector.getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(
                        InMemoryGhl.LOCATION, new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.accepted()).hasSize(1);
        ours.jobQueue().runDue(clock.now());

        Recruit john = recruits.backing.all(Optional.empty()).get(0);
        ContactId contact = john.contactId().orElseThrow();
        assertThat(journal.backing.steps(john.id()))
                .isNotEmpty()
                .allMatch(s -> s.state().settled(), "settled");
        assertThat(journal.backing.steps(john.id()))
                .extracting(StepRecord::step)
                .isNotEmpty();
        assertThat(mirror.backing.findByContact(contact)).isPresent();
        assertThat(messageLog.backing.countByState(Optional.empty())).containsEntry(SendState.SENT, 1L);
        assertThat(ours.ghl().sentMessages()).hasSize(1);

        // A signed webhook as the receiver stores it, dispatched from the team's inbox: the no-show.
        clock.advance(Duration.ofDays(1));
        AppointmentId presentation = new AppointmentId("apt_idecide_1");
        inbox.store.store(webhook("wh_noshow_1", "AppointmentUpdate", contact, """
                {"type":"AppointmentUpdate","webhookId":"wh_noshow_1","locationId":"%s","timestamp":"%s",
                 "appointment":{"id":"%s","calendarId":"%s","contactId":"%s","title":"iDecide Presentation - John Smith",
                 "appointmentStatus":"noshow","startTime":"2026-02-13T15:00:00Z","endTime":"2026-02-13T15:30:00Z"}}""".formatted(
                        InMemoryGhl.LOCATION.value(),
                        clock.now(),
                        presentation.value(),
                        InMemoryGhl.CALENDAR.value(),
                        contact.value())));
        assertThat(injector.getInstance(InboxDispatcher.class).dispatchDue(10)).isEqualTo(1);

        assertThat(appointments.backing.find(presentation))
                .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AppointmentStatus.NOSHOW));
        assertThat(processed.backing.isProcessed("wh_noshow_1")).isTrue();
        // The extension tagged the contact in the CRM.
        assertThat(ours.ghl().contacts().stream()
                        .filter(c -> c.id().equals(contact))
                        .findFirst()
                        .orElseThrow()
                        .tags())
                .contains(NoShowFollowUpSettings.DEFAULT_TAG);

        // The app is uninstalled: the location is suspended, in the team's stores.
        injector.getInstance(ApplyGhlEventUseCase.class)
                .apply(new ApplyGhlEventCommand(new GhlEvent.AppUninstalled(
                        "wh_uninstall_1", InMemoryGhl.LOCATION, clock.now(), Optional.empty())));
        assertThat(suspended.backing.reason(InMemoryGhl.LOCATION)).isPresent();
        SendOutcome afterUninstall = injector.getInstance(SendRecruitMessageUseCase.class)
                .send(new SendRecruitMessageCommand(
                        john.id(), Channel.SMS, "Still there?", Optional.empty(), new MessageKey("check-in/1")));
        assertThat(afterUninstall).isInstanceOf(SendOutcome.Refused.class);

        assertThat(all)
                .allSatisfy(store -> assertThat(store.calls.get())
                        .as("calls to the team's %s", store.port.getSimpleName())
                        .isPositive());
        // The team's credential store is the one bound, yet the core never reads it: only the GHL adapter does.
        assertThat(tokens.calls.get())
                .as("calls to the team's CredentialStore from the core")
                .isZero();
        // ... and Recruitflow's own in-memory stores were never used.
        assertThat(ours.recruits().all(Optional.empty())).isEmpty();
        assertThat(ours.intakeJournal().countByState())
                .allSatisfy((state, n) -> assertThat(n).isZero());
        assertThat(ours.opportunityMirror().all(Optional.empty())).isEmpty();
        assertThat(ours.appointments().forContact(contact)).isEmpty();
        assertThat(ours.messageLog().countByState(Optional.empty()))
                .allSatisfy((state, n) -> assertThat(n).isZero());
        assertThat(ours.processedEvents().isProcessed("wh_noshow_1")).isFalse();
        assertThat(ours.eventInbox().stats().stored()).isZero();
        // The decisions went to the team's record with its message log's transitions, none to ours.
        assertThat(decisions.all()).isNotEmpty();
        assertThat(ours.complianceRecord().all()).isEmpty();
    }

    private IncomingEvent webhook(String id, String type, ContactId contact, String body) {
        return new IncomingEvent(
                id,
                type,
                Optional.of(InMemoryGhl.LOCATION.value()),
                Optional.of(contact.value()),
                clock.now(),
                body.getBytes(StandardCharsets.UTF_8),
                clock.now());
    }
}
