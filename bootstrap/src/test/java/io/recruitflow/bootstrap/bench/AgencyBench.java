package io.recruitflow.bootstrap.bench;

import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.Installations;
import io.recruitflow.bootstrap.SandboxConsent;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.multi.SharedPostgres;
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
import io.recruitflow.sandbox.SandboxCounters;
import io.recruitflow.sandbox.SandboxStats;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The agency benchmark's harness: one GHL sandbox seeded with {@code N} locations ({@code loc_0001}…), one or two
 * {@link RecruitflowRuntime}s on their real adapters (embedded PostgreSQL with {@code fsync} on, or one shared
 * server in external mode), the agency installed once through OAuth ({@code user_type=Company}, location tokens
 * minted on demand), and a lead file imported into every location. Counted from outside: GHL calls, 429s and
 * duplicates by the sandbox (per location), transactions and WAL syncs by {@code pg_stat_database} /
 * {@code pg_stat_wal}, CPU time of the JVM (Recruitflow, the in-process sandbox and this harness) and of the
 * PostgreSQL server from {@code /proc}.
 */
final class AgencyBench {
    static final String REDIRECT = "http://127.0.0.1:9/oauth/callback";
    private static final Duration SAMPLE = Duration.ofMillis(250);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private AgencyBench() {}

    /**
     * One configuration.
     *
     * @param locations N
     * @param leadsPerLocation new leads imported into each location
     * @param limit the sandbox's limit per location and the client's ({@code 100/10s}: GHL's real burst window)
     * @param jobThreads worker threads of each instance
     * @param instances 1, or 2 on one PostgreSQL (external mode)
     * @param external an external (shared) database even with one instance: the shape of scale-out
     * @param tagTrigger enroll by the workflow's tag trigger instead of an enrollment call
     * @param webhooks the sandbox's signed webhooks delivered to the (first) instance's HTTP server, as deployed;
     *     the run ends when no call and no webhook came for 3 s
     */
    record Options(
            int locations,
            int leadsPerLocation,
            String limit,
            int jobThreads,
            int instances,
            boolean external,
            boolean tagTrigger,
            boolean webhooks,
            Duration timeout) {
        Options {
            if (instances > 1 && !external) {
                throw new IllegalArgumentException("several instances share an external database");
            }
        }

        int leads() {
            return locations * leadsPerLocation;
        }

        String label() {
            return "N=" + locations + (instances > 1 ? ", " + instances + " instances" : "")
                    + (external ? " (external DB)" : "") + (tagTrigger ? ", tag trigger" : "") + ", " + jobThreads
                    + " job threads/instance, limit " + limit;
        }
    }

    /**
     * One location's calls as the sandbox counted them: {@code total} in the run; {@code calls} the intervals
     * between them (total - 1) over {@code seconds} from its first call to its last: its rate over the run.
     */
    record LocationFigure(String location, long total, long calls, double seconds, long rateLimited) {
        double callsPerSecond() {
            return seconds <= 0 ? 0 : calls / seconds;
        }
    }

    /** What one run measured. */
    record Result(
            Options options,
            List<LocationFigure> perLocation,
            long calls,
            long rateLimited,
            double seconds,
            long commits,
            long walSyncs,
            long statements,
            ProcessCpu.Counts cpu,
            long contacts,
            long texts,
            long enrollments,
            long duplicateContacts,
            long duplicateMessages,
            long failedSteps,
            long recruitsStored,
            long webhooksDelivered,
            long webhooksFailed,
            List<TableSize> tables,
            double loadBefore,
            double loadAfter) {
        long leads() {
            return options.leads();
        }

        double leadsPerSecond() {
            return leads() / seconds;
        }

        double callsPerLead() {
            return calls / (double) leads();
        }

        double commitsPerLead() {
            return commits / (double) leads();
        }

        double walSyncsPerLead() {
            return walSyncs / (double) leads();
        }

        /** Jdbi statements (every store's SQL; db-scheduler's own JDBC polls are not among them) a lead. */
        double statementsPerLead() {
            return statements / (double) leads();
        }

        double cpuMillisPerLead() {
            return cpu.totalNanos() / 1e6 / leads();
        }

        double jvmCpuMillisPerLead() {
            return cpu.jvmNanos() / 1e6 / leads();
        }

        double postgresCpuMillisPerLead() {
            return cpu.postgresNanos() / 1e6 / leads();
        }

        /** Each location's calls/s over its budget, sorted. */
        double[] budgetShares(double budgetPerSecond) {
            return perLocation.stream()
                    .mapToDouble(l -> l.callsPerSecond() / budgetPerSecond)
                    .sorted()
                    .toArray();
        }
    }

