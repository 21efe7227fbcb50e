package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.adapter.persistence.PostgresAppointments;
import io.recruitflow.adapter.persistence.PostgresEventInbox;
import io.recruitflow.adapter.persistence.PostgresIntakeJournal;
import io.recruitflow.adapter.persistence.PostgresJobQueue;
import io.recruitflow.adapter.persistence.PostgresMessageLog;
import io.recruitflow.adapter.persistence.PostgresOpportunityMirror;
import io.recruitflow.adapter.persistence.PostgresProcessedEvents;
import io.recruitflow.adapter.persistence.PostgresRecruits;
import io.recruitflow.adapter.persistence.PostgresSuspendedLocations;
import io.recruitflow.adapter.persistence.PostgresTokenStore;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ProcessedEvents;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.domain.shared.TokenStore;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Every stateful port on PostgreSQL, and the durable job queue. The database is started (and migrated)
 * by the caller: modules only bind.
 */
public final class PersistenceModule extends AbstractModule {
    private final Database database;
    private final PostgresJobQueue jobs;
    private final TokenStore tokens;

    /** @param tokens the store from {@link #tokenStore}, shared with the GHL client created before the injector */
    public PersistenceModule(Database database, PostgresJobQueue jobs, TokenStore tokens) {
        this.database = Objects.requireNonNull(database, "database");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    @Override
    protected void configure() {
        Jdbi jdbi = database.jdbi();
        bind(Recruits.class).toInstance(new PostgresRecruits(jdbi));
        bind(IntakeJournal.class).toInstance(new PostgresIntakeJournal(jdbi));
        bind(OpportunityMirror.class).toInstance(new PostgresOpportunityMirror(jdbi));
        bind(Appointments.class).toInstance(new PostgresAppointments(jdbi));
        bind(MessageLog.class).toInstance(new PostgresMessageLog(jdbi));
        bind(ProcessedEvents.class).toInstance(new PostgresProcessedEvents(jdbi));
        bind(SuspendedLocations.class).toInstance(new PostgresSuspendedLocations(jdbi));
        bind(EventInbox.class).toInstance(new PostgresEventInbox(jdbi));
        bind(JobQueue.class).toInstance(jobs);
        bind(TokenStore.class).toInstance(tokens);
    }

    /** The token store: created by the caller before the GHL client, which needs it. */
    public static TokenStore tokenStore(Database database) {
        return new PostgresTokenStore(database.jdbi(), database.tokenCipher());
    }
}
