package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** What we ask GHL to create as an opportunity. */
public record OpportunityDraft(
        LocationId location,
        PipelineId pipeline,
        StageId stage,
        ContactId contact,
        String name,
        OpportunityStatus status,
        BigDecimal monetaryValue,
        Optional<UserId> assignedTo) {
    public OpportunityDraft {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(pipeline, "pipeline");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("opportunity name is blank");
        }
        monetaryValue = monetaryValue == null ? BigDecimal.ZERO : monetaryValue;
    }
}