    /** A table's size on disk with its indexes and TOAST, and its rows, after a run. */
    record TableSize(String table, long bytes, long rows) {}

    /** A trickle in a quiet location while another works through a backlog. */
    record Trickle(
            int backlog,
            int jobThreads,
            List<Duration> speedToLead,
            long busyCalls,
            double busySeconds,
            long rateLimited,
            double loadBefore,
            double loadAfter) {
        Duration percentile(int p) {
            List<Duration> sorted = speedToLead.stream().sorted().toList();
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }

        double busyCallsPerSecond() {
            return busyCalls / busySeconds;
        }
    }

    /** Runs one configuration: a fresh sandbox, runtime(s) and database; distinct people in every location. */
    static Result run(Options o) throws Exception {
        double loadBefore = loadAverage();
        Path dir = Files.createTempDirectory("recruitflow-agency-bench");
        SandboxConfig sandboxConfig =
                SandboxConfig.defaults().withPort(0).withRateLimit(o.limit()).withLocations(o.locations());
        if (o.tagTrigger()) {
            sandboxConfig = sandboxConfig.withWorkflowTrigger("wf_speed_to_lead", "new-lead");
        }
        List<RecruitflowRuntime> runtimes = new ArrayList<>();
        try (GhlSandbox sandbox = GhlSandbox.start(sandboxConfig)) {
            quietSandboxLogs();
            PgCommits pg;
            String dbUrl = null;
            if (o.external()) {
                dbUrl = SharedPostgres.freshDatabase("agency_bench_" + DATABASES.incrementAndGet());
                pg = new PgCommits(SharedPostgres.superuserUrl(), SharedPostgres.superuserPassword());
                String key = SharedPostgres.secretKey();
                for (int i = 0; i < o.instances(); i++) {
                    runtimes.add(RecruitflowRuntime.open(
                            RecruitflowConfig.from(settings(sandbox, o, dir)
                                    .with(Setting.DB_URL, dbUrl)
                                    .with(Setting.SECRET_KEY, key)),
                            Clock.system()));
                }
            } else {
                runtimes.add(RecruitflowRuntime.open(
                        RecruitflowConfig.from(settings(sandbox, o, dir)
                                .with(Setting.DATA_DIR, dir.resolve("data").toString())),
                        Clock.system()));
                pg = new PgCommits(dir.resolve("data"));
            }
            RecruitflowRuntime first = runtimes.get(0);
            first.injector()
                    .getInstance(Installations.class)
                    .complete(
                            SandboxConsent.authorizationCode(sandbox, REDIRECT, Optional.empty()),
                            Installations.Installer.AGENCY);
            if (o.webhooks()) {
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + first.startHttp() + "/webhooks/ghl"));
            }
            // Every store statement of every instance, counted (a count, unlike CPU time, the shared machine does not
            // move). Jdbi has no logger of its own here; this one only counts.
            java.util.concurrent.atomic.LongAdder statements = new java.util.concurrent.atomic.LongAdder();
            for (RecruitflowRuntime r : runtimes) {
                r.injector()
                        .getInstance(Database.class)
                        .jdbi()
                        .setSqlLogger(new org.jdbi.v3.core.statement.SqlLogger() {
                            @Override
                            public void logBeforeExecution(org.jdbi.v3.core.statement.StatementContext context) {
                                statements.increment();
                            }
                        });
                r.startJobs();
            }
            ProcessCpu cpuMeter;
            try (Connection c = pg.connect()) {
                cpuMeter = ProcessCpu.of(c);
            }
            List<byte[]> files = new ArrayList<>();
            for (int l = 0; l < o.locations(); l++) {
                files.add(BenchLeads.csv(BenchLeads.numbered(l * o.leadsPerLocation(), o.leadsPerLocation())));
            }

