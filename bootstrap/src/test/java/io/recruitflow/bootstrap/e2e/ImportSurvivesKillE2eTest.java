package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recruitflow import FILE --wait} in a real child JVM, killed with SIGKILL ({@code kill -9}) three times
 * at random moments while it works through 150 leads, then run to completion: every lead is in GHL exactly
 * once, and a final re-run of the same import makes no GHL call at all ("known leads cost no GHL calls").
 *
 * <p>The kills land anywhere: while the file is being accepted, inside a GHL call, between a call and its
 * journal entry. Each killed JVM leaves its embedded PostgreSQL running (it was started by pg_ctl, outside the
 * JVM) and its claimed jobs behind; the next run must take over the data directory, recover, revive the dead
 * jobs and reconcile every step that may have happened. The sandbox runs in this JVM, so its counters are
 * the truth about what reached GHL.
 */
class ImportSurvivesKillE2eTest {
    private static final int LEADS = 150;
    private static final int KILLS = 3;
    /** 137 = 128 + 9: the child died of SIGKILL, not of SIGTERM (143) or by itself. */
    private static final int KILLED_BY_SIGKILL = 137;

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        // A failure may leave the postgres of a killed child running; nothing else stops it.
        E2e.stopOrphanedPostgres(dir.resolve("data"));
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void killedThreeTimesMidImportEveryLeadEndsUpInGhlExactlyOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path leads = E2e.writeLeads(dir.resolve("leads-150.csv"), LEADS, 7);
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
            Map<Setting, String> settings = E2e.settings(sandbox, dir.resolve("data"));

            // An intake takes about 5 GHL calls, so the whole import about 750: three kills after 40 to 180 calls
            // of progress each always leave work for the last run.
            for (int kill = 1; kill <= KILLS; kill++) {
                long before = sandbox.stats().requests();
                int progress = 40 + random.nextInt(141);
                Path out = dir.resolve("run-" + kill + ".out");
                Path err = dir.resolve("run-" + kill + ".err");
                Process child = startImport(settings, leads, out, err);
                E2e.await(
                        Duration.ofSeconds(90),
                        Duration.ofMillis(10),
                        () -> sandbox.stats().requests() >= before + progress || !child.isAlive(),
                        () -> "run " + sandbox.stats().requests() + " made no progress; stderr:\n" + E2e.tail(err, 30));
                assertThat(child.isAlive())
                        .as(
                                "run %d still working when killed (seed %d); stdout:%n%s%nstderr:%n%s",
                                kill, seed, E2e.tail(out, 10), E2e.tail(err, 30))
                        .isTrue();
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue())
                        .as("exit status of the killed run")
                        .isEqualTo(KILLED_BY_SIGKILL);
                System.out.printf(
                        "run %d (pid %d) killed with SIGKILL after %d GHL calls of progress%n",
                        kill, child.pid(), sandbox.stats().requests() - before);
            }

            Path out = dir.resolve("run-final.out");
            Path err = dir.resolve("run-final.err");
            long finalStart = System.nanoTime();
            Process last = startImport(settings, leads, out, err);
            assertThat(last.waitFor(180, TimeUnit.SECONDS))
                    .as("the last run finishes; stderr:%n%s", E2e.tail(err, 30))
                    .isTrue();
            String lastOut = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(last.exitValue())
                    .as("exit of the last run (seed %d); stdout:%n%s%nstderr:%n%s", seed, lastOut, E2e.tail(err, 40))
                    .isZero();
            assertThat(lastOut)
                    .contains("Done: " + LEADS * 4 + " steps done, 0 deferred by quiet hours, 0 skipped, 0 failed");

            System.out.printf(
                    "the last run completed the import in %d s%n",
                    Duration.ofNanos(System.nanoTime() - finalStart).toSeconds());
            SandboxStats stats = sandbox.stats();
            assertThat(stats.contacts()).as("contacts").isEqualTo(LEADS);
            assertThat(stats.opportunities()).as("opportunities").isEqualTo(LEADS);
            assertThat(stats.messagesByType().get("SMS")
                            + stats.messagesByType().get("Email"))
                    .as("intros")
                    .isEqualTo(LEADS);
            assertThat(stats.workflowEnrollments()).as("enrollments").isEqualTo(LEADS);
            assertThat(stats.duplicateContacts()).as("duplicate contacts").isZero();
            assertThat(stats.duplicateMessages()).as("duplicate messages").isZero();

            // Known leads cost no GHL calls: the same import again is answered from our own database.
            long requests = stats.requests();
            Path againOut = dir.resolve("run-again.out");
            Process again = startImport(settings, leads, againOut, dir.resolve("run-again.err"));
            assertThat(again.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(again.exitValue()).isZero();
            assertThat(Files.readString(againOut, StandardCharsets.UTF_8))
                    .contains(LEADS + " rows → 0 new leads accepted, " + LEADS + " already known, 0 rejected");
            assertThat(sandbox.stats().requests()).as("GHL calls of the re-run").isEqualTo(requests);
            System.out.printf(
                    "%d leads through %d kills: %d GHL calls, %d rate-limited%n",
                    LEADS, KILLS, requests, stats.rateLimited());
        }
    }

    /**
     * Starts {@code recruitflow import FILE --wait} in a new JVM on this test's class path, configured only
     * through {@code RECRUITFLOW_*} variables, its output in files (a full pipe would stall it).
     */
    private Process startImport(Map<Setting, String> settings, Path leads, Path out, Path err) throws IOException {
        Process process = E2e.startCli(
                dir, settings, out, err, "import", leads.toAbsolutePath().toString(), "--wait");
        children.add(process);
        return process;
    }
}
