package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.Clock;
import java.util.Objects;

/**
 * Every in-memory adapter in one place, without a DI container: the stores of our own data, the job
 * queue (a caller-driven test fake) and the in-memory GHL account. {@link InMemoryModule} or an
 * embedder binds each port to the matching accessor.
 */
public final class InMemoryAdapters {
    private final Clock clock;
    private final InMemoryRecruits recruits = new InMemoryRecruits();
    private final InMemoryIntakeJournal intakeJournal =
            new InMemoryIntakeJournal(id -> recruits.find(id).map(Recruit::location));
    private final InMemoryOpportunityMirror opportunityMirror = new InMemoryOpportunityMirror();
    private final InMemoryAppointments appointments = new InMemoryAppointments();
    private final InMemoryComplianceRecord complianceRecord = new InMemoryComplianceRecord();
    private final InMemoryMessageLog messageLog = new InMemoryMessageLog(complianceRecord);
    private final DeclaredEmergencies declaredEmergencies = DeclaredEmergencies.inMemory();
    private final InMemoryCredentialStore credentialStore = new InMemoryCredentialStore();
    private final InMemoryProcessedEvents processedEvents = new InMemoryProcessedEvents();
    private final InMemoryEventInbox eventInbox = new InMemoryEventInbox();
    private final InMemoryJobQueue jobQueue = new InMemoryJobQueue();
    private final InMemoryRecruitReplies recruitReplies = new InMemoryRecruitReplies();
    private final InMemoryRecruitingReport recruitingReport =
            new InMemoryRecruitingReport(recruits, opportunityMirror, appointments, complianceRecord);
    private final InMemoryOutbox outbox = new InMemoryOutbox();
    private final InMemoryNurtureSteps nurtureSteps = new InMemoryNurtureSteps();
    private final InMemoryOwnerAlerts ownerAlerts = new InMemoryOwnerAlerts();
    private final InMemoryGhl ghl;

    public InMemoryAdapters(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ghl = new InMemoryGhl(clock);
    }

    public Clock clock() {
        return clock;
    }

    public InMemoryRecruits recruits() {
        return recruits;
    }

    public InMemoryIntakeJournal intakeJournal() {
        return intakeJournal;
    }

    public InMemoryOpportunityMirror opportunityMirror() {
        return opportunityMirror;
    }

    public InMemoryAppointments appointments() {
        return appointments;
    }

    public InMemoryMessageLog messageLog() {
        return messageLog;
    }

    /** The recruiting manager's report over these stores. */
    public InMemoryRecruitingReport recruitingReport() {
        return recruitingReport;
    }

    /** The compliance decisions, appended by the message log as messages move. */
    public InMemoryComplianceRecord complianceRecord() {
        return complianceRecord;
    }

    /** The declared emergencies (suspensions per state) the compliance rules honour. */
    public DeclaredEmergencies declaredEmergencies() {
        return declaredEmergencies;
    }

    public InMemoryCredentialStore credentialStore() {
        return credentialStore;
    }

    public InMemoryProcessedEvents processedEvents() {
        return processedEvents;
    }

    public InMemoryEventInbox eventInbox() {
        return eventInbox;
    }

    /** The job queue; bind its handler with {@link InMemoryJobQueue#bind} once the application exists. */
    public InMemoryJobQueue jobQueue() {
        return jobQueue;
    }

    public InMemoryRecruitReplies recruitReplies() {
        return recruitReplies;
    }

    /** The outbox of outbound events. */
    public InMemoryOutbox outbox() {
        return outbox;
    }

    public InMemoryNurtureSteps nurtureSteps() {
        return nurtureSteps;
    }

    public InMemoryOwnerAlerts ownerAlerts() {
        return ownerAlerts;
    }

    public InMemoryGhl ghl() {
        return ghl;
    }
}
