package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.IOException;
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
 * {@code recruitflow serve} with Recruitflow's own cadence on (intro, then two follow-ups a few seconds apart),
 * in a real child JVM killed with SIGKILL ({@code kill -9}) three times at random moments while 40 recruits go
 * through it, then run until the cadence is over: every recruit got the intro and both follow-ups, and no text
 * reached GHL twice. The kills land anywhere: between a step's plan and its job, inside GHL's send of a step
 * (the next run reconciles it against the conversation before sending again), between a send and the step's
 * settlement, between a step and the planning of the next. The sandbox runs in this JVM: its counters are the
 * truth about what reached GHL.
 */
class CadenceSurvivesKillE2eTest {
    private static final int LEADS = 40;
    private static final int KILLS = 3;
    /** The intro and the cadence's two steps. */
    private static final int TEXTS_EACH = 3;

    private static final int KILLED_BY_SIGKILL = 137;
    /** Two follow-ups 3 s and 6 s after the intro (real time in the child), then rest: the whole run in seconds. */
    static final String FAST_CADENCE = "{fast: {stage: Contacted, steps: ["
            + "{after: 3s, text: 'Hi {First}, a quick follow-up from Gary at OOC Unlimited. Reply STOP to opt out.'},"
            + " {after: 6s, text: 'Hi {First}, last note from Gary: reply here any time. Reply STOP to opt out.'}],"
            + " rest: {after: 2s, status: open}}}";

    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        children.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
        E2e.stopOrphanedPostgres(dir.resolve("data"));
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void killedThreeTimesMidCadenceNoStepIsLostAndNoneSentTwice() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path leads = E2e.writeLeads(dir.resolve("leads-40.csv"), LEADS, 16);
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
            Map<Setting, String> settings = new java.util.LinkedHashMap<>(E2e.settings(sandbox, dir.resolve("data")));
            settings.put(Setting.NURTURE, "on");
            settings.put(Setting.NURTURE_CADENCES, FAST_CADENCE);
            settings.put(Setting.ADMIN_TOKEN, "cadence-e2e-admin-token-0123456789");

            Process accept = start(
                    settings,
                    dir.resolve("import.out"),
                    dir.resolve("import.err"),
                    "import",
                    leads.toAbsolutePath().toString());
            assertThat(accept.waitFor(90, TimeUnit.SECONDS)).isTrue();
            assertThat(accept.exitValue())
                    .as("import; stderr:%n%s", E2e.tail(dir.resolve("import.err"), 30))
                    .isZero();

            for (int kill = 1; kill <= KILLS; kill++) {
                long before = texts(sandbox);
                int progress = 5 + random.nextInt(26);
                Path out = dir.resolve("serve-" + kill + ".out");
                Path err = dir.resolve("serve-" + kill + ".err");
                Process child = start(settings, out, err, "serve");
                E2e.await(
                        Duration.ofSeconds(120),
                        Duration.ofMillis(5),
                        () -> texts(sandbox) >= before + progress || !child.isAlive(),
                        () -> "run " + texts(sandbox) + " texts, no progress; stderr:\n" + E2e.tail(err, 30));
                assertThat(child.isAlive())
                        .as("run %d still working when killed (seed %d); stderr:%n%s", kill, seed, E2e.tail(err, 30))
                        .isTrue();
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                assertThat(child.exitValue())
                        .as("exit status of the killed run")
                        .isEqualTo(KILLED_BY_SIGKILL);
                System.out.printf(
                        "serve %d (pid %d) killed with SIGKILL after %d texts of progress (%d in all)%n",
                        kill, child.pid(), texts(sandbox) - before, texts(sandbox));
            }

            Path err = dir.resolve("serve-final.err");
            long finalStart = System.nanoTime();
            Process last = start(settings, dir.resolve("serve-final.out"), err, "serve");
            E2e.await(
                    Duration.ofSeconds(180),
                    Duration.ofMillis(50),
                    () -> texts(sandbox) >= (long) LEADS * TEXTS_EACH || !last.isAlive(),
                    () -> texts(sandbox) + " of " + LEADS * TEXTS_EACH + " texts (seed " + seed + "); stderr:\n"
                            + E2e.tail(err, 40));
            // Anything sent twice would come now: the steps' jobs and reconciliations have settled by then.
            Thread.sleep(8_000);
            assertThat(last.isAlive()).as("the last run keeps serving").isTrue();
            last.destroy(); // SIGTERM: a graceful stop
            assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();

            SandboxStats stats = sandbox.stats();
            System.out.printf(
                    "%d recruits through %d kills: %d texts (%d expected), %d duplicate messages, the last run %d s%n",
                    LEADS,
                    KILLS,
                    texts(sandbox),
                    LEADS * TEXTS_EACH,
                    stats.duplicateMessages(),
                    Duration.ofNanos(System.nanoTime() - finalStart).toSeconds());
            assertThat(stats.contacts()).as("contacts").isEqualTo(LEADS);
            assertThat(texts(sandbox))
                    .as("texts: the intro and both follow-ups, once each (seed %d)", seed)
                    .isEqualTo((long) LEADS * TEXTS_EACH);
            assertThat(stats.duplicateMessages()).as("texts sent twice").isZero();
            assertThat(stats.workflowEnrollments())
                    .as("no one is also enrolled in GHL's workflow")
                    .isZero();
        }
    }

    private static long texts(GhlSandbox sandbox) {
        return sandbox.stats().messagesByType().getOrDefault("SMS", 0L);
    }

    private Process start(Map<Setting, String> settings, Path out, Path err, String... args) throws IOException {
        Process process = E2e.startCli(dir, settings, out, err, args);
        children.add(process);
        return process;
    }
}
