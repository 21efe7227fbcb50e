package io.recruitflow.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.domain.shared.Clock;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job queue's worker threads as one part of the lifecycle ({@link PersistenceModule#jobWorkers}).
 *
 * <p><b>After an unclean stop.</b> The embedded database's data directory is locked to this process, so
 * whatever a previous process had claimed or was sending died with it: before the workers start, its claimed
 * jobs are released ({@link PostgresJobQueue#releaseClaims}) and its in-flight sends marked for reconciliation
 * ({@link PostgresMessageLog#interruptInFlight}), so they resume now rather than after the one-minute guards
 * that protect live instances. On an external database other instances may be alive, so the guards stay.
 */
final class JobWorkers {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorkers.class);
    /** How long a stop lets in-flight jobs finish; what is still running is revived by a live instance later. */
    static final Duration GRACE = Duration.ofSeconds(20);

    private final Database database;
    private final PostgresJobQueue queue;
    private final PostgresMessageLog messages;
    private final JobHandler handler;
    private final Clock clock;
    private final int threads;

    JobWorkers(
            Database database,
            PostgresJobQueue queue,
            PostgresMessageLog messages,
            JobHandler handler,
            Clock clock,
            int threads) {
        this.database = database;
        this.queue = queue;
        this.messages = messages;
        this.handler = handler;
        this.clock = clock;
        this.threads = threads;
    }

    @PostConstruct
    void start() {
        if (database.embedded()) {
            int released = queue.releaseClaims();
            int interrupted = messages.interruptInFlight(clock.now());
            if (released + interrupted > 0) {
                LOG.info(
                        "after an unclean stop: released {} claimed job(s), {} interrupted send(s) to reconcile",
                        released,
                        interrupted);
            }
        }
        queue.start(handler, threads);
    }

    @PreDestroy
    void stop() {
        queue.stop(GRACE);
    }

    /** Binds the workers; the queue, the database and the {@link JobHandler} come from where it is installed. */
    static final class WorkersModule extends AbstractModule {
        private final int threads;

        WorkersModule(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("job worker threads must be positive, was " + threads);
            }
            this.threads = threads;
        }

        @Provides
        @Singleton
        JobWorkers workers(
                Database database,
                PostgresJobQueue queue,
                PostgresMessageLog messages,
                JobHandler handler,
                Clock clock) {
            return new JobWorkers(database, queue, messages, handler, clock, threads);
        }
    }
}
