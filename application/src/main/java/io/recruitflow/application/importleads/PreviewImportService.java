package io.recruitflow.application.importleads;

import io.recruitflow.application.intakerecruit.IntakePreview;
import io.recruitflow.domain.recruit.Lead;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the file row by row through the lead rules, as the import does, and stores nothing. */
@Singleton
public class PreviewImportService implements PreviewImportUseCase {
    private final LeadFileReader reader;
    private final IntakePreview intake;

    @Inject
    public PreviewImportService(LeadFileReader reader, IntakePreview intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public ImportPreview preview(ImportLeadsCommand command, int sample) {
        if (sample < 0) {
            throw new IllegalArgumentException("sample must not be negative");
        }
        List<ImportPreview.Sample> samples = new ArrayList<>();
        List<ImportPreview.Duplicate> duplicates = new ArrayList<>();
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        // The row that first named each identity; the stores match on the same three.
        Map<String, Integer> firstRow = new HashMap<>();
        int[] counts = {0, 0};
        LeadFileLayout layout = reader.read(command.file(), command.mapping(), row -> {
            counts[0]++;
            if (row instanceof LeadRow.Unreadable unreadable) {
                rejected.add(new ImportReport.Rejection(row.row(), unreadable.reason()));
                return;
            }
            IntakePreview.Outcome outcome = intake.preview(command.location(), ((LeadRow.Parsed) row).lead());
            if (outcome instanceof IntakePreview.Outcome.Rejected r) {
                rejected.add(new ImportReport.Rejection(row.row(), r.reason()));
                return;
            }
            IntakePreview.Outcome.WouldSend send = (IntakePreview.Outcome.WouldSend) outcome;
            Optional<Integer> earlier = earlierRow(send.lead(), row.row(), firstRow);
            if (earlier.isPresent()) {
                duplicates.add(new ImportPreview.Duplicate(row.row(), earlier.get()));
                return;
            }
            counts[1]++;
            if (samples.size() < sample) {
                samples.add(new ImportPreview.Sample(row.row(), send.lead(), send.contact(), send.intro()));
            }
        });
        return new ImportPreview(Optional.ofNullable(layout), counts[0], counts[1], samples, duplicates, rejected);
    }

    /** The earlier row with the lead's NPN, phone or email (in that order), else records this row for them. */
    private static Optional<Integer> earlierRow(Lead lead, int row, Map<String, Integer> firstRow) {
        List<String> keys = new ArrayList<>();
        lead.license().npn().ifPresent(n -> keys.add("npn:" + n.value()));
        lead.phone().ifPresent(p -> keys.add("phone:" + p.e164()));
        lead.email().ifPresent(e -> keys.add("email:" + e.value()));
        for (String key : keys) {
            Integer earlier = firstRow.get(key);
            if (earlier != null) {
                return Optional.of(earlier);
            }
        }
        keys.forEach(k -> firstRow.put(k, row));
        return Optional.empty();
    }
}
