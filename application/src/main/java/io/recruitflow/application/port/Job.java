package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;

/**
 * A unit of durable work. {@code id} names the work and deduplicates it: scheduling a job whose id is
 * already scheduled does nothing. What the id means depends on the type (a recruit id, a message key,
 * a webhook id).
 */
public record Job(JobType type, String id, Instant runAt, JobPriority priority) {
    public Job {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(priority, "priority");
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("job id must be 1..200 characters");
        }
    }
}
