package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The CRM's opportunities: a recruit's place in the recruiting pipeline. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Opportunities {

    /**
     * Creates the contact's opportunity in the pipeline, or answers the one it already has (from an earlier
     * import or a user): the CRM keeps one per contact and pipeline. One call when there is none, so a new
     * lead costs nothing extra. Not idempotent: after an {@link
     * io.recruitflow.domain.shared.ExternalFailure.OutcomeUnknown} look it up with {@link #findForContact}
     * before placing it again.
     */
    Placed place(OpportunityDraft draft);

    /** The contact's opportunity, and whether it was there before {@link #place}. */
    record Placed(OpportunityRef opportunity, boolean existing) {
        public Placed {
            java.util.Objects.requireNonNull(opportunity, "opportunity");
        }
    }

    /** The contact's opportunity in the pipeline, if it has one, with its stage and status. */
    Optional<OpportunityRef> findForContact(LocationId location, PipelineId pipeline, ContactId contact);

    /**
     * Assigns the opportunity to the user (GHL: {@code assignedTo}): a reassignment by hand. Idempotent. A new
     * recruit's assignee rides on {@link #place} instead ({@link OpportunityDraft#assignedTo}).
     */
    void assign(LocationId location, OpportunityId id, UserId user);

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
