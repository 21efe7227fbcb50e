package io.recruitflow.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Named;
import com.google.inject.name.Names;
import io.recruitflow.application.intakerecruit.SequentialAdmissions;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.application.recruitingreport.RecruitingReport;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ProcessedEvents;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every stateful port on PostgreSQL, and the durable job queue, built from a {@link DatabaseConfig}.
 *
 * <p>Binds {@link Database} (started and stopped by the injector's lifecycle through its
 * {@code @PostConstruct}/{@code @PreDestroy}: the embedded server or the pool, and the migrations), its pooled
 * {@link DataSource} (for other parts that keep state in the same database, such as the GHL client's shared
 * rate budget), {@link Recruits}, {@link IntakeJournal}, {@link OpportunityMirror}, {@link Appointments},
 * {@link MessageLog}, {@link RecruitReplies}, {@link ComplianceRecord}, {@link DeclaredEmergencies},
 * {@link ProcessedEvents}, {@link SuspendedLocations}, {@link EventInbox}, {@link CredentialStore},
 * {@link Outbox} (outbound events), {@link PendingInstalls} (so that an OAuth install started on one instance completes on another),
 * {@link JobQueue} and {@link RecruitAdmissions} (an import's batch in one commit). Needs a {@link Clock}: the queue's "due" follows it (the system's,
 * or a demo's simulated one).
 *
 * <p>Modules only bind: nothing here does I/O or starts a thread. The queue accepts jobs from the start; its
 * worker threads are a part of their own ({@link #jobWorkers}), for the processes that run jobs.
 */
public final class PersistenceModule extends AbstractModule {
    private final DatabaseConfig config;

    public PersistenceModule(DatabaseConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * The job queue's worker threads, {@code threads} of them, running the bound {@code JobHandler}: they start
     * with the module's injector (after releasing what a killed process had claimed, in embedded mode) and stop
     * letting in-flight jobs finish. Install it where {@link PersistenceModule} is bound, or in a child injector
     * of it, to start the workers later.
     */
    public static Module jobWorkers(int threads) {
        return new JobWorkers.WorkersModule(threads);
    }

    @Override
    protected void configure() {
        bind(DatabaseConfig.class).toInstance(config);
        // Bound by whoever configures outbound events (bootstrap): then an import's batch appends its
        // recruit.accepted events in its own commit.
        OptionalBinder.newOptionalBinder(binder(), Subscriptions.class);
        OptionalBinder.newOptionalBinder(binder(), RecruitEvents.class);
        OptionalBinder.newOptionalBinder(binder(), RecruitAdmissions.class)
                .setBinding()
                .to(Key.get(RecruitAdmissions.class, Names.named(ADMISSIONS)));
        OptionalBinder.newOptionalBinder(binder(), UnitOfWork.class)
                .setBinding()
                .to(PostgresUnitOfWork.class);
    }

    private static final String ADMISSIONS = "recruitflow.persistence.admissions";

    /**
     * An import's batches in one transaction each, when the recruits and the queue bound are this module's (the
     * journal may be decorated, as the service's metrics do: a batch writes its rows in the same database); one
     * after another through whatever is bound instead (an embedder's stores over this module). An embedder who
     * replaces only the journal over this module binds {@link RecruitAdmissions} to {@link SequentialAdmissions}.
     */
    @Provides
    @Singleton
    @Named(ADMISSIONS)
    RecruitAdmissions recruitAdmissions(
            Database database,
            Recruits recruits,
            IntakeJournal journal,
            JobQueue jobs,
            PostgresJobQueue queue,
            Optional<Subscriptions> subscriptions,
            Optional<RecruitEvents> events,
            Outbox outbox,
            RoundRobinTurns turns) {
        if (recruits instanceof PostgresRecruits && jobs == queue && outbox instanceof PostgresOutbox) {
            return new PostgresRecruitAdmissions(
                    database.jdbi(),
                    queue,
                    subscriptions.map(Subscriptions::names).orElse(List.of()));
        }
        return new SequentialAdmissions(recruits, journal, jobs, turns, events.orElse(RecruitEvents.none()));
    }

    @Provides
    @Singleton
    RoundRobinTurns roundRobinTurns(Database database) {
        return new PostgresRoundRobinTurns(database.jdbi());
    }

    /** A saga step's reads and writes in one commit, with the job it schedules. */
    @Provides
    @Singleton
    PostgresUnitOfWork postgresUnitOfWork(Database database) {
        return new PostgresUnitOfWork(database.jdbi());
    }

    @Provides
    @Singleton
    Database database(DatabaseConfig config) {
        return Database.create(config);
    }

    @Provides
    @Singleton
    DataSource dataSource(Database database) {
        return database.dataSource();
    }

    @Provides
    @Singleton
    Recruits recruits(Database database) {
        return new PostgresRecruits(database.jdbi());
    }

    @Provides
    @Singleton
    IntakeJournal intakeJournal(Database database) {
        return new PostgresIntakeJournal(database.jdbi());
    }

    @Provides
    @Singleton
    OpportunityMirror opportunityMirror(Database database) {
        return new PostgresOpportunityMirror(database.jdbi());
    }

    @Provides
    @Singleton
    RecruitingReport recruitingReport(Database database) {
        return new PostgresRecruitingReport(database.jdbi());
    }

    @Provides
    @Singleton
    Appointments appointments(Database database) {
        return new PostgresAppointments(database.jdbi());
    }

    @Provides
    @Singleton
    PostgresMessageLog postgresMessageLog(Database database) {
        return new PostgresMessageLog(database.jdbi());
    }

    @Provides
    @Singleton
    MessageLog messageLog(PostgresMessageLog messages) {
        return messages;
    }

    @Provides
    @Singleton
    RecruitReplies recruitReplies(Database database) {
        return new PostgresRecruitReplies(database.jdbi());
    }

    @Provides
    @Singleton
    io.recruitflow.domain.nurture.NurtureSteps nurtureSteps(Database database) {
        return new PostgresNurtureSteps(database.jdbi());
    }

    @Provides
    @Singleton
    io.recruitflow.domain.nurture.OwnerAlerts ownerAlerts(Database database) {
        return new PostgresOwnerAlerts(database.jdbi());
    }

    @Provides
    @Singleton
    ComplianceRecord complianceRecord(Database database) {
        return new PostgresComplianceRecord(database.jdbi());
    }

    @Provides
    @Singleton
    DeclaredEmergencies declaredEmergencies(Database database) {
        return new PostgresDeclaredEmergencies(database.jdbi());
    }

    @Provides
    @Singleton
    ProcessedEvents processedEvents(Database database) {
        return new PostgresProcessedEvents(database.jdbi());
    }

    @Provides
    @Singleton
    SuspendedLocations suspendedLocations(Database database) {
        return new PostgresSuspendedLocations(database.jdbi());
    }

    @Provides
    @Singleton
    EventInbox eventInbox(Database database) {
        return new PostgresEventInbox(database.jdbi());
    }

    /** Fails the start of an external database without {@code RECRUITFLOW_SECRET_KEY}: credentials are stored encrypted. */
    @Provides
    @Singleton
    CredentialStore credentialStore(Database database) {
        return new PostgresCredentialStore(database.jdbi(), database.tokenCipher());
    }

    @Provides
    @Singleton
    Outbox outbox(Database database) {
        return new PostgresOutbox(database.jdbi());
    }

    @Provides
    @Singleton
    PendingInstalls pendingInstalls(Database database, Clock clock) {
        return new PostgresPendingInstalls(database.jdbi(), clock);
    }

    @Provides
    @Singleton
    PostgresJobQueue postgresJobQueue(Database database, Clock clock, PostgresUnitOfWork work) {
        return PostgresJobQueue.on(database, PostgresJobQueue.DEFAULT_POLLING_INTERVAL, clock)
                .joining(work);
    }

    @Provides
    @Singleton
    JobQueue jobQueue(PostgresJobQueue queue) {
        return queue;
    }
}
