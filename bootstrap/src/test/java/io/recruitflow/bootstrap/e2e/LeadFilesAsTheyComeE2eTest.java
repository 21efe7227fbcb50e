package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lead files as a new user brings them, in a real child JVM on the real adapters (embedded PostgreSQL, the GHL
 * REST client against the sandbox): Excel's default "CSV (Comma delimited)", in Windows-1252, imports with its
 * accents intact and the report says how it was read; a file that cannot be imported — for {@code import} as
 * for {@code demo --leads}, which used to print a stack trace — ends with one line naming the file and exit
 * code 2, and nothing on stderr looks like a stack trace.
 */
class LeadFilesAsTheyComeE2eTest {
    static final Path FIXTURES = Path.of("..", "adapter-leadfile", "src", "test", "resources", "leadfiles");

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        E2e.stopOrphanedPostgres(dir.resolve("data"));
    }

    record Run(int exit, String out, String err) {}

    private Run recruitflow(Map<Setting, String> settings, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = E2e.startCli(dir, settings, out, err, args);
        children.add(process);
        assertThat(process.waitFor(150, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static String fixture(String name) {
        return FIXTURES.resolve(name).toAbsolutePath().toString();
    }

    private static void assertNoStackTrace(Run run) {
        assertThat(run.err())
                .as("stderr")
                .doesNotContain("\tat ")
                .doesNotContain("Exception in thread")
                .doesNotContain("BadLeadFileException");
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void anExcelFileImportsWithItsAccentsAndABadFileIsOneLineAndExitCode2() throws Exception {
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
            Map<Setting, String> settings = E2e.settings(sandbox, dir.resolve("data"));

            Run excel = recruitflow(settings, "import", fixture("excel-csv-comma-delimited-windows-1252.csv"));
            assertThat(excel.exit()).as("stderr:%n%s", excel.err()).isZero();
            assertThat(excel.out())
                    .contains("4 rows → 4 new leads accepted, 0 already known, 0 rejected")
                    .contains("read as Windows-1252; columns: 'First Name' → First Name");

            Run bad = recruitflow(settings, "import", fixture("utf16le-without-bom.csv"));
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err())
                    .contains("recruitflow import: " + fixture("utf16le-without-bom.csv")
                            + ": the lead file could not be read: it has NUL bytes");
            assertNoStackTrace(bad);
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void anImportIntoALocationTheTokenDoesNotReachIsOneLineAndExitCode2() throws Exception {
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
            // The private integration token is loc_abc123's (E2e.settings); loc_def456 is another location.
            Run elsewhere = recruitflow(
                    E2e.settings(sandbox, dir.resolve("data-elsewhere")),
                    "import",
                    fixture("excel-csv-comma-delimited-windows-1252.csv"),
                    "--location",
                    "loc_def456");

            assertThat(elsewhere.exit()).as("stderr:%n%s", elsewhere.err()).isEqualTo(2);
            assertThat(elsewhere.err())
                    .contains("recruitflow import: location loc_def456: Recruitflow has no access to location"
                            + " loc_def456")
                    .contains("RECRUITFLOW_GHL_LOCATION_ID");
            assertNoStackTrace(elsewhere);
            assertThat(sandbox.stats().requests()).as("GHL calls").isZero();
        }
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void theDemoOnTheRealAdaptersRefusesABadLeadFileWithoutAStackTrace() throws Exception {
        Run demo = recruitflow(Map.of(), "demo", "--leads", fixture("unrecognised-headers.csv"));

        assertThat(demo.exit())
                .as("stdout:%n%s%nstderr:%n%s", demo.out(), demo.err())
                .isEqualTo(2);
        assertThat(demo.err())
                .contains("recruitflow demo: " + fixture("unrecognised-headers.csv")
                        + ": the lead file has no name column");
        assertNoStackTrace(demo);
    }
}
