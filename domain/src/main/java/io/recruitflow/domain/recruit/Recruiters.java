package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.LocationId;
import java.util.List;

/**
 * The CRM's users of a location: the recruiters recruits are routed to (GHL: {@code GET /users/?locationId=}).
 * Failures are {@link io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Recruiters {

    /** Every user of the location. */
    List<Recruiter> of(LocationId location);
}
