package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit of durable work. {@code id} names the work and deduplicates it: scheduling a job whose id is
 * already scheduled does nothing. What the id means depends on the type (a recruit id, a message key,
 * a webhook id).
 *
 * <p>{@code backlogPosition} is the job's place in its location's backlog (0 = nothing of that location
 * waits before it). Within one priority, a lower position runs first, so locations take turns instead of
 * one location's large import holding every worker while another location's leads wait.
 */
public record Job(JobType type, String id, Instant runAt, JobPriority priority, int backlogPosition) {
    /**
     * Positions beyond this all rank alike. Keeps {@link #rank()} inside its priority's band and within
     * db-scheduler's {@code smallint} priority column: ranks go up to 30,000.
     */
    static final int MAX_POSITION = 999;

    public Job(JobType type, String id, Instant runAt, JobPriority priority) {
        this(type, id, runAt, priority, 0);
    }

    /** The order in which due jobs run, higher first: the priority, then the backlog position. */
    public int rank() {
        return priority.weight() * (MAX_POSITION + 1) - Math.min(backlogPosition, MAX_POSITION);
    }

    public Job {
        if (backlogPosition < 0) {
            throw new IllegalArgumentException("backlog position must not be negative");
        }
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(priority, "priority");
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("job id must be 1..200 characters");
        }
    }
}
