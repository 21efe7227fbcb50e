package io.recruitflow.application.port;

/**
 * Durable, prioritised, deduplicated jobs. Implementations keep scheduled jobs across restarts, run
 * each due job once at a time across every instance sharing the queue, and hand it to the
 * {@link JobHandler}.
 */
public interface JobQueue {

    /** Schedules the job unless a job of the same type and id is already scheduled; returns whether it did. */
    boolean schedule(Job job);

    /**
     * Schedules the job, or, when a job of the same type and id waits for a later time, moves that one to the job's
     * time; one ranked lower ({@link Job#rank}) is raised to the job's rank. A job of that type and id that is running
     * is asked to run again: once its run ends, it runs again no later than the job's time (whether the run ended done
     * or rescheduled for later), so work added during a run is never left behind by the run's end. For a job that
     * gathers work (a location's enrollment batch): new work must not wait for the retry time an earlier run chose, nor
     * be missed by a run that looked before it came. Returns whether a job was scheduled, moved or asked to run again.
     * A queue without it schedules only ({@link #schedule}).
     */
    default boolean scheduleNoLaterThan(Job job) {
        return schedule(job);
    }
}
