package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL opportunities. {@link #create} is not idempotent (it may fail with an unknown outcome): look the
 * contact's opportunity up with {@link #findForContact} before creating it again.
 */
public interface Opportunities {

    GhlOpportunity create(OpportunityDraft draft);

    Optional<GhlOpportunity> find(OpportunityId id);

    /** The contact's opportunity in the pipeline, if it has one. */
    Optional<GhlOpportunity> findForContact(LocationId location, PipelineId pipeline, ContactId contact);

    /** The opportunities of a pipeline, lazily over every page. */
    Stream<GhlOpportunity> search(LocationId location, PipelineId pipeline);

    /** Moves the opportunity to a stage and sets its status (GHL's {@code PUT /opportunities/{id}}). */
    GhlOpportunity move(OpportunityId id, StageId stage, OpportunityStatus status, Optional<BigDecimal> monetaryValue);

    /** Changes only the status. */
    void updateStatus(OpportunityId id, OpportunityStatus status);

    void delete(OpportunityId id);
}
