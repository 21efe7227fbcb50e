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
     * Creates the opportunity. Not idempotent: look the contact's opportunity up with {@link #findForContact}
     * before creating one (the contact may have one from an earlier import, a user, or an attempt that ended
     * in {@link io.recruitflow.domain.shared.ExternalFailure.OutcomeUnknown}).
     */
    OpportunityRef create(OpportunityDraft draft);

    /** The contact's opportunity in the pipeline, if it has one, with its stage and status. */
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
