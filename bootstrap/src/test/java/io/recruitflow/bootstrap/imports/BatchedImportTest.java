package io.recruitflow.bootstrap.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportListener;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.bootstrap.bench.PgCommits;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import on the embedded PostgreSQL accepts its rows in batches: 5,000 rows cost a handful of commits, not
 * several per row, and the one-recruit-per-NPN/phone/email rule is still exact — a row repeating another row of
 * the same batch, by NPN, phone or email alone, is known as that row's recruit, and so is one repeating a row of
 * an earlier batch. Every new recruit has its journal and its first job, and the report lists only the first rows
 * while counting all of them. No job worker runs: acceptance makes no GHL call.
 */
class BatchedImportTest {
    private static final int ROWS = 5_000;
    private static final String LOCATION = "loc_abc123";

    @TempDir
    Path dir;

    @Test
    void fiveThousandRowsInBatchedCommitsWithDuplicatesInsideABatchCaught() throws Exception {
        StringBuilder csv = new StringBuilder("First Name,Last Name,Email,Phone,License State,NPN\n");
        for (int i = 0; i < ROWS - 4; i++) {
            csv.append(row(i, "agent." + i + "@example.com", phone(i), "" + (1_000_000 + i)));
        }
        // File rows 4,998..5,001 (data row i is file row i + 2) repeat earlier ones, each by one identity alone:
        csv.append(row(9001, "other.a@example.com", phone(9001), "" + 1_004_990)); // NPN of this batch's row
        csv.append(row(9002, "other.b@example.com", phone(4_991), "" + 1_909_002)); // phone of this batch's row
        csv.append(row(9003, "agent.4992@example.com", phone(9003), "" + 1_909_003)); // email of this batch's row
        csv.append(row(9004, "agent.7@example.com", phone(9004), "" + 1_909_004)); // email of the first batch
        List<ImportListener.Progress> progress = new ArrayList<>();
        Map<Integer, RecruitId> byRow = new HashMap<>();
        ImportListener listener = new ImportListener() {
            @Override
            public void accepted(ImportReport.Row row) {
                byRow.put(row.row(), row.recruit());
            }

            @Override
            public void known(ImportReport.Row row) {
                byRow.put(row.row(), row.recruit());
            }

            @Override
            public void progress(Progress p) {
                progress.add(p);
            }
        };
        Settings settings = Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, "http://127.0.0.1:9")
                .with(Setting.GHL_TOKEN, "pit-test-no-calls")
                .with(Setting.GHL_LOCATION_ID, LOCATION)
                .with(Setting.DATA_DIR, dir.toString());
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
            PgCommits pg = new PgCommits(dir);
            PgCommits.Counts before = pg.counts();
            long xidBefore = xid(dir);
            ImportReport report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(
                            new LocationId(LOCATION),
                            new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                            io.recruitflow.application.importleads.ColumnMapping.none(),
                            listener));
            long writes = xid(dir) - xidBefore - 1; // transactions given an id (those that wrote), minus the probe's
            PgCommits.Counts cost = pg.counts().minus(before);

            assertThat(report.rows()).isEqualTo(ROWS);
            assertThat(report.rejected()).isEmpty();
            assertThat(report.acceptedCount()).isEqualTo(ROWS - 4);
            assertThat(report.knownCount()).isEqualTo(4);
            assertThat(report.rejectedCount()).isZero();
            assertThat(report.accepted()).hasSize(ImportReport.KEPT_ROWS);
            assertThat(report.truncated()).isTrue();
            assertThat(report.known()).extracting(ImportReport.Row::row).containsExactly(4998, 4999, 5000, 5001);
            assertThat(byRow.get(4998)).isEqualTo(byRow.get(4990 + 2));
            assertThat(byRow.get(4999)).isEqualTo(byRow.get(4991 + 2));
            assertThat(byRow.get(5000)).isEqualTo(byRow.get(4992 + 2));
            assertThat(byRow.get(5001)).isEqualTo(byRow.get(7 + 2));
            assertThat(progress).hasSize(10);
            assertThat(progress.get(progress.size() - 1)).isEqualTo(new ImportListener.Progress(ROWS, ROWS - 4, 4, 0));

            // 10 batches of 500, one write transaction each, plus the known row of the first batch (its unfinished
            // intake looked at and scheduled again, as a single accept does: 2). One-by-one acceptance wrote 3
            // transactions a row and committed 3.9 (19,000 here); the commits counted also hold the statistics reads
            // and the server's own work (autovacuum), hence their looser bound.
            assertThat(writes).as("write transactions for %d rows", ROWS).isLessThanOrEqualTo(10 + 2 + 2);
            assertThat(cost.commits())
                    .as("PostgreSQL commits for %d rows", ROWS)
                    .isLessThanOrEqualTo(ROWS / 50);
            assertThat(cost.walSyncs()).as("WAL syncs for %d rows", ROWS).isLessThanOrEqualTo(ROWS / 50);

            Recruits recruits = runtime.injector().getInstance(Recruits.class);
            IntakeJournal journal = runtime.injector().getInstance(IntakeJournal.class);
            assertThat(recruits.all(Optional.empty())).hasSize(ROWS - 4);
            assertThat(journal.steps(byRow.get(2))).isNotEmpty();
            assertThat(journal.steps(byRow.get(ROWS - 4 + 1))).isNotEmpty();
            assertThat(scheduledJobs(dir)).isEqualTo(ROWS - 4);
        }
    }

    private static String row(int i, String email, String phone, String npn) {
        return "Agent,N" + i + "," + email + "," + phone + ",TX," + npn + "\n";
    }

    /** +1 212 EEE-LLLL, a distinct valid number per i. */
    private static String phone(int i) {
        return "+1212" + (234 + i / 10_000) + String.format("%04d", i % 10_000);
    }

    private static long xid(Path dataDir) throws Exception {
        return query(dataDir, "select txid_current()");
    }

    private static long scheduledJobs(Path dataDir) throws Exception {
        return query(dataDir, "select count(*) from scheduled_tasks");
    }

    private static long query(Path dataDir, String sql) throws Exception {
        String port = Files.readString(dataDir.resolve("postgres.port")).strip();
        String password = Files.readString(
                        dataDir.resolve(io.recruitflow.adapter.persistence.Database.SUPERUSER_PASSWORD_FILE))
                .strip();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/recruitflow", "postgres", password);
                ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
