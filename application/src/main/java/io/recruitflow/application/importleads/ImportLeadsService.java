package io.recruitflow.application.importleads;

import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that the location is one Recruitflow can work in (installed, not suspended), then reads the file row by
 * row and hands each lead to intake.
 */
@Singleton
public class ImportLeadsService implements ImportLeadsUseCase {
    private final LeadFileReader reader;
    private final IntakeRecruitUseCase intake;
    private final Installations installations;
    private final SuspendedLocations suspended;

    @Inject
    public ImportLeadsService(
            LeadFileReader reader,
            IntakeRecruitUseCase intake,
            Installations installations,
            SuspendedLocations suspended) {
        this.reader = reader;
        this.intake = intake;
        this.installations = installations;
        this.suspended = suspended;
    }

    @Override
    public ImportReport importLeads(ImportLeadsCommand command) {
        LocationId location = command.location();
        Optional<String> suspension = suspended.reason(location);
        if (suspension.isPresent()) {
            throw new LocationNotReachable(
                    location,
                    "location " + location.value() + " is suspended (" + suspension.get()
                            + "): install the app there again before importing");
        }
        if (!installations.reaches(location)) {
            throw new LocationNotReachable(
                    location,
                    "Recruitflow has no access to location " + location.value()
                            + (installations.selfInstallable()
                                    ? ": install Recruitflow there, or for the location's agency"
                                    : ": its fixed access token is another location's; import into that one, or"
                                            + " install Recruitflow as a marketplace app to work in many locations"));
        }
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
