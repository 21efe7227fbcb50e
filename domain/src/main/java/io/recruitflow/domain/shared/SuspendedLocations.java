package io.recruitflow.domain.shared;

import java.util.Map;
import java.util.Optional;

/**
 * Locations we must not act for, e.g. after GHL told us the app was uninstalled, or refused the location's
 * refresh token ({@link #REINSTALL_REQUIRED}). While a location is suspended nothing is sent to its recruits;
 * its intake waits, and resumes when the suspension is lifted (the app installed again).
 */
public interface SuspendedLocations {
    /**
     * The reason of a location whose OAuth grant GHL refused ({@code invalid_grant}): the refresh token is
     * spent or revoked, and only installing the app again gives access back.
     */
    String REINSTALL_REQUIRED = "reinstall required";

    void suspend(LocationId location, String reason);

    void resume(LocationId location);

    /** Why the location is suspended, or empty when it is not. */
    Optional<String> reason(LocationId location);

    /** Every suspended location with its reason (few: one per location at most). */
    Map<LocationId, String> all();
}
