package io.recruitflow.bootstrap.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.jobs.RecruitflowJobs;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.domain.shared.Clock;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recruitflow's own work when its job workers start: wake the inbox, stall and enrollment sweeps, and resume every
 * intake a crash left unfinished. Both only schedule jobs, which the workers run.
 */
final class Work {
    private static final Logger LOG = LoggerFactory.getLogger(Work.class);
    /** Enough for any backlog a crash can leave: each is one job, scheduled once. */
    static final int RESUME_LIMIT = 100_000;

    private final JobQueue jobs;
    private final IntakeSaga saga;
    private final Clock clock;
    private final Subscriptions subscriptions;

    Work(JobQueue jobs, IntakeSaga saga, Clock clock, Subscriptions subscriptions) {
        this.jobs = jobs;
        this.saga = saga;
        this.clock = clock;
        this.subscriptions = subscriptions;
    }

    @PostConstruct
    void resume() {
        wakeInboxSweep(jobs, clock);
        if (!subscriptions.isEmpty()) {
            // The one delivery job of outbound events; without subscribers there is nothing to deliver.
            jobs.schedule(OutboundDispatcher.job(clock));
        }
        jobs.schedule(RecruitflowJobs.stallSweep(clock));
        jobs.schedule(RecruitflowJobs.enrollmentSweep(clock));
        int resumed = saga.resumeUnfinished(RESUME_LIMIT);
        if (resumed > 0) {
            LOG.info("resumed {} unfinished intake(s)", resumed);
        }
    }

    /** Schedules the one inbox sweep now (a no-op when it is already scheduled). */
    static void wakeInboxSweep(JobQueue jobs, Clock clock) {
        jobs.schedule(RecruitflowJobs.inboxSweep(clock));
    }

    /** Binds {@link Work}; install it beside the job workers. */
    static final class WorkModule extends AbstractModule {
        @Provides
        @Singleton
        Work work(JobQueue jobs, IntakeSaga saga, Clock clock, Subscriptions subscriptions) {
            return new Work(jobs, saga, clock, subscriptions);
        }
    }
}
