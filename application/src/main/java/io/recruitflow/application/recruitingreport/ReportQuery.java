package io.recruitflow.application.recruitingreport;

import io.recruitflow.domain.shared.LocationId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * A report asked for: the grouping, the days of acceptance {@code from} through {@code to} (both inclusive,
 * either open) in {@code zone}, which is also the zone cohort weeks are counted in (default UTC), one location
 * or all.
 */
public record ReportQuery(
        ReportGrouping grouping,
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        ZoneId zone,
        Optional<LocationId> location) {
    /** The zone of a report that names none. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    public ReportQuery {
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(location, "location");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException(
                    "the report's end (" + to.get() + ") is before its start (" + from.get() + ")");
        }
    }

    /** Every recruit of every location, grouped so, weeks in UTC. */
    public static ReportQuery of(ReportGrouping grouping) {
        return new ReportQuery(grouping, Optional.empty(), Optional.empty(), DEFAULT_ZONE, Optional.empty());
    }

    /** What the store is asked: the days as instants, {@code to} as the start of the day after. */
    public ReportCriteria criteria() {
        return new ReportCriteria(
                grouping,
                from.map(d -> d.atStartOfDay(zone).toInstant()),
                to.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()),
                zone,
                location);
    }
}
