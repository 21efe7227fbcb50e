package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The CRM's opportunities: a recruit's place in the recruiting pipeline. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Opportunities {

    /**
     * Creates the opportunity. Not idempotent: after an {@link
     * io.recruitflow.domain.shared.ExternalFailure.OutcomeUnknown} look it up with {@link #findForContact}
     * before creating it again.
     */
    OpportunityRef create(OpportunityDraft draft);

    /** The contact's opportunity in the pipeline, if it has one. */
    Optional<OpportunityRef> findForContact(LocationId location, PipelineId pipeline, ContactId contact);

    /**
     * Moves the opportunity to a stage and sets its status (and value, if given). Idempotent. Returns when
     * the CRM recorded the change, if it said.
     */
    Optional<Instant> move(
            LocationId location,
            OpportunityId id,
            StageId stage,
            OpportunityStatus status,
            Optional<BigDecimal> monetaryValue);
}
