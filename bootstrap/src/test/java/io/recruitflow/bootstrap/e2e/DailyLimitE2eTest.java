package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.demo.DemoClock;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, "the daily limit", on the real adapters against the sandbox with a small daily limit and a simulated
 * clock: once a location's daily remaining is down to the reserve ({@code RECRUITFLOW_GHL_DAILY_RESERVE}), new
 * leads' intros are still sent and the follow-ups (workflow enrollment) wait for the daily reset; once the quota is
 * spent, intros wait too; no call is answered 429; after the reset every deferred step runs. The dashboard and
 * {@code /metrics} say so meanwhile. {@code docs/benchmarks.md} ("The daily limit") records a run.
 */
class DailyLimitE2eTest {
    private static final String ADMIN = "an-admin-token-for-the-daily-limit-test";
    /** A Wednesday at 18:00 UTC; the sandbox's day (UTC's) ends six hours later. */
    private static final Instant WEDNESDAY = Instant.parse("2026-03-11T18:00:00Z");

    private static final Instant RESET = Instant.parse("2026-03-12T00:00:00Z");
    private static final long DAILY_LIMIT = 120;
    /** The daily remaining the batch starts from: ten intros (30 calls) and a few follow-ups fit. */
    private static final long START_REMAINING = 40;
    /** Kept for intros: follow-ups stop once 35 calls are left, so at most 5 (plus those in flight) run first. */
    private static final int RESERVE = 35;

