package io.recruitflow.application.port;

/** Runs a due job. Implemented by the application; called by the {@link JobQueue} implementation. */
@FunctionalInterface
public interface JobHandler {
    /**
     * Runs the job. An exception means an unexpected failure: the queue retries with backoff and
     * never drops the job.
     */
    JobOutcome run(Job job);
}
