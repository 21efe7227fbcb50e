package io.recruitflow.bootstrap.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The intake benchmark: 1,000 generated leads imported into a {@link RecruitflowRuntime} on its real adapters
 * (embedded PostgreSQL in a temporary directory, the GHL REST client, durable jobs, quiet hours off) against
 * the in-process GHL sandbox with the burst limit scaled to {@code 100/1s} on both sides. Per repeat, one
 * fresh runtime and a reset sandbox:
 * <ol>
 *   <li>burst: the file is imported at once; the sandbox's request counter is sampled every 100 ms, and the
 *       sustained rate is taken from one second after the first call to the last call;</li>
 *   <li>re-import: the same file again must cost no GHL call;</li>
 *   <li>trickle: 100 new leads through {@link IntakeRecruitUseCase}, one every 150 ms (well below the
 *       budget), for speed-to-lead while budget is free.</li>
 * </ol>
 * Then, on the same sandbox (reset, same limit), the reference's own {@code processNewRecruit} done naively
 * ({@link NaiveReferenceFlow}) over the same file, twice.
 *
 * <p>Run: {@code ./mvnw -B verify -Pbench -pl bootstrap -am -Dtest='io.recruitflow.bootstrap.bench.**'
 * -Dsurefire.failIfNoSpecifiedTests=false} ({@code -Dbench.intake.repeats=N}, default 3).
 */
@Tag("bench")
class IntakeBenchmarkTest {
    private static final int LEADS = 1_000;
    private static final int TRICKLE = 100;
    private static final Duration TRICKLE_GAP = Duration.ofMillis(150);
    private static final int STEPS = 4;
    private static final int LIMIT_PER_SECOND = 100;
    private static final String LIMIT = "100/1s";
    private static final String LOCATION = "loc_abc123";
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(4);
    private static final int REPEATS = Integer.getInteger("bench.intake.repeats", 3);

    /** One repeat of Recruitflow's three phases. */
    record Run(
            Duration importTime,
            Duration burstTime,
            RequestSampler.Sustained sustained,
            RequestSampler.Sustained afterImport,
            double walSyncsPerLead,
            long burstCalls,
            long burstRateLimited,
            long failedSteps,
            Duration burstP50,
            Duration burstP95,
            long reimportCalls,
            int reimportKnown,
            long trickleCalls,
            Duration trickleP50,
            Duration trickleP95,
            Duration trickleMax,
            long rateLimitedTotal,
            long duplicateContacts,
            long duplicateMessages) {
        double percentOfLimit() {
            return 100.0 * sustained.callsPerSecond() / LIMIT_PER_SECOND;
        }

        double percentOfLimitAfterImport() {
            return 100.0 * afterImport.callsPerSecond() / LIMIT_PER_SECOND;
        }

        double callsPerNewLead() {
            return burstCalls / (double) LEADS;
        }
    }

    /** One repeat of the naive reference flow: two passes over the same file. */
    record Naive(NaiveReferenceFlow.Pass first, NaiveReferenceFlow.Pass second, SandboxStats stats) {}

