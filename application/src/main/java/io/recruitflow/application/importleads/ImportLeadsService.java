package io.recruitflow.application.importleads;

import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the file row by row and hands each lead to intake. */
@Singleton
public class ImportLeadsService implements ImportLeadsUseCase {
    private final LeadFileReader reader;
    private final IntakeRecruitUseCase intake;

    @Inject
    public ImportLeadsService(LeadFileReader reader, IntakeRecruitUseCase intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public ImportReport importLeads(ImportLeadsCommand command) {
        List<ImportReport.Row> accepted = new ArrayList<>();
        List<ImportReport.Row> known = new ArrayList<>();
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        int[] rows = {0};
        LeadFileLayout layout = reader.read(command.file(), command.mapping(), row -> {
            rows[0]++;
            if (row instanceof LeadRow.Unreadable unreadable) {
                rejected.add(new ImportReport.Rejection(row.row(), unreadable.reason()));
                return;
            }
            IntakeAcceptance outcome =
                    intake.accept(new IntakeRecruitCommand(command.location(), ((LeadRow.Parsed) row).lead()));
            if (outcome instanceof IntakeAcceptance.Accepted a) {
                accepted.add(new ImportReport.Row(row.row(), a.recruit()));
            } else if (outcome instanceof IntakeAcceptance.AlreadyKnown k) {
                known.add(new ImportReport.Row(row.row(), k.recruit()));
            } else {
                rejected.add(new ImportReport.Rejection(row.row(), ((IntakeAcceptance.Rejected) outcome).reason()));
            }
        });
        return new ImportReport(rows[0], accepted, known, rejected, Optional.ofNullable(layout));
    }
}
