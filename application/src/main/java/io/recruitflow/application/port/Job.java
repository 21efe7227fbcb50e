package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit of durable work: its typed payload, when it is due and how it ranks.
 *
 * <p>{@code backlogPosition} is the job's place in its location's backlog (0 = nothing of that location
 * waits before it). Within one priority, a lower position runs first, so locations take turns instead of
 * one location's large import holding every worker while another location's leads wait.
 */
public record Job(JobPayload payload, Instant runAt, JobPriority priority, int backlogPosition) {
    /**
     * Positions beyond this all rank alike. Keeps {@link #rank()} inside its priority's band and within
     * db-scheduler's {@code smallint} priority column: ranks go up to 30,000.
     */
    public static final int MAX_POSITION = 999;

    public Job {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(priority, "priority");
        if (backlogPosition < 0) {
            throw new IllegalArgumentException("backlog position must not be negative");
        }
        String key = payload.key();
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a job key must be 1..200 characters");
        }
    }

    public Job(JobPayload payload, Instant runAt, JobPriority priority) {
        this(payload, runAt, priority, 0);
    }

    public JobType type() {
        return payload.type();
    }

    /** The key that deduplicates jobs of the same type. */
    public String key() {
        return payload.key();
    }

    /** The order in which due jobs run, higher first: the priority, then the backlog position. */
    public int rank() {
        return priority.weight() * (MAX_POSITION + 1) - Math.min(backlogPosition, MAX_POSITION);
    }
}
