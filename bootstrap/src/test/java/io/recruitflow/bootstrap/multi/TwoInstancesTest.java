package io.recruitflow.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.ghl.GhlClientConfig;
import io.recruitflow.adapter.ghl.ratelimit.PostgresPermitSource;
import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two Recruitflow instances on one PostgreSQL (external mode, as two {@code serve} processes with the same
 * {@code RECRUITFLOW_DB_URL}) and one GHL sandbox that enforces the limit both are configured with. Both
 * import the same lead file at the same moment; every lead becomes exactly one recruit, one contact, one
 * opportunity, one text and one enrollment, and GHL never answers 429.
 */
class TwoInstancesTest {
    private static final String LOCATION = "loc_abc123";
    /** Both the sandbox's limit and each instance's: a limiter per instance would spend it twice. */
    private static final String LIMIT = "20/1s";

    private static final int LEADS = 36;
    private static final Duration COMPLETION = Duration.ofSeconds(60);

    @Test
    void two_instances_importing_the_same_file_at_once_do_every_lead_exactly_once_within_the_shared_limit()
            throws Exception {
        byte[] file = leadFile();
        String url = SharedPostgres.freshDatabase("two_instances");
        String key = SharedPostgres.secretKey();
        try (GhlSandbox sandbox =
                        GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit(LIMIT));
                RecruitflowRuntime a = RecruitflowRuntime.open(config(sandbox, url, key), Clock.system());
                RecruitflowRuntime b = RecruitflowRuntime.open(config(sandbox, url, key), Clock.system())) {
            a.startJobs();
            b.startJobs();

            long requestsBefore = sandbox.stats().requests(); // the set-up lookups of startJobs
            Instant started = Instant.now();
            CyclicBarrier together = new CyclicBarrier(2);
            CompletableFuture<ImportReport> fromA = CompletableFuture.supplyAsync(() -> importAt(a, file, together));
            CompletableFuture<ImportReport> fromB = CompletableFuture.supplyAsync(() -> importAt(b, file, together));
            ImportReport reportA = fromA.get(30, TimeUnit.SECONDS);
            ImportReport reportB = fromB.get(30, TimeUnit.SECONDS);

            // Each lead is accepted by exactly one instance; the other finds it known. The file's two
            // duplicate rows and one bad row are recognised by both.
            assertThat(reportA.accepted().size() + reportB.accepted().size()).isEqualTo(LEADS);
            assertThat(reportA.rejected()).hasSize(1);
            assertThat(reportB.rejected()).hasSize(1);
            assertThat(reportA.recruits())
                    .containsExactlyInAnyOrderElementsOf(reportB.recruits())
                    .hasSize(LEADS);

            SandboxStats stats = awaitCompletion(sandbox, a.injector().getInstance(IntakeJournal.class));
            Duration took = Duration.between(started, Instant.now());

            assertThat(recruitsStored(url)).isEqualTo(LEADS);
            assertThat(stats.contacts()).isEqualTo(LEADS);
            assertThat(stats.opportunities()).isEqualTo(LEADS);
            assertThat(stats.messagesByType().getOrDefault("SMS", 0L)).isEqualTo(LEADS);
            assertThat(stats.workflowEnrollments()).isEqualTo(LEADS);
            assertThat(stats.duplicateContacts()).isZero();
            assertThat(stats.duplicateMessages()).isZero();
            assertThat(stats.rateLimited()).as("429s from GHL").isZero();
            // Both instances did GHL work (each client saw GHL's rate-limit headers).
            LocationId location = new LocationId(LOCATION);
            assertThat(a.ghl().callBudgets().of(location)).isPresent();
            assertThat(b.ghl().callBudgets().of(location)).isPresent();
            long requests = stats.requests() - requestsBefore;
            System.out.printf(
                    "two instances: %d leads, %d GHL requests from the import on, %d answered 429, all done"
                            + " %d ms after the import started (%.1f requests/s; limit %s, granted %s)%n",
                    LEADS,
                    requests,
                    stats.rateLimited(),
                    took.toMillis(),
                    requests * 1000.0 / Math.max(1, took.toMillis()),
                    LIMIT,
                    PostgresPermitSource.granted(GhlClientConfig.RateLimit.parse(LIMIT)));
        }
    }

    private static ImportReport importAt(RecruitflowRuntime runtime, byte[] file, CyclicBarrier together) {
        try {
            together.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return runtime.injector()
                .getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(new LocationId(LOCATION), new ByteArrayInputStream(file)));
    }

    /** Waits until no intake step is pending, running or unknown and GHL has every enrollment. */
    private static SandboxStats awaitCompletion(GhlSandbox sandbox, IntakeJournal journal) throws InterruptedException {
        Instant deadline = Instant.now().plus(COMPLETION);
        while (true) {
            SandboxStats stats = sandbox.stats();
            Map<StepState, Long> steps = journal.countByState();
            long open = steps.getOrDefault(StepState.PENDING, 0L)
                    + steps.getOrDefault(StepState.STARTED, 0L)
                    + steps.getOrDefault(StepState.UNKNOWN, 0L);
            if (open == 0 && stats.workflowEnrollments() >= LEADS) {
                return stats;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(
                        "intake not complete within " + COMPLETION + ": steps " + steps + ", " + stats);
            }
            Thread.sleep(100);
        }
    }

    private static long recruitsStored(String url) {
        try (Database db = SharedPostgres.instance(url)) {
            return db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM recruits")
                            .mapTo(Long.class)
                            .one());
        }
    }

    static RecruitflowConfig config(GhlSandbox sandbox, String dbUrl, String secretKey) {
        return RecruitflowConfig.from(Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(
                        Setting.GHL_TOKEN,
                        sandbox.credentials().location(LOCATION).privateIntegrationToken())
                .with(Setting.GHL_LOCATION_ID, LOCATION)
                .with(Setting.GHL_RATE_LIMIT, LIMIT)
                .with(Setting.DB_URL, dbUrl)
                .with(Setting.SECRET_KEY, secretKey)
                .with(Setting.COMPLIANCE_QUIET_HOURS, "off") // wall-clock run: texts go out whatever the hour
                .with(Setting.JOB_THREADS, "4")
                .with(Setting.HTTP_PORT, "0"));
    }

    /** {@link #LEADS} distinct licensed agents, then two duplicates of earlier rows and one bad row. */
    static byte[] leadFile() {
        List<String> areaCodes = List.of("212", "312", "415", "602", "214", "614");
        List<String> states = List.of("NY", "IL", "CA", "AZ", "TX", "OH");
        StringBuilder csv =
                new StringBuilder("First Name,Last Name,Email,Phone,License State,License Number,License Type\n");
        for (int i = 1; i <= LEADS; i++) {
            int region = i % areaCodes.size();
            csv.append(String.format(
                    "Agent%d,Tester,agent%d@example.com,(%s) 555-01%02d,%s,LIC-%05d,Life%n",
                    i, i, areaCodes.get(region), i, states.get(region), i));
        }
        csv.append("Agent3,Again,AGENT3@example.com,,NY,LIC-00003,Life\n"); // same email, other case
        csv.append(
                String.format("Agent7,Again,,%s 555 0107,AZ,LIC-00007,Health%n", areaCodes.get(7 % 6))); // same phone
        csv.append("Nobody,Reachable,,,TX,LIC-99999,Life\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
