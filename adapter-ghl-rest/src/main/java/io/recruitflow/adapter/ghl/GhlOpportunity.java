package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An opportunity as GHL holds it, with GHL's raw stage id (which may belong to any pipeline). */
public record GhlOpportunity(
        OpportunityId id,
        LocationId location,
        ContactId contact,
        String name,
        PipelineId pipeline,
        StageId stage,
        OpportunityStatus status,
        BigDecimal monetaryValue,
        Optional<UserId> assignedTo,
        Optional<Instant> updatedAt) {
    public GhlOpportunity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(status, "status");
        monetaryValue = monetaryValue == null ? BigDecimal.ZERO : monetaryValue;
        name = name == null ? "" : name;
    }
}
