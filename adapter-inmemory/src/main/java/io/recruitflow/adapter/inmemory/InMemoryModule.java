package io.recruitflow.adapter.inmemory;

import com.google.inject.AbstractModule;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.application.recruitingreport.RecruitingReport;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruiters;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ProcessedEvents;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.util.Objects;

/**
 * Every outbound port on the in-memory adapters: our stores, the job queue, an in-memory GHL and the
 * {@link Clock} they share. For tests, the demo and embedders trying Recruitflow out; nothing survives the
 * process and nothing needs starting. Its configuration is the {@link InMemoryAdapters} it binds, which the
 * caller keeps to inspect them and to drive the job queue ({@link InMemoryJobQueue#bind}, {@code runDue}).
 */
public final class InMemoryModule extends AbstractModule {
    private final InMemoryAdapters adapters;

    public InMemoryModule(InMemoryAdapters adapters) {
        this.adapters = Objects.requireNonNull(adapters, "adapters");
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(adapters.clock());
        bind(Recruits.class).toInstance(adapters.recruits());
        bind(IntakeJournal.class).toInstance(adapters.intakeJournal());
        bind(OpportunityMirror.class).toInstance(adapters.opportunityMirror());
        bind(Appointments.class).toInstance(adapters.appointments());
        bind(RecruitingReport.class).toInstance(adapters.recruitingReport());
        bind(MessageLog.class).toInstance(adapters.messageLog());
        bind(ComplianceRecord.class).toInstance(adapters.complianceRecord());
        bind(DeclaredEmergencies.class).toInstance(adapters.declaredEmergencies());
        bind(CredentialStore.class).toInstance(adapters.credentialStore());
        bind(ProcessedEvents.class).toInstance(adapters.processedEvents());
        bind(EventInbox.class).toInstance(adapters.eventInbox());
        bind(JobQueue.class).toInstance(adapters.jobQueue());
        bind(RecruitReplies.class).toInstance(adapters.recruitReplies());
        bind(Outbox.class).toInstance(adapters.outbox());
        bind(io.recruitflow.domain.nurture.NurtureSteps.class).toInstance(adapters.nurtureSteps());
        bind(io.recruitflow.domain.nurture.OwnerAlerts.class).toInstance(adapters.ownerAlerts());
        bind(SuspendedLocations.class).toInstance(new InMemorySuspendedLocations());
        bind(PendingInstalls.class).toInstance(new InMemoryPendingInstalls(adapters.clock()));

        InMemoryGhl ghl = adapters.ghl();
        bind(ContactDirectory.class).toInstance(ghl.contactDirectory());
        bind(io.recruitflow.domain.recruit.ContactTags.class).toInstance(ghl.contactDirectory());
        bind(Opportunities.class).toInstance(ghl.opportunities());
        bind(Pipelines.class).toInstance(ghl.pipelines());
        bind(Conversations.class).toInstance(ghl.conversations());
        bind(Calendars.class).toInstance(ghl.calendars());
        bind(Workflows.class).toInstance(ghl.workflows());
        bind(Installations.class).toInstance(ghl.installations());
        bind(Recruiters.class).toInstance(ghl.recruiters());
        bind(RoundRobinTurns.class).toInstance(new InMemoryRoundRobinTurns());
        bind(CallBudgets.class).toInstance(CallBudgets.none()); // the in-memory GHL does not throttle
    }
}