    @Test
    void intakeOfAThousandLeadsAgainstTheRateLimitedSandbox() throws Exception {
        List<BenchLeads.Lead> leads = BenchLeads.generate(0, LEADS);
        List<BenchLeads.Lead> trickle = BenchLeads.generate(LEADS, TRICKLE);
        byte[] file = BenchLeads.csv(leads);
        System.out.printf(
                "%nIntake benchmark: %d leads, limit %s, %d repeat(s), job threads %s, %d cores, load average %.1f "
                        + "at start%n",
                LEADS,
                LIMIT,
                REPEATS,
                System.getProperty("bench.intake.jobThreads", "default"),
                Runtime.getRuntime().availableProcessors(),
                loadAverage());
        List<Run> runs = new ArrayList<>();
        List<Naive> naives = new ArrayList<>();
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit(LIMIT))) {
            AgencyBench.quietSandboxLogs();
            for (int i = 1; i <= REPEATS; i++) {
                sandbox.reset();
                Run run = recruitflow(sandbox, file, trickle);
                runs.add(run);
                print(i, run);
            }
            String token = sandbox.credentials().location(LOCATION).privateIntegrationToken();
            for (int i = 1; i <= REPEATS; i++) {
                sandbox.reset();
                NaiveReferenceFlow naive = new NaiveReferenceFlow(sandbox.baseUrl(), token, LOCATION);
                NaiveReferenceFlow.Pass first = naive.run(leads);
                NaiveReferenceFlow.Pass second = naive.run(leads);
                Naive result = new Naive(first, second, sandbox.stats());
                naives.add(result);
                print(i, result);
            }
        }
        summary(runs, naives);

        for (Run run : runs) {
            assertThat(run.failedSteps()).as("intake steps that failed").isZero();
            assertThat(run.reimportCalls())
                    .as("GHL calls for re-imported leads")
                    .isZero();
            assertThat(run.reimportKnown()).as("re-imported leads recognised").isEqualTo(LEADS);
            assertThat(run.duplicateContacts() + run.duplicateMessages())
                    .as("duplicates in GHL")
                    .isZero();
        }
        assertThat(median(runs, r -> r.rateLimitedTotal()))
                .as("429s the client did not plan for")
                .isZero();
        assertThat(median(runs, Run::callsPerNewLead))
                .as("GHL calls per new lead")
                .isLessThanOrEqualTo(4.0 + 0.01);
        assertThat(median(runs, Run::percentOfLimit))
                .as("sustained calls/s, % of the limit")
                .isGreaterThanOrEqualTo(95.0);
        assertThat(median(runs, r -> r.trickleP95().toMillis()))
                .as("p95 speed-to-lead while budget is free, ms")
                .isLessThanOrEqualTo(1000.0);
    }

    private Run recruitflow(GhlSandbox sandbox, byte[] file, List<BenchLeads.Lead> trickle) throws Exception {
        Path dir = Files.createTempDirectory("recruitflow-intake-bench");
        try {
            Settings settings = Settings.load(Optional.empty(), Map.of())
                    .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                    .with(
                            Setting.GHL_TOKEN,
                            sandbox.credentials().location(LOCATION).privateIntegrationToken())
                    .with(Setting.GHL_LOCATION_ID, LOCATION)
                    .with(Setting.GHL_RATE_LIMIT, LIMIT)
                    .with(Setting.COMPLIANCE_QUIET_HOURS, "off")
                    .with(Setting.DATA_DIR, dir.resolve("data").toString());
            String threads = System.getProperty("bench.intake.jobThreads");
            if (threads != null) {
                settings = settings.with(Setting.JOB_THREADS, threads); // for tuning runs; default: the setting's
            }
            try (RecruitflowRuntime runtime =
                    RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
                runtime.startJobs();
                var injector = runtime.injector();
                ImportLeadsUseCase importLeads = injector.getInstance(ImportLeadsUseCase.class);
                IntakeRecruitUseCase intake = injector.getInstance(IntakeRecruitUseCase.class);
                IntakeJournal journal = injector.getInstance(IntakeJournal.class);
                Recruits recruits = injector.getInstance(Recruits.class);
                LocationId location = new LocationId(LOCATION);

                // 1. Burst: the whole file at once.
                PgCommits pg = new PgCommits(dir.resolve("data"));
                PgCommits.Counts dbBefore = pg.counts();
                long jvmCpuBefore = PgCommits.jvmCpuMillis();
                java.util.OptionalLong pgCpuBefore = pg.cpuMillis();
                RequestSampler sampler = new RequestSampler(sandbox, Duration.ofMillis(100));
                long start = System.nanoTime();
                ImportReport report =
                        importLeads.importLeads(new ImportLeadsCommand(location, new ByteArrayInputStream(file)));
                long importEnd = System.nanoTime();
                Duration importTime = Duration.ofNanos(importEnd - start);
                assertThat(report.rejected()).as("rejected rows").isEmpty();
                assertThat(report.accepted()).hasSize(LEADS);
                awaitSettled(journal, (long) LEADS * STEPS);
                Duration burstTime = Duration.ofNanos(System.nanoTime() - start);
                sampler.close();
                SandboxStats afterBurst = sandbox.stats();
                RequestSampler.Sustained sustained = sampler.sustained(Duration.ofSeconds(1));
                RequestSampler.Sustained afterImport = sampler.sustained(Duration.ofSeconds(1), importEnd);
                long jvmCpu = PgCommits.jvmCpuMillis() - jvmCpuBefore;
                java.util.OptionalLong pgCpuAfter = pg.cpuMillis();
                PgCommits.Counts db = pg.counts().minus(dbBefore);
                double txPerLead = db.commits() / (double) LEADS;
                double walPerLead = db.walSyncs() / (double) LEADS;
                System.out.printf(
                        "per lead (import and intake): %.2f transactions = %.2fx the target of 8, %.2f WAL syncs = %.2fx"
                                + " the target of 4; CPU %.1f ms in the JVM (Recruitflow, sandbox and benchmark together)"
                                + " and %s ms in PostgreSQL%n",
                        txPerLead,
                        txPerLead / 8,
                        walPerLead,
                        walPerLead / 4,
                        jvmCpu / (double) LEADS,
                        pgCpuBefore.isPresent() && pgCpuAfter.isPresent()
                                ? String.format(
                                        java.util.Locale.ROOT,
                                        "%.1f",
                                        (pgCpuAfter.getAsLong() - pgCpuBefore.getAsLong()) / (double) LEADS)
                                : "(unknown)");
                System.out.printf(
                        "calls per second during the burst (import took %d ms): %s; per lead (import and intake): "
                                + "%.1f PostgreSQL transactions, %.1f WAL syncs%n",
                        importTime.toMillis(),
                        sampler.perSecond(),
                        db.commits() / (double) LEADS,
                        db.walSyncs() / (double) LEADS);
                Funnel funnel =
                        injector.getInstance(RecruitingFunnelUseCase.class).funnel(FunnelQuery.all());
                long failed = journal.countByState().getOrDefault(StepState.FAILED, 0L);

                // 2. The same file again: every lead is known and finished, so no GHL call.
                long before = sandbox.stats().requests();
                ImportReport again =
                        importLeads.importLeads(new ImportLeadsCommand(location, new ByteArrayInputStream(file)));
                Thread.sleep(2_000); // time for any job it might have scheduled to run
                awaitSettled(journal, (long) LEADS * STEPS);
                long reimportCalls = sandbox.stats().requests() - before;

                // 3. Trickle: single leads well below the budget.
                long beforeTrickle = sandbox.stats().requests();
                List<RecruitId> ids = new ArrayList<>();
                long next = System.nanoTime();
                for (BenchLeads.Lead lead : trickle) {
                    IntakeAcceptance accepted = intake.accept(new IntakeRecruitCommand(location, lead.toInput()));
                    assertThat(accepted).isInstanceOf(IntakeAcceptance.Accepted.class);
                    ids.add(((IntakeAcceptance.Accepted) accepted).recruit());
                    next += TRICKLE_GAP.toNanos();
                    long sleep = next - System.nanoTime();
                    if (sleep > 0) {
                        Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                    }
                }
                awaitSettled(journal, (long) (LEADS + TRICKLE) * STEPS);
                long trickleCalls = sandbox.stats().requests() - beforeTrickle;
                List<Duration> speed = ids.stream()
                        .map(id -> recruits.find(id)
                                .flatMap(Recruit::speedToLead)
                                .orElseThrow(() -> new AssertionError("no intro for " + id)))
                        .sorted()
                        .toList();

                SandboxStats end = sandbox.stats();
                return new Run(
                        importTime,
                        burstTime,
                        sustained,
                        afterImport,
                        db.walSyncs() / (double) LEADS,
                        afterBurst.requests(),
                        afterBurst.rateLimited(),
                        failed,
                        funnel.speedToLeadMedian().orElseThrow(),
                        funnel.speedToLeadP95().orElseThrow(),
                        reimportCalls,
                        again.known().size(),
                        trickleCalls,
                        percentile(speed, 50),
                        percentile(speed, 95),
                        speed.get(speed.size() - 1),
                        end.rateLimited(),
                        end.duplicateContacts(),
                        end.duplicateMessages());
            }
        } finally {
            AgencyBench.deleteRecursively(dir);
        }
    }

    /** Waits until no intake step is pending, started or unknown and {@code done} steps are done. */
    private static void awaitSettled(IntakeJournal journal, long done) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
        while (true) {
            Map<StepState, Long> counts = journal.countByState();
            if (AgencyBench.openSteps(counts) == 0
                    && counts.getOrDefault(StepState.DONE, 0L) + counts.getOrDefault(StepState.FAILED, 0L) >= done) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("intakes did not settle within " + SETTLE_TIMEOUT + ": " + counts);
            }
            Thread.sleep(100);
        }
    }

    /** Nearest-rank percentile, like the funnel's. */
    private static Duration percentile(List<Duration> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static <T> double median(List<T> items, ToDoubleFunction<T> f) {
        double[] v = items.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void print(int i, Run r) {
        System.out.printf(
                "recruitflow #%d (load %.1f): import %d ms, burst done in %.1f s; sustained %.1f calls/s = %.1f%% "
                        + "of the limit (%d calls over %.1f s; first→last call %.1f s; after the import %.1f%%); %d calls = %.3f per new lead; "
                        + "429s %d; failed steps %d; burst speed-to-lead p50 %d ms p95 %d ms; re-import: %d known, %d calls; "
                        + "trickle: %d calls, speed-to-lead p50 %d ms p95 %d ms max %d ms; 429s overall %d; "
                        + "duplicates %d contacts %d messages%n",
                i,
                loadAverage(),
                r.importTime().toMillis(),
                r.burstTime().toMillis() / 1000.0,
                r.sustained().callsPerSecond(),
                r.percentOfLimit(),
                r.sustained().calls(),
                r.sustained().window().toMillis() / 1000.0,
                r.sustained().firstToLast().toMillis() / 1000.0,
                r.percentOfLimitAfterImport(),
                r.burstCalls(),
                r.callsPerNewLead(),
                r.burstRateLimited(),
                r.failedSteps(),
                r.burstP50().toMillis(),
                r.burstP95().toMillis(),
                r.reimportKnown(),
                r.reimportCalls(),
                r.trickleCalls(),
                r.trickleP50().toMillis(),
                r.trickleP95().toMillis(),
                r.trickleMax().toMillis(),
                r.rateLimitedTotal(),
                r.duplicateContacts(),
                r.duplicateMessages());
    }

    private static void print(int i, Naive n) {
        System.out.printf(
                "naive #%d (load %.1f): pass 1: %d/%d leads failed %s in %.1f s, %d calls; pass 2: %d/%d failed %s "
                        + "in %.1f s, %d calls; statuses %s / %s; sandbox: %d requests, %d answered 429, %d contacts, "
                        + "%d duplicate contacts, %d duplicate messages, %d opportunities, %d enrollments%n",
                i,
                loadAverage(),
                n.first().failed(),
                n.first().leads(),
                n.first().failedAtStep(),
                n.first().elapsed().toMillis() / 1000.0,
                n.first().calls(),
                n.second().failed(),
                n.second().leads(),
                n.second().failedAtStep(),
                n.second().elapsed().toMillis() / 1000.0,
                n.second().calls(),
                n.first().statuses(),
                n.second().statuses(),
                n.stats().requests(),
                n.stats().rateLimited(),
                n.stats().contacts(),
                n.stats().duplicateContacts(),
                n.stats().duplicateMessages(),
                n.stats().opportunities(),
                n.stats().workflowEnrollments());
    }

    private static void summary(List<Run> runs, List<Naive> naives) {
        System.out.printf("%nMedians of %d repeat(s), load average now %.1f:%n", runs.size(), loadAverage());
        System.out.printf(
                "  sustained GHL calls/s: %.1f = %.1f%% of %d/s (target >= 95%%: %.2fx)%n",
                median(runs, r -> r.sustained().callsPerSecond()),
                median(runs, Run::percentOfLimit),
                LIMIT_PER_SECOND,
                median(runs, Run::percentOfLimit) / 95.0);
        System.out.printf(
                "  after the import: %.1f%% of the limit; import %.1f s; %.1f WAL syncs per lead%n",
                median(runs, Run::percentOfLimitAfterImport),
                median(runs, r -> r.importTime().toMillis()) / 1000.0,
                median(runs, Run::walSyncsPerLead));
        System.out.printf("  unplanned 429s: %.0f (target 0)%n", median(runs, Run::rateLimitedTotal));
        System.out.printf(
                "  GHL calls per new lead: %.3f (target <= 4: %.2fx)%n",
                median(runs, Run::callsPerNewLead), median(runs, Run::callsPerNewLead) / 4.0);
        System.out.printf(
                "  GHL calls per re-imported lead: %.3f (target 0)%n",
                median(runs, r -> r.reimportCalls() / (double) LEADS));
        System.out.printf(
                "  speed-to-lead while budget is free: p50 %.0f ms, p95 %.0f ms (target <= 1000 ms: %.2fx)%n",
                median(runs, r -> r.trickleP50().toMillis()),
                median(runs, r -> r.trickleP95().toMillis()),
                median(runs, r -> r.trickleP95().toMillis()) / 1000.0);
        System.out.printf(
                "  speed-to-lead in the burst: p50 %.1f s, p95 %.1f s%n",
                median(runs, r -> r.burstP50().toMillis()) / 1000.0,
                median(runs, r -> r.burstP95().toMillis()) / 1000.0);
        System.out.printf(
                "  naive reference: leads failed %.0f + %.0f of %d per pass, %.0f duplicate contacts, "
                        + "%.0f duplicate messages, %.0f 429s%n",
                median(naives, n -> n.first().failed()),
                median(naives, n -> n.second().failed()),
                LEADS,
                median(naives, n -> n.stats().duplicateContacts()),
                median(naives, n -> n.stats().duplicateMessages()),
                median(naives, n -> n.stats().rateLimited()));
    }
}
