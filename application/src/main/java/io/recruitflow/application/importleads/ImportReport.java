package io.recruitflow.application.importleads;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import accepted and rejected. Every data row is counted in exactly one of: accepted (new recruits),
 * known (a recruit with that NPN, phone or email existed, earlier in this file or from an earlier import) or
 * rejected (with its row number and reason). The lists hold the first {@link #KEPT_ROWS} rows of each kind, so a
 * report of a file of any size stays small; the counts are of every row, and every row's outcome goes to the
 * command's {@link ImportListener} as it is decided. {@code layout} says how the file was read (its encoding, what
 * each column gave), when the reader said.
 */
public record ImportReport(
        int rows,
        int acceptedCount,
        int knownCount,
        int rejectedCount,
        List<Row> accepted,
        List<Row> known,
        List<Rejection> rejected,
        Optional<LeadFileLayout> layout) {
    /** How many rows of each kind a report lists (the counts go on). */
    public static final int KEPT_ROWS = 1_000;

    public ImportReport {
        accepted = List.copyOf(accepted);
        known = List.copyOf(known);
        rejected = List.copyOf(rejected);
        Objects.requireNonNull(layout, "layout");
        if (acceptedCount < accepted.size() || knownCount < known.size() || rejectedCount < rejected.size()) {
            throw new IllegalArgumentException("a count is below the rows listed");
        }
    }

    /** A report that lists every row. */
    public ImportReport(
            int rows, List<Row> accepted, List<Row> known, List<Rejection> rejected, Optional<LeadFileLayout> layout) {
        this(rows, accepted.size(), known.size(), rejected.size(), accepted, known, rejected, layout);
    }

    /** A report that lists every row, without the file's layout. */
    public ImportReport(int rows, List<Row> accepted, List<Row> known, List<Rejection> rejected) {
        this(rows, accepted, known, rejected, Optional.empty());
    }

    /** Whether some rows are counted but not listed (more than {@link #KEPT_ROWS} of a kind). */
    public boolean truncated() {
        return acceptedCount > accepted.size() || knownCount > known.size() || rejectedCount > rejected.size();
    }

    public record Row(int row, RecruitId recruit) {}

    public record Rejection(int row, String reason) {}

    /** Every listed recruit, new or known. */
    public List<RecruitId> recruits() {
        return java.util.stream.Stream.concat(accepted.stream(), known.stream())
                .map(Row::recruit)
                .distinct()
                .toList();
    }
}
