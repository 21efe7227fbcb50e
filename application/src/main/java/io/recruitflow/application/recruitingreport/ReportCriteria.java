package io.recruitflow.application.recruitingreport;

import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link RecruitingReport} is asked: the grouping, the recruits accepted in {@code [from, to)} (either end
 * open when empty), the zone that cohort weeks are counted in, and one location or all.
 */
public record ReportCriteria(
        ReportGrouping grouping,
        Optional<Instant> from,
        Optional<Instant> to,
        ZoneId zone,
        Optional<LocationId> location) {
    public ReportCriteria {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(location, "location");
        if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
            throw new IllegalArgumentException("the report's start must be before its end");
        }
    }
}
