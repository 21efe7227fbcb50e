package io.recruitflow.application.port;

/**
 * Durable, prioritised, deduplicated jobs. Implementations keep scheduled jobs across restarts, run
 * each due job once at a time across every instance sharing the queue, and hand it to the
 * {@link JobHandler}.
 */
public interface JobQueue {

    /** Schedules the job unless a job of the same type and id is already scheduled; returns whether it did. */
    boolean schedule(Job job);
}