            PgCommits.Counts dbBefore = pg.counts();
            long statementsBefore = statements.sum();
            ProcessCpu.Counts cpuBefore = cpuMeter.counts();
            long requestsBefore = sandbox.counters().requests();
            Sampler sampler = new Sampler(sandbox);
            long start = System.nanoTime();
            // Each instance imports its share of the locations, at the same time.
            List<CompletableFuture<Void>> imports = new ArrayList<>();
            for (int i = 0; i < runtimes.size(); i++) {
                int instance = i;
                imports.add(CompletableFuture.runAsync(() -> {
                    ImportLeadsUseCase importLeads =
                            runtimes.get(instance).injector().getInstance(ImportLeadsUseCase.class);
                    for (int l = instance; l < o.locations(); l += runtimes.size()) {
                        ImportReport report = importLeads.importLeads(
                                new ImportLeadsCommand(location(l), new ByteArrayInputStream(files.get(l))));
                        if (report.acceptedCount() != o.leadsPerLocation()) {
                            throw new IllegalStateException("location " + location(l) + ": "
                                    + report.acceptedCount() + " accepted, " + report.rejectedCount()
                                    + " rejected, " + report.knownCount() + " known");
                        }
                    }
                }));
            }
            for (CompletableFuture<Void> f : imports) {
                f.get(5, TimeUnit.MINUTES);
            }
            awaitDone(sandbox, o, start);
            sampler.close();
            long end = sampler.lastChange();
            IntakeJournal journal = first.injector().getInstance(IntakeJournal.class);
            awaitJournalSettled(journal, Duration.ofSeconds(30));
            ProcessCpu.Counts cpu = cpuMeter.counts().minus(cpuBefore);
            PgCommits.Counts db = pg.counts().minus(dbBefore);
            long statementsRun = statements.sum() - statementsBefore;
            SandboxStats stats = sandbox.stats();
            List<LocationFigure> perLocation = IntStream.range(0, o.locations())
                    .mapToObj(l -> sampler.figure(location(l).value()))
                    .toList();
            long firstCall = sampler.firstCall();
            Database database = first.injector().getInstance(Database.class);
            long failed = journal.countByState().getOrDefault(StepState.FAILED, 0L);
            List<TableSize> tables = tableSizes(database);
            long recruitsStored = tables.stream()
                    .filter(t -> t.table().equals("recruits"))
                    .mapToLong(TableSize::rows)
                    .sum();
            return new Result(
                    o,
                    perLocation,
                    stats.requests() - requestsBefore,
                    stats.rateLimited(),
                    (end - firstCall) / 1e9,
                    db.commits(),
                    db.walSyncs(),
                    statementsRun,
                    cpu,
                    stats.contacts(),
                    stats.messagesByType().getOrDefault("SMS", 0L),
                    stats.workflowEnrollments(),
                    stats.duplicateContacts(),
                    stats.duplicateMessages(),
                    failed,
                    recruitsStored,
                    stats.webhooksDelivered(),
                    stats.webhooksFailed(),
                    tables,
                    loadBefore,
                    loadAverage());
        } finally {
            for (int i = runtimes.size() - 1; i >= 0; i--) {
                runtimes.get(i).close();
            }
            deleteRecursively(dir);
        }
    }

    /**
     * Two locations at GHL's real window: {@code backlog} leads imported into {@code loc_0001}; once it is
     * busy, {@code trickle} leads into {@code loc_0002}, one every {@code gap}, each accepted as a single lead;
     * speed-to-lead is the recruit's own (lead accepted → intro accepted by GHL: its third call).
     */
    static Trickle trickle(int backlog, int trickle, Duration gap, int jobThreads) throws Exception {
        double loadBefore = loadAverage();
        Options o = new Options(2, 0, "100/10s", jobThreads, 1, false, false, false, Duration.ofMinutes(2));
        Path dir = Files.createTempDirectory("recruitflow-agency-trickle");
        try (GhlSandbox sandbox = GhlSandbox.start(SandboxConfig.defaults()
                        .withPort(0)
                        .withRateLimit(o.limit())
                        .withLocations(2));
                RecruitflowRuntime runtime = RecruitflowRuntime.open(
                        RecruitflowConfig.from(settings(sandbox, o, dir)
                                .with(Setting.DATA_DIR, dir.resolve("data").toString())),
                        Clock.system())) {
            quietSandboxLogs();
            runtime.injector()
                    .getInstance(Installations.class)
                    .complete(
                            SandboxConsent.authorizationCode(sandbox, REDIRECT, Optional.empty()),
                            Installations.Installer.AGENCY);
            runtime.startJobs();
            LocationId busy = location(0);
            LocationId quiet = location(1);
            ImportReport report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(
                            busy, new ByteArrayInputStream(BenchLeads.csv(BenchLeads.numbered(0, backlog)))));
            if (report.acceptedCount() != backlog) {
                throw new IllegalStateException("backlog: " + report.acceptedCount() + " accepted");
            }
            Thread.sleep(2_000); // the busy location holds every worker
            long busyBefore = sandbox.counters().location(busy.value()).requests();
            long busyStart = System.nanoTime();
            IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
            Recruits recruits = runtime.injector().getInstance(Recruits.class);
            List<RecruitId> ids = new ArrayList<>();
            long next = System.nanoTime();
            for (BenchLeads.Lead lead : BenchLeads.numbered(backlog, trickle)) {
                IntakeAcceptance accepted = intake.accept(new IntakeRecruitCommand(quiet, lead.toInput()));
                ids.add(((IntakeAcceptance.Accepted) accepted).recruit());
                next += gap.toNanos();
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            List<Duration> speed;
            while (true) {
                List<Optional<Duration>> s = ids.stream()
                        .map(id -> recruits.find(id).flatMap(Recruit::speedToLead))
                        .toList();
                if (s.stream().allMatch(Optional::isPresent)) {
                    speed = s.stream().map(Optional::orElseThrow).toList();
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("trickle leads without an intro after 60 s: "
                            + s.stream().filter(Optional::isEmpty).count());
                }
                Thread.sleep(100);
            }
            SandboxStats stats = sandbox.stats();
            return new Trickle(
                    backlog,
                    jobThreads,
                    speed,
                    stats.location(busy.value()).requests() - busyBefore,
                    (System.nanoTime() - busyStart) / 1e9,
                    stats.rateLimited(),
                    loadBefore,
                    loadAverage());
        } finally {
            deleteRecursively(dir);
        }
    }

    static LocationId location(int index) {
        return new LocationId(String.format("loc_%04d", index + 1));
    }

    private static Settings settings(GhlSandbox sandbox, Options o, Path dir) throws IOException {
        Settings s = Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                .with(Setting.GHL_CLIENT_ID, sandbox.credentials().oauth().clientId())
                .with(Setting.GHL_CLIENT_SECRET, sandbox.credentials().oauth().clientSecret())
                .with(Setting.GHL_REDIRECT_URI, REDIRECT)
                .with(Setting.GHL_RATE_LIMIT, o.limit())
                .with(Setting.COMPLIANCE_QUIET_HOURS, "off") // wall-clock run: texts go out whatever the hour
                .with(Setting.JOB_THREADS, Integer.toString(o.jobThreads()))
                .with(Setting.HTTP_PORT, "0");
        if (o.webhooks()) {
            Path keys = dir.resolve("webhook-public-keys.pem");
            Files.writeString(
                    keys,
                    sandbox.publicKeysPem().ed25519() + "\n"
                            + sandbox.publicKeysPem().rsa() + "\n");
            s = s.with(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString())
                    .with(Setting.ADMIN_TOKEN, HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
        }
        return o.tagTrigger() ? s.with(Setting.WORKFLOW_TRIGGER, "tag:new-lead") : s;
    }

    /**
     * Until every lead has its text and its enrollment in GHL, and no call came for a second. It polls the
     * sandbox's counters, and counts its state ({@link GhlSandbox#stats()}, a walk of every contact and message)
     * only once the calls have stopped: with the sampler, a walk every 200 ms took about an eighth of the JVM's CPU
     * at N = 50, away from the run it measures.
     */
    private static void awaitDone(GhlSandbox sandbox, Options o, long startNanos) throws InterruptedException {
        long deadline = startNanos + o.timeout().toNanos();
        long quiet = o.webhooks() ? 3_000_000_000L : 1_000_000_000L;
        long lastActivity = -1;
        long stableSince = 0;
        while (true) {
            SandboxCounters c = sandbox.counters();
            long now = System.nanoTime();
            long activity = c.requests() + (o.webhooks() ? c.webhooksDelivered() + c.webhooksFailed() : 0);
            if (activity != lastActivity) {
                lastActivity = activity;
                stableSince = now;
            }
            boolean stable = now - stableSince >= quiet;
            if (stable || now > deadline) {
                SandboxStats s = sandbox.stats();
                boolean complete =
                        s.messagesByType().getOrDefault("SMS", 0L) >= o.leads() && s.workflowEnrollments() >= o.leads();
                if (complete && stable) {
                    return;
                }
                if (now > deadline) {
                    throw new AssertionError(o.label() + ": not done within " + o.timeout() + ": "
                            + s.messagesByType() + " texts, " + s.workflowEnrollments() + " enrollments of "
                            + o.leads() + " leads");
                }
            }
            Thread.sleep(200);
        }
    }

    /** Intake steps not settled yet: pending, started or of unknown outcome. */
    static long openSteps(Map<StepState, Long> counts) {
        return counts.getOrDefault(StepState.PENDING, 0L)
                + counts.getOrDefault(StepState.STARTED, 0L)
                + counts.getOrDefault(StepState.UNKNOWN, 0L);
    }

    private static void awaitJournalSettled(IntakeJournal journal, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            Map<StepState, Long> counts = journal.countByState();
            if (openSteps(counts) == 0) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("intake steps still open: " + counts);
            }
            Thread.sleep(200);
        }
    }

    /** Every table of the application's schema: bytes with indexes and TOAST, and rows. */
    private static List<TableSize> tableSizes(Database database) {
        return database.jdbi().withHandle(h -> {
            List<Map.Entry<String, Long>> sizes = h.createQuery("SELECT c.relname, pg_total_relation_size(c.oid)"
                            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()"
                            + " ORDER BY 2 DESC")
                    .map((r, ctx) -> Map.entry(r.getString(1), r.getLong(2)))
                    .list();
            List<TableSize> out = new ArrayList<>();
            for (Map.Entry<String, Long> e : sizes) {
                long rows = h.createQuery("SELECT count(*) FROM \"" + e.getKey() + "\"")
                        .mapTo(Long.class)
                        .one();
                out.add(new TableSize(e.getKey(), e.getValue(), rows));
            }
            return out;
        });
    }

    /** The sandbox's per-location request counters, every {@link #SAMPLE}. */
    private static final class Sampler implements AutoCloseable {
        /** When a sample was taken, each location's requests then, and all requests then. */
        private record Sample(long nanos, Map<String, Long> byLocation, long requests) {}

        private final GhlSandbox sandbox;
        private final List<Sample> samples = new ArrayList<>();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bench-agency-sampler");
            t.setDaemon(true);
            return t;
        });

        Sampler(GhlSandbox sandbox) {
            this.sandbox = sandbox;
            sample();
            timer.scheduleAtFixedRate(this::sample, SAMPLE.toMillis(), SAMPLE.toMillis(), TimeUnit.MILLISECONDS);
        }

        /**
         * The sandbox's counters, not its {@link GhlSandbox#stats()}: a walk of its state every sample would take the
         * cores the run needs.
         */
        private void sample() {
            SandboxCounters s = sandbox.counters();
            long now = System.nanoTime();
            Map<String, Long> by = new LinkedHashMap<>();
            s.byLocation().forEach((id, l) -> by.put(id, l.requests()));
            synchronized (samples) {
                samples.add(new Sample(now, by, s.requests()));
            }
        }

        private List<Sample> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        /** The first sample that saw a call after the first sample. */
        long firstCall() {
            List<Sample> s = samples();
            long base = s.get(0).requests();
            return s.stream()
                    .filter(x -> x.requests() > base)
                    .findFirst()
                    .orElseThrow()
                    .nanos();
        }

        /** The first sample that saw the final count. */
        long lastChange() {
            List<Sample> s = samples();
            long total = s.get(s.size() - 1).requests();
            return s.stream()
                    .filter(x -> x.requests() == total)
                    .findFirst()
                    .orElseThrow()
                    .nanos();
        }

        /**
         * A location's calls a second from its first call to its last, by the sandbox's own times of them: the
         * intervals between its calls over that time (n calls at rate r take (n - 1) / r). The samples, 250 ms
         * apart, placed each end up to a sample late, which lowered a 42-second location by up to 0.6 %; they are
         * kept for the trace.
         */
        LocationFigure figure(String location) {
            List<Sample> s = samples();
            long base = s.get(0).byLocation().get(location);
            if (base != 0) {
                throw new IllegalStateException(location + " had " + base + " calls before the run");
            }
            SandboxCounters.LocationCounters counters = sandbox.counters().location(location);
            if (Boolean.getBoolean("bench.agency.trace") && location.matches("loc_00(01|02|25|50)")) {
                // -Dbench.agency.trace=true: the calls of four locations in each sample, for seeing a gap.
                StringBuilder b = new StringBuilder("calls per " + SAMPLE.toMillis() + " ms, " + location + ":");
                for (int i = 1; i < s.size(); i++) {
                    b.append(' ')
                            .append(s.get(i).byLocation().get(location)
                                    - s.get(i - 1).byLocation().get(location));
                }
                System.out.println(b);
                System.out.printf(
                        "%s: %.1f %% of its budget by the sandbox's times, %.1f %% as the samples place it%n",
                        location, counters.callsPerSecond() * 10, sampledCallsPerSecond(s, location) * 10);
            }
            return new LocationFigure(
                    location,
                    counters.requests(),
                    Math.max(0, counters.requests() - 1),
                    counters.span().toMillis() / 1e3,
                    counters.rateLimited());
        }

        /** The rate the samples show: calls from the first sample that saw one to the first that saw the last. */
        private static double sampledCallsPerSecond(List<Sample> s, String location) {
            long base = s.get(0).byLocation().get(location);
            long total = s.get(s.size() - 1).byLocation().get(location);
            Sample from = s.stream()
                    .filter(x -> x.byLocation().get(location) > base)
                    .findFirst()
                    .orElse(s.get(0));
            Sample to = s.stream()
                    .filter(x -> x.byLocation().get(location) == total)
                    .findFirst()
                    .orElseThrow();
            double seconds = (to.nanos() - from.nanos()) / 1e9;
            return seconds <= 0
                    ? 0
                    : (to.byLocation().get(location) - from.byLocation().get(location)) / seconds;
        }

        @Override
        public void close() {
            timer.shutdownNow();
            try {
                timer.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sample();
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The sandbox logs every request at DEBUG and webhook work at INFO; a benchmark only needs warnings. */
    static void quietSandboxLogs() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.recruitflow.sandbox"))
                .setLevel(
                        Boolean.getBoolean("bench.sandboxLogs")
                                ? ch.qos.logback.classic.Level.DEBUG
                                : ch.qos.logback.classic.Level.WARN);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
