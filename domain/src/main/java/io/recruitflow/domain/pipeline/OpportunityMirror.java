package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our durable mirror of the recruiting pipeline: one opportunity per recruit (per GHL contact), with its
 * stage, status and version. Writes carry GHL's timestamp, and a write older than what is stored is
 * ignored, so events arriving out of order never overwrite newer state. The furthest stage each
 * opportunity reached only ever rises, whatever the order of the writes. A deleted opportunity is tombstoned:
 * GHL follows every OpportunityDelete with an OpportunityUpdate (highlevel-api-docs #27), and no write after
 * a delete — later, older, or before the delete was known — brings it back.
 */
public interface OpportunityMirror {

    /**
     * Stores the opportunity unless the stored one is newer ({@code updatedAt} after this one's) or it was
     * deleted. Returns whether it was stored. Its {@link Opportunity#furthestStage()} never lowers the stored
     * one, and raises it even when the write is older and so not stored: that stage was reached all the same.
     */
    boolean save(Opportunity opportunity);

    Optional<Opportunity> find(OpportunityId id);

    Optional<Opportunity> findByContact(ContactId contact);

    /** Deletes the opportunity for good: it is no longer found, listed or counted, and never stored again. */
    void delete(OpportunityId id);

    /** Every opportunity of a location (or all), for reports. */
    List<Opportunity> all(Optional<LocationId> location);

    /** Opportunities per stage, every stage present (zero when none). */
    Map<RecruitingStage, Long> countByStage(Optional<LocationId> location);
}
