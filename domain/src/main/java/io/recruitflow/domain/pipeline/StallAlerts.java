package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Optional;

/**
 * The stall alerts raised so far, so each is raised once: across sweeps, restarts and instances.
 */
public interface StallAlerts {

    /**
     * Records the alert unless one of the same recruit, stage and {@code idleSince} is recorded; returns whether it
     * was new (then, and only then, it is announced).
     */
    boolean record(StallAlert alert);

    /** The latest alerts, newest first, of a location (or all). */
    List<StallAlert> recent(Optional<LocationId> location, int limit);
}
