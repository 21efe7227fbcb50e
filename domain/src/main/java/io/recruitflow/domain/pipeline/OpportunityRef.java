package io.recruitflow.domain.pipeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An opportunity the CRM holds: its id and the CRM's own time of its last change, which orders our mirror
 * against the CRM's later events (our clock and the CRM's may differ).
 */
public record OpportunityRef(OpportunityId id, Optional<Instant> updatedAt) {
    public OpportunityRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
