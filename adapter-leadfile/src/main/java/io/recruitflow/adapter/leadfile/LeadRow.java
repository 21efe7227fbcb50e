package io.recruitflow.adapter.leadfile;

import io.recruitflow.domain.recruit.LeadInput;
import java.util.Objects;

/**
 * One data row of a lead file: its fields, or why it could not be read. {@link #rowNumber()} is the row
 * a person sees in a spreadsheet (the header is row 1, the first data row is row 2).
 */
public sealed interface LeadRow {
    int rowNumber();

    /** A row that was read; the lead rules have not been applied yet. */
    record ParsedRow(int rowNumber, LeadInput input) implements LeadRow {
        public ParsedRow {
            Objects.requireNonNull(input, "input");
        }
    }

    /** A row that could not be read, e.g. because it has more or fewer fields than the header. */
    record RowError(int rowNumber, String reason) implements LeadRow {
        public RowError {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