    private static final int BATCH = 10;
    private static final int LATE = 5;

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void nearTheDailyLimitIntrosGoFirstFollowUpsWaitForTheResetAndNoCallIsAnswered429() throws Exception {
        DemoClock clock = new DemoClock(WEDNESDAY);
        try (GhlSandbox sandbox = GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("100/1s")
                .withDailyLimit(DAILY_LIMIT)
                .withClock(JavaClocks.of(clock)))) {
            Settings settings =
                    E2e.signedSettings(sandbox, dir, ADMIN).with(Setting.GHL_DAILY_RESERVE, Integer.toString(RESERVE));
            try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), clock)) {
                int port = runtime.startHttp();
                runtime.startJobs();
                Path all = E2e.writeLeads(dir.resolve("all.csv"), 1 + BATCH + LATE, 15);
                List<String> lines = Files.readAllLines(all);
                List<RecruitId> ids = new ArrayList<>();

                // A first lead settles the location's setup (pipeline, workflow, fields) and its whole intake.
                ids.addAll(importAndAwait(runtime, lines, 1, 1, true));
                long remaining = burnDownTo(sandbox, START_REMAINING);
                assertThat(remaining).isEqualTo(START_REMAINING);
                long before = sandbox.stats().location(E2e.LOCATION).requests();

                // Ten leads with 40 calls left: the ten intros (30 calls) are sent, most follow-ups wait.
                List<RecruitId> batch = importAndAwait(runtime, lines, 2, BATCH, false);
                ids.addAll(batch);
                E2e.await(
                        Duration.ofSeconds(60),
                        Duration.ofMillis(50),
                        () -> sms(sandbox) == 1 + BATCH,
                        () -> "intros not sent: " + sandbox.stats().location(E2e.LOCATION));
                Thread.sleep(1_500); // whatever else would run now, runs
                SandboxStats.LocationStats day1 = sandbox.stats().location(E2e.LOCATION);
                long enrolledEarly = day1.workflowEnrollments() - 1;
                long spentOnBatch = day1.requests() - before;
                assertThat(day1.rateLimited()).as("calls answered 429").isZero();
                assertThat(spentOnBatch).isEqualTo(3L * BATCH + enrolledEarly);
                assertThat(enrolledEarly)
                        .as("follow-ups run before the reserve was reached")
                        .isLessThan(BATCH);
                CallBudget budget = budget(runtime);
                assertThat(budget.dailyRemaining()).isEqualTo(START_REMAINING - spentOnBatch);
                assertThat(budget.dailyResetAt()).isEqualTo(RESET);
                String dashboard = get(port, "/");
                assertThat(dashboard)
                        .contains(budget.dailyRemaining() + " of " + DAILY_LIMIT + " left today")
                        .contains("follow-ups deferred until 2026-03-12 00:00:00 UTC");
                String metrics = get(port, "/metrics");
                assertThat(gauge(metrics, "recruitflow_ghl_daily_remaining")).isEqualTo(budget.dailyRemaining());
                assertThat(gauge(metrics, "recruitflow_ghl_followups_deferred")).isEqualTo(1.0);
                System.out.printf(
                        "daily limit %d, %d left before %d leads, reserve %d: %d intros sent (%d calls), %d of %d"
                                + " follow-ups ran before the reserve, %d deferred; 429s: %d%n",
                        DAILY_LIMIT,
                        START_REMAINING,
                        BATCH,
                        RESERVE,
                        BATCH,
                        3 * BATCH,
                        enrolledEarly,
                        BATCH,
                        BATCH - enrolledEarly,
                        day1.rateLimited());

                // Five more leads with what is left: the calls stop at 0 left, not at a 429.
                List<RecruitId> late = importAndAwait(runtime, lines, 2 + BATCH, LATE, false);
                ids.addAll(late);
                E2e.await(
                        Duration.ofSeconds(60),
                        Duration.ofMillis(50),
                        () -> budget(runtime).dailyRemaining() == 0,
                        () -> "quota not spent: " + budget(runtime));
                Thread.sleep(1_500);
                SandboxStats.LocationStats spent = sandbox.stats().location(E2e.LOCATION);
                assertThat(spent.rateLimited()).as("calls answered 429").isZero();
                assertThat(spent.requests()).isEqualTo(DAILY_LIMIT);
                long lateIntros = sms(sandbox) - 1 - BATCH;
                assertThat(lateIntros).isLessThan(LATE);
                assertThat(gauge(get(port, "/metrics"), "recruitflow_ghl_daily_remaining"))
                        .isZero();
                System.out.printf(
                        "%d more leads with %d left: %d intros sent, %d wait for the reset; calls %d of %d, 429s: %d%n",
                        LATE,
                        START_REMAINING - spentOnBatch,
                        lateIntros,
                        LATE - lateIntros,
                        spent.requests(),
                        DAILY_LIMIT,
                        spent.rateLimited());

                // The day resets: every deferred follow-up and held intro runs.
                clock.advanceTo(RESET.plusSeconds(1));
                IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
                long resetAt = System.nanoTime();
                E2e.await(
                        Duration.ofSeconds(90),
                        Duration.ofMillis(50),
                        () -> ids.stream().allMatch(intake::isComplete),
                        () -> "not complete after the reset: " + sandbox.stats().location(E2e.LOCATION));
                long afterResetMs = (System.nanoTime() - resetAt) / 1_000_000;
                SandboxStats.LocationStats day2 = sandbox.stats().location(E2e.LOCATION);
                assertThat(day2.rateLimited()).as("calls answered 429").isZero();
                assertThat(day2.messagesByType()).containsEntry("SMS", (long) ids.size());
                assertThat(day2.workflowEnrollments()).isEqualTo(ids.size());
                assertThat(day2.contacts()).isEqualTo(ids.size());
                assertThat(day2.duplicateContacts()).isZero();
                assertThat(day2.duplicateMessages()).isZero();
                assertThat(get(port, "/")).doesNotContain("follow-ups deferred");
                System.out.printf(
                        "after the reset: all %d intakes complete within %d ms (%d SMS, %d enrollments), %d calls"
                                + " that day, 429s: %d%n",
                        ids.size(),
                        afterResetMs,
                        day2.messagesByType().get("SMS"),
                        day2.workflowEnrollments(),
                        day2.requests() - DAILY_LIMIT,
                        day2.rateLimited());
            }
        }
    }

    private static long sms(GhlSandbox sandbox) {
        return sandbox.stats().location(E2e.LOCATION).messagesByType().getOrDefault("SMS", 0L);
    }

    private static CallBudget budget(RecruitflowRuntime runtime) {
        return runtime.injector()
                .getInstance(CallBudgets.class)
                .of(new LocationId(E2e.LOCATION))
                .orElseThrow();
    }

    /** Imports lead lines {@code from}..{@code from + count - 1} of the file; with {@code await}, waits for them. */
    private List<RecruitId> importAndAwait(
            RecruitflowRuntime runtime, List<String> lines, int from, int count, boolean await) throws Exception {
        Path file = dir.resolve("leads-" + from + ".csv");
        Files.writeString(file, lines.get(0) + "\n" + String.join("\n", lines.subList(from, from + count)) + "\n");
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(new LocationId(E2e.LOCATION), in));
        }
        List<RecruitId> ids = report.accepted().stream().map(a -> a.recruit()).toList();
        assertThat(ids).hasSize(count);
        if (await) {
            IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
            E2e.await(
                    Duration.ofSeconds(45),
                    Duration.ofMillis(50),
                    () -> ids.stream().allMatch(intake::isComplete),
                    () -> "intake not complete: "
                            + ids.stream().map(intake::progress).toList());
        }
        return ids;
    }

    /**
     * Spends the location's daily quota with the sandbox's own calls (GET the location), paced under the burst
     * limit, until {@code left} remain; answers what the last answer said.
     */
    private long burnDownTo(GhlSandbox sandbox, long left) throws Exception {
        String token = sandbox.credentials().location(E2e.LOCATION).privateIntegrationToken();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/locations/" + E2e.LOCATION))
                .header("Authorization", "Bearer " + token)
                .header("Version", "2021-07-28")
                .header("Accept", "application/json")
                .GET()
                .build();
        long remaining = Long.MAX_VALUE;
        while (remaining > left) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            remaining = Long.parseLong(
                    answer.headers().firstValue("X-RateLimit-Daily-Remaining").orElseThrow());
            Thread.sleep(15);
        }
        return remaining;
    }

    /** The value of a gauge without labels in a Prometheus text exposition. */
    private static double gauge(String metrics, String name) {
        return metrics.lines()
                .filter(l -> l.startsWith(name + " "))
                .map(l -> Double.parseDouble(l.substring(name.length() + 1).strip()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in /metrics"));
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Authorization", "Bearer " + ADMIN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s", path).isEqualTo(200);
        return answer.body();
    }
}
