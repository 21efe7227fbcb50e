package io.recruitflow.adapter.webhook;

import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportQuery;
import io.recruitflow.domain.shared.LocationId;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report a request asks for, from its query parameters: {@code group} ({@code source|state|recruiter|week},
 * default {@code source}), {@code from} and {@code to} (ISO-8601 dates, inclusive, of acceptance), {@code zone}
 * (an IANA time zone, default UTC: the days and the cohort weeks are counted there) and {@code locationId}.
 */
final class ReportRequest {
    private ReportRequest() {}

    /** A parameter the report cannot take; its message says which and what is expected. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message, null);
        }
    }

    /** {@code param} gives a request's query parameter (null when absent). */
    static ReportQuery parse(Function<String, String> param) {
        String rawGroup = present(param.apply("group")).orElse(ReportGrouping.SOURCE.key());
        ReportGrouping grouping = ReportGrouping.parse(rawGroup)
                .orElseThrow(() -> new Invalid("group must be one of " + ReportGrouping.choices()));
        Optional<LocalDate> from = date(param, "from");
        Optional<LocalDate> to = date(param, "to");
        ZoneId zone;
        try {
            zone = present(param.apply("zone")).map(ZoneId::of).orElse(ReportQuery.DEFAULT_ZONE);
        } catch (DateTimeException e) {
            throw new Invalid("zone must be an IANA time zone such as America/New_York");
        }
        Optional<LocationId> location;
        try {
            location = present(param.apply("locationId")).map(LocationId::new);
        } catch (IllegalArgumentException e) {
            throw new Invalid("locationId is not a valid location id");
        }
        try {
            return new ReportQuery(grouping, from, to, zone, location);
        } catch (IllegalArgumentException e) {
            throw new Invalid(e.getMessage());
        }
    }

    private static Optional<LocalDate> date(Function<String, String> param, String name) {
        Optional<String> raw = present(param.apply(name));
        try {
            return raw.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new Invalid(name + " must be an ISO-8601 date (2026-11-30)");
        }
    }

    private static Optional<String> present(String raw) {
        return Optional.ofNullable(raw).map(String::strip).filter(s -> !s.isEmpty());
    }
}
