package io.recruitflow.application.recruitingreport;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The report as asked ({@code query}), when it was computed, and its groups. */
public record Report(ReportQuery query, Instant generatedAt, List<ReportRow> rows) {
    public Report {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(generatedAt, "generatedAt");
        rows = List.copyOf(rows);
    }
}
