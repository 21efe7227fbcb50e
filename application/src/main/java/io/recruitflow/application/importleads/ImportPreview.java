package io.recruitflow.application.importleads;

import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.Lead;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an import of the file would do: how the file was read, the first accepted leads as they would be sent,
 * the rows that repeat an earlier row of the file (the import counts them as already known), and every row
 * that would be rejected, with its reason. Recruits already known from earlier imports are not looked up.
 *
 * @param rows     the data rows read
 * @param accepted how many rows would be accepted (duplicates within the file not counted)
 */
public record ImportPreview(
        Optional<LeadFileLayout> layout,
        int rows,
        int accepted,
        List<Sample> sample,
        List<Duplicate> duplicates,
        List<ImportReport.Rejection> rejected) {
    public ImportPreview {
        Objects.requireNonNull(layout, "layout");
        sample = List.copyOf(sample);
        duplicates = List.copyOf(duplicates);
        rejected = List.copyOf(rejected);
    }

    /** An accepted row: the lead, the contact the upsert would send, and the intro. */
    public record Sample(int row, Lead lead, ContactDraft contact, OutgoingMessage intro) {}

    /** A row that names the same recruit (NPN, phone or email) as an earlier row of the file. */
    public record Duplicate(int row, int sameAs) {}
}
