package io.recruitflow.application.importleads;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;

/**
 * What an import accepted and rejected. Every data row is in exactly one of: accepted (new recruits),
 * known (a recruit with that phone or email existed, earlier in this file or from an earlier import) or
 * rejected (with its row number and reason).
 */
public record ImportReport(int rows, List<Row> accepted, List<Row> known, List<Rejection> rejected) {
    public ImportReport {
        accepted = List.copyOf(accepted);
        known = List.copyOf(known);
        rejected = List.copyOf(rejected);
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
