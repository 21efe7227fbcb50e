package io.recruitflow.bootstrap.extension;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.TypeLiteral;
import io.recruitflow.adapter.ghl.webhook.WebhookDecodingModule;
import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryModule;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.application.applyghlevent.ApplyGhlEventCommand;
import io.recruitflow.application.applyghlevent.ApplyGhlEventUseCase;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.extension.noshow.NoShowFollowUpService;
import io.recruitflow.extension.noshow.NoShowFollowUpSettings;
import io.recruitflow.extension.noshow.NoShowFollowUpUseCase;
import io.recruitflow.extension.noshow.NoShowListener;
import io.recruitflow.extension.noshow.wiring.NoShowFollowUpModule;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The extension in Recruitflow's real injector: one more module, and the core calls it. */
class NoShowExtensionBootTest {
    static final String CSV = "First Name,Last Name,Phone,License State\nJohn,Smith,(407) 555-0123,FL\n";
    static final AppointmentId PRESENTATION = new AppointmentId("apt_idecide_1");

    final ManualClock clock =
            ManualClock.at("2026-02-12T10:00", ZoneId.of("America/New_York")); // a Thursday morning in Florida
    final InMemoryAdapters adapters = new InMemoryAdapters(clock);

    Injector boot(Module... extensions) {
        List<Module> modules = new ArrayList<>(List.of(
                new InMemoryModule(adapters),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(RecruitingSettings.defaults())));
        modules.addAll(List.of(extensions));
        Injector injector = Injectors.create(modules.toArray(Module[]::new));
        adapters.jobQueue().bind(injector.getInstance(JobHandler.class));
        return injector;
    }

    @Test
    void theInjectorBootsWithTheExtensionAndItsListenerIsAmongTheCoresListeners() {
        Injector injector = boot(new NoShowFollowUpModule(NoShowFollowUpSettings.defaults()));

        Set<GhlEventListener> listeners = injector.getInstance(Key.get(new TypeLiteral<Set<GhlEventListener>>() {}));
        // Beside the core's own listeners: GHL's delivery reports, the tag-trigger confirmation, the recruit
        // events that follow from GHL's news (outbound webhooks) and the presentations' follow-through.
        assertThat(listeners)
                .hasSize(5)
                .hasAtLeastOneElementOfType(io.recruitflow.application.outbound.RecruitEventsFromGhl.class)
                .hasAtLeastOneElementOfType(io.recruitflow.application.presentations.PresentationFollowThrough.class)
                .hasAtLeastOneElementOfType(NoShowListener.class)
                .hasAtLeastOneElementOfType(io.recruitflow.application.outreach.DeliveryReports.class)
                .hasAtLeastOneElementOfType(
                        io.recruitflow.application.intakerecruit.DelegatedEnrollmentConfirmation.class);
        assertThat(injector.getInstance(NoShowFollowUpUseCase.class))
                .isInstanceOf(NoShowFollowUpService.class)
                .isSameAs(injector.getInstance(NoShowFollowUpUseCase.class));
    }

    @Test
    void aNoShowAppliedThroughTheCoreTagsTheContact() {
        Injector injector = boot(new NoShowFollowUpModule(NoShowFollowUpSettings.defaults()));
        ContactId contact = aRecruitWhoBookedAndMissedThePresentation(injector);

        assertThat(tagsOf(contact)).contains("No-Show");
        assertThat(adapters.opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .stage())
                .isEqualTo(RecruitingStage.INTERESTED);
    }

    @Test
    void withoutTheExtensionTheCoreMovesTheRecruitBackButTagsNothing() {
        Injector injector = boot();
        ContactId contact = aRecruitWhoBookedAndMissedThePresentation(injector);

        assertThat(tagsOf(contact)).doesNotContain("No-Show");
        assertThat(adapters.opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .stage())
                .isEqualTo(RecruitingStage.INTERESTED);
    }

    private ContactId aRecruitWhoBookedAndMissedThePresentation(Injector injector) {
        injector.getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(
                        InMemoryGhl.LOCATION, new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8))));
        adapters.jobQueue().runDue(clock.now());
        assertThat(adapters.ghl().sentMessages()).as("the intro").hasSize(1);
        ContactId contact =
                adapters.recruits().all(Optional.empty()).get(0).contactId().orElseThrow();

        ApplyGhlEventUseCase apply = injector.getInstance(ApplyGhlEventUseCase.class);
        clock.advance(Duration.ofMinutes(10));
        apply.apply(new ApplyGhlEventCommand(appointment(contact, AppointmentStatus.CONFIRMED)));
        assertThat(adapters.opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .stage())
                .isEqualTo(RecruitingStage.PRESENTATION_SCHEDULED);
        clock.advance(Duration.ofDays(1));
        apply.apply(new ApplyGhlEventCommand(appointment(contact, AppointmentStatus.NOSHOW)));
        return contact;
    }

    private GhlEvent.AppointmentChanged appointment(ContactId contact, AppointmentStatus status) {
        Instant start = Instant.parse("2026-02-13T15:00:00Z");
        return new GhlEvent.AppointmentChanged(
                UUID.randomUUID().toString(),
                InMemoryGhl.LOCATION,
                clock.now(),
                false,
                PRESENTATION,
                InMemoryGhl.CALENDAR,
                contact,
                "iDecide Presentation - John Smith",
                start,
                start.plus(Duration.ofMinutes(30)),
                status);
    }

    private Set<String> tagsOf(ContactId contact) {
        return adapters.ghl().contacts().stream()
                .filter(c -> c.id().equals(contact))
                .findFirst()
                .orElseThrow()
                .tags();
    }
}
