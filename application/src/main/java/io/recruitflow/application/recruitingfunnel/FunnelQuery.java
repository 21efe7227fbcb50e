package io.recruitflow.application.recruitingfunnel;

import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;
import java.util.Optional;

/** The funnel of one location, or of all. */
public record FunnelQuery(Optional<LocationId> location) {
    public FunnelQuery {
        Objects.requireNonNull(location, "location must be present or empty, not null");
    }

    public static FunnelQuery all() {
        return new FunnelQuery(Optional.empty());
    }
}
