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
 * Checks that the location is one Recruitflow can work in (installed, not suspended), then streams the file: rows
 * are handed to intake in batches of {@value #BATCH} ({@link IntakeRecruitUseCase#acceptAll}: one commit each on
 * PostgreSQL), a batch also going once it has waited a second for more rows. Memory stays constant whatever the
 * file's size: one batch, the counts and the first {@link ImportReport#KEPT_ROWS} rows of each kind; every row's
 * outcome goes to the command's {@link ImportListener}.
 */
@Singleton
public class ImportLeadsService implements ImportLeadsUseCase {
    /** Rows accepted together: one commit on PostgreSQL for the recruits, their journals and their first jobs. */
    static final int BATCH = 500;
    /** A batch waits at most this long for more rows (a slowly streamed file): its leads are not held longer. */
    private static final long MAX_BATCH_WAIT_NANOS = 1_000_000_000L;

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
        Tally tally = new Tally(command.listener());
        // Unreadable rows wait in the batch too, so that rows are reported in file order.
        List<LeadRow> batch = new ArrayList<>(BATCH);
        long[] batchStarted = {0};
        LeadFileLayout layout;
        try {
            layout = reader.read(command.file(), command.mapping(), row -> {
                tally.rows++;
                if (batch.isEmpty()) {
                    batchStarted[0] = System.nanoTime();
                }
                batch.add(row);
                if (batch.size() >= BATCH || System.nanoTime() - batchStarted[0] > MAX_BATCH_WAIT_NANOS) {
                    accept(location, batch, tally);
                }
            });
        } catch (RuntimeException e) {
            // The rows read before a file that went wrong midway (too large, a row too long to read) are imported,
            // as they would have been one by one.
            if (!batch.isEmpty()) {
                try {
                    accept(location, batch, tally);
                } catch (RuntimeException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        }
        if (!batch.isEmpty()) {
            accept(location, batch, tally);
        }
        return new ImportReport(
                tally.rows,
                tally.acceptedCount,
                tally.knownCount,
                tally.rejectedCount,
                tally.accepted,
                tally.known,
                tally.rejected,
                Optional.ofNullable(layout));
    }

    /** Accepts the batch's leads together (one commit where the store allows), then clears it. */
    private void accept(LocationId location, List<LeadRow> batch, Tally tally) {
        List<IntakeRecruitCommand> commands = new ArrayList<>(batch.size());
        for (LeadRow row : batch) {
            if (row instanceof LeadRow.Parsed parsed) {
                commands.add(new IntakeRecruitCommand(location, parsed.lead()));
            }
        }
        List<IntakeAcceptance> outcomes = commands.isEmpty() ? List.of() : intake.acceptAll(commands);
        int next = 0;
        for (LeadRow leadRow : batch) {
            int row = leadRow.row();
            if (leadRow instanceof LeadRow.Unreadable unreadable) {
                tally.rejected(new ImportReport.Rejection(row, unreadable.reason()));
                continue;
            }
            IntakeAcceptance outcome = outcomes.get(next++);
            if (outcome instanceof IntakeAcceptance.Accepted a) {
                tally.accepted(new ImportReport.Row(row, a.recruit()));
            } else if (outcome instanceof IntakeAcceptance.AlreadyKnown k) {
                tally.known(new ImportReport.Row(row, k.recruit()));
            } else {
                tally.rejected(new ImportReport.Rejection(row, ((IntakeAcceptance.Rejected) outcome).reason()));
            }
        }
        batch.clear();
        tally.listener.progress(
                new ImportListener.Progress(tally.rows, tally.acceptedCount, tally.knownCount, tally.rejectedCount));
    }

    /** The counts of an import, the first rows of each kind, and the listener that hears every row. */
    private static final class Tally {
        final ImportListener listener;
        final List<ImportReport.Row> accepted = new ArrayList<>();
        final List<ImportReport.Row> known = new ArrayList<>();
        final List<ImportReport.Rejection> rejected = new ArrayList<>();
        int rows;
        int acceptedCount;
        int knownCount;
        int rejectedCount;

        Tally(ImportListener listener) {
            this.listener = listener;
        }

        void accepted(ImportReport.Row row) {
            acceptedCount++;
            if (accepted.size() < ImportReport.KEPT_ROWS) {
                accepted.add(row);
            }
            listener.accepted(row);
        }

        void known(ImportReport.Row row) {
            knownCount++;
            if (known.size() < ImportReport.KEPT_ROWS) {
                known.add(row);
            }
            listener.known(row);
        }

        void rejected(ImportReport.Rejection rejection) {
            rejectedCount++;
            if (rejected.size() < ImportReport.KEPT_ROWS) {
                rejected.add(rejection);
            }
            listener.rejected(rejection);
        }
    }
}
