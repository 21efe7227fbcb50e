package io.recruitflow.application.importleads;

import io.recruitflow.domain.recruit.LeadInput;
import java.util.Objects;

/** One data row of a lead file. {@code row} is the line number a person sees in a spreadsheet (header = 1). */
public sealed interface LeadRow {
    int row();

    record Parsed(int row, LeadInput lead) implements LeadRow {
        public Parsed {
            Objects.requireNonNull(lead, "lead");
        }
    }

    /** The row could not be read as a lead at all (e.g. wrong number of columns). */
    record Unreadable(int row, String reason) implements LeadRow {}
}
