package io.recruitflow.application.importleads;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import accepted and rejected. Every data row is in exactly one of: accepted (new recruits),
 * known (a recruit with that NPN, phone or email existed, earlier in this file or from an earlier import) or
 * rejected (with its row number and reason). {@code layout} says how the file was read (its encoding, what
 * each column gave), when the reader said.
 */
public record ImportReport(
        int rows, List<Row> accepted, List<Row> known, List<Rejection> rejected, Optional<LeadFileLayout> layout) {
    public ImportReport {
        accepted = List.copyOf(accepted);
        known = List.copyOf(known);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(layout, "layout");
    }

    /** A report without the file's layout. */
    public ImportReport(int rows, List<Row> accepted, List<Row> known, List<Rejection> rejected) {
        this(rows, accepted, known, rejected, Optional.empty());
    }

    public int acceptedCount() {
        return accepted.size();
    }

    public int knownCount() {
        return known.size();
    }

    public int rejectedCount() {
        return rejected.size();
    }

    public record Row(int row, RecruitId recruit) {}

    public record Rejection(int row, String reason) {}

    /** Every recruit the file names, new or known. */
    public List<RecruitId> recruits() {
        return java.util.stream.Stream.concat(accepted.stream(), known.stream())
                .map(Row::recruit)
                .distinct()
                .toList();
    }
}
