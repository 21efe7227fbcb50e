package io.recruitflow.domain.shared;

import java.util.Optional;

/**
 * Locations we must not act for, e.g. after GHL told us the app was uninstalled. While a location is
 * suspended nothing is sent to its recruits; its intake waits.
 */
public interface SuspendedLocations {
    void suspend(LocationId location, String reason);

    void resume(LocationId location);

    /** Why the location is suspended, or empty when it is not. */
    Optional<String> reason(LocationId location);
}
