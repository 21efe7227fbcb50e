package io.recruitflow.domain.pipeline;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An opportunity the CRM holds: its id, the CRM's own time of its last change, which orders our mirror
 * against the CRM's later events (our clock and the CRM's may differ), and, when the CRM said, the stage and
 * status it is at (an opportunity found rather than created may be anywhere in the pipeline).
 */
public record OpportunityRef(
        OpportunityId id, Optional<Instant> updatedAt, Optional<StageId> stage, Optional<OpportunityStatus> status) {
    public OpportunityRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
    }

    public OpportunityRef(OpportunityId id, Optional<Instant> updatedAt) {
        this(id, updatedAt, Optional.empty(), Optional.empty());
    }
}
