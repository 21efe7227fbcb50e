package io.recruitflow.bootstrap.e2e;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** What the end-to-end tests share: lead files, the sandbox's fault injection, settings, bounded waits. */
final class E2e {
    /** The sandbox location every test imports into. */
    static final String LOCATION = "loc_abc123";
    /** The example file: surefire's working directory is the bootstrap module. */
    static final Path EXAMPLE_LEADS = Path.of("..", "examples", "leads.csv");
    /** What {@link #EXAMPLE_LEADS} holds: 36 rows, 31 new leads, 2 duplicates, 3 bad rows, 1 lead with an email only. */
    static final int EXAMPLE_ACCEPTED = 31;

    static final int EXAMPLE_KNOWN = 2;
    static final int EXAMPLE_REJECTED = 3;
    static final int EXAMPLE_EMAIL_ONLY = 1;

    /** Real area codes; with 555-0131..555-0197 (reserved fictional lines) none collides with the example file. */
    private static final List<String> AREA_CODES = List.of("206", "312", "617", "702", "503", "801", "615", "704");

    private static final int FIRST_LINE = 31;
    private static final int LINES = 67; // 0131..0197
    private static final List<String> FIRST = List.of(
            "Avery", "Blake", "Carmen", "Dana", "Elias", "Farah", "Gavin", "Helena", "Ivan", "Jade", "Kofi", "Lena",
            "Mateo", "Nadia", "Owen", "Paige", "Quinn", "Rafael", "Selma", "Tomas", "Uma", "Victor", "Wren", "Yusuf",
            "Zara");
    private static final List<String> LAST = List.of(
            "Abbott",
            "Barnes",
            "Castillo",
            "Dunn",
            "Ellison",
            "Fischer",
            "Garza",
            "Holt",
            "Iqbal",
            "Jensen",
            "Keller",
            "Lindqvist",
            "Moreno",
            "Nguyen",
            "Okafor",
            "Patel",
            "Reyes",
            "Sato",
            "Turner",
            "Vance",
            "Whitfield",
            "Young");
    private static final List<String> STATES = List.of(
            "WA", "IL", "MA", "NV", "OR", "UT", "TN", "NC", "TX", "CA", "NY", "AZ", "GA", "OH", "CO", "FL", "OK", "MD");
    private static final List<String> TYPES =
            List.of("Life", "Health", "Life;Health", "Annuity", "P&C", "Life;Annuity");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private E2e() {}

    /**
     * Writes a lead file of {@code count} valid, distinct leads: unique emails and unique US numbers
     * {@code (AAA) 555-01NN} that libphonenumber accepts and that differ from every number in the example file.
     */
    static Path writeLeads(Path file, int count, long seed) {
        if (count > AREA_CODES.size() * LINES) {
            throw new IllegalArgumentException("at most " + AREA_CODES.size() * LINES + " distinct numbers");
        }
        Random random = new Random(seed);
        StringBuilder csv =
                new StringBuilder("First Name,Last Name,Email,Phone,License State,License Number,License Type\n");
        for (int i = 0; i < count; i++) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String area = AREA_CODES.get(i / LINES);
            String line = String.format(Locale.ROOT, "%04d", 100 + FIRST_LINE + i % LINES);
            String state = STATES.get(random.nextInt(STATES.size()));
            csv.append(first)
                    .append(',')
                    .append(last)
                    .append(',')
                    .append(first.toLowerCase(Locale.ROOT))
                    .append('.')
                    .append(last.toLowerCase(Locale.ROOT))
                    .append('.')
                    .append(i)
                    .append("@example.net,")
                    .append('(')
                    .append(area)
                    .append(") 555-")
                    .append(line)
                    .append(',')
                    .append(state)
                    .append(',')
                    .append(state)
                    .append('-')
                    .append(100_000 + random.nextInt(900_000))
                    .append(',')
                    .append(TYPES.get(random.nextInt(TYPES.size())))
                    .append('\n');
        }
        try {
            Files.writeString(file, csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Faults on one route (or {@code *}); the probabilities are per request. */
    record Faults(
            String route,
            double error500,
            double error503,
            double error429,
            double reset,
            double createdButUnprocessable,
            int latencyMs) {
        String json(long seed) {
            return String.format(
                    Locale.ROOT,
                    """
                    {"route": "%s", "error500": %.3f, "error503": %.3f, "error429": %.3f, "reset": %.3f,
                     "createdButUnprocessable": %.3f, "latencyMs": %d, "seed": %d}""",
                    route,
                    error500,
                    error503,
                    error429,
                    reset,
                    createdButUnprocessable,
                    latencyMs,
                    seed);
        }
    }

    /** Installs a fault rule through the sandbox's admin API ({@code POST /_sandbox/faults}). */
    static void injectFaults(GhlSandbox sandbox, Faults faults, long seed) {
        admin(sandbox, "POST", "/_sandbox/faults", faults.json(seed));
    }

    /** Clears every fault rule. */
    static void clearFaults(GhlSandbox sandbox) {
        admin(sandbox, "DELETE", "/_sandbox/faults", null);
    }

    private static String admin(GhlSandbox sandbox, String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@link #settings} with the sandbox's webhook public keys (written into {@code dir}) and an admin token:
     * a run that receives the sandbox's signed webhooks.
     */
    static Settings signedSettings(GhlSandbox sandbox, Path dir, String adminToken) {
        Path keys = dir.resolve("webhook-public-keys.pem");
        try {
            Files.writeString(
                    keys,
                    sandbox.publicKeysPem().ed25519() + "\n"
                            + sandbox.publicKeysPem().rsa() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Settings settings = Settings.load(Optional.empty(), Map.of())
                .with(Setting.ADMIN_TOKEN, adminToken)
                .with(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString());
        for (var e : settings(sandbox, dir.resolve("data")).entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        return settings;
    }

    /**
     * The settings of a Recruitflow run against the sandbox, as {@code RECRUITFLOW_*} variables: the location's
     * private integration token, 100 calls per second (the sandbox's limit in these tests), quiet hours off so
     * every intro goes out now, and an embedded PostgreSQL in {@code dataDir}.
     */
    /**
     * Starts {@code recruitflow ARGS...} in a new JVM on this test's class path, in {@code dir}, configured only
     * through {@code RECRUITFLOW_*} variables (the parent's are dropped), its output in files (a full pipe would
     * stall it).
     */
    static Process startCli(Path dir, Map<Setting, String> settings, Path out, Path err, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                io.recruitflow.bootstrap.cli.RecruitflowCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("RECRUITFLOW_"));
        settings.forEach((setting, value) -> env.put(setting.env(), value));
        return builder.start();
    }

    static Map<Setting, String> settings(GhlSandbox sandbox, Path dataDir) {
        Map<Setting, String> s = new LinkedHashMap<>();
        s.put(Setting.GHL_BASE_URL, sandbox.baseUrl());
        s.put(Setting.GHL_TOKEN, sandbox.credentials().location(LOCATION).privateIntegrationToken());
        s.put(Setting.GHL_LOCATION_ID, LOCATION);
        s.put(Setting.GHL_RATE_LIMIT, "100/1s");
        s.put(Setting.DATA_DIR, dataDir.toString());
        s.put(Setting.COMPLIANCE_QUIET_HOURS, "off");
        s.put(Setting.HTTP_PORT, "0");
        return s;
    }

    /** Imports one lead (from {@link #writeLeads} with seed 12, number (206) 555-0131) and waits for its intake. */
    static Recruit importOneRecruit(RecruitflowRuntime runtime, Path dir) throws Exception {
        Path leads = writeLeads(dir.resolve("one-lead.csv"), 1, 12);
        ImportReport report;
        try (InputStream in = Files.newInputStream(leads)) {
            report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(new LocationId(LOCATION), in));
        }
        RecruitId id = report.accepted().get(0).recruit();
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        Recruits recruits = runtime.injector().getInstance(Recruits.class);
        await(
                Duration.ofSeconds(45),
                Duration.ofMillis(100),
                () -> intake.isComplete(id)
                        && recruits.find(id).flatMap(Recruit::contactId).isPresent(),
                () -> "intake not complete: " + intake.progress(id));
        return recruits.find(id).orElseThrow();
    }

    /**
     * A Recruitflow on the real adapters against the sandbox ({@link #settings} plus {@code extra}), its HTTP server
     * receiving the sandbox's signed webhooks, its job workers running.
     */
    static io.recruitflow.bootstrap.runtime.RecruitflowRuntime startWithWebhooks(
            GhlSandbox sandbox, Path dir, Map<Setting, String> extra) throws IOException {
        Path keys = dir.resolve("webhook-public-keys.pem");
        Files.writeString(
                keys,
                sandbox.publicKeysPem().ed25519() + "\n"
                        + sandbox.publicKeysPem().rsa() + "\n");
        io.recruitflow.bootstrap.config.Settings settings =
                io.recruitflow.bootstrap.config.Settings.load(Optional.empty(), Map.of());
        Map<Setting, String> all = new LinkedHashMap<>(settings(sandbox, dir.resolve("data")));
        all.put(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString());
        all.put(
                Setting.ADMIN_TOKEN,
                java.util.HexFormat.of().formatHex(new java.security.SecureRandom().generateSeed(16)));
        all.putAll(extra);
        for (var e : all.entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        var runtime = io.recruitflow.bootstrap.runtime.RecruitflowRuntime.open(
                io.recruitflow.bootstrap.config.RecruitflowConfig.from(settings),
                io.recruitflow.domain.shared.Clock.system());
        int port = runtime.startHttp();
        sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
        runtime.startJobs();
        return runtime;
    }

    /** Imports a lead file into {@link #LOCATION}; every row must be accepted. Returns the recruits, in file order. */
    static List<RecruitId> importFile(RecruitflowRuntime runtime, Path file) throws IOException {
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(new LocationId(LOCATION), in));
        }
        if (!report.rejected().isEmpty() || !report.known().isEmpty()) {
            throw new AssertionError("not every row accepted: "
                    + report.rejected().size() + " rejected, " + report.known().size() + " known");
        }
        return report.accepted().stream().map(ImportReport.Row::recruit).toList();
    }

    /**
     * Waits until every webhook the sandbox delivered is stored and applied (processed, ignored or dead-lettered) and
     * no more arrive between two polls.
     */
    static void awaitWebhooksApplied(RecruitflowRuntime runtime, GhlSandbox sandbox, Duration timeout)
            throws InterruptedException {
        io.recruitflow.application.port.EventInbox inbox =
                runtime.injector().getInstance(io.recruitflow.application.port.EventInbox.class);
        long[] last = {-1};
        await(
                timeout,
                Duration.ofMillis(250),
                () -> {
                    io.recruitflow.application.port.InboxStats s = inbox.stats();
                    long delivered = sandbox.stats().webhooksDelivered();
                    boolean applied = s.stored() + s.duplicates() >= delivered
                            && s.processed() + s.dead() + s.ignored() >= s.stored();
                    boolean quiet = delivered == last[0];
                    last[0] = delivered;
                    return applied && quiet;
                },
                () -> "webhooks not applied: sandbox " + sandbox.stats() + ", inbox " + inbox.stats());
    }

    /** Polls until the condition holds; fails with the diagnosis once {@code timeout} has passed. */
    static void await(Duration timeout, Duration every, BooleanSupplier condition, Supplier<String> diagnosis)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + diagnosis.get());
            }
            Thread.sleep(every.toMillis());
        }
    }

    /** The last {@code lines} lines of a file, for failure messages. */
    static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(no " + file.getFileName() + ")";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /**
     * Stops an embedded PostgreSQL that a killed JVM left running in {@code dataDir}, if any: its postmaster
     * is a process this test started (through its child JVM). Only a live {@code postgres} process named by
     * the data directory's {@code postmaster.pid} is touched.
     */
    static void stopOrphanedPostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("pg").resolve("postmaster.pid");
        Optional<Long> pid;
        try {
            pid = Files.exists(pidFile)
                    ? Files.readAllLines(pidFile).stream()
                            .findFirst()
                            .map(String::strip)
                            .map(Long::parseLong)
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return;
        }
        pid.flatMap(ProcessHandle::of)
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.endsWith("postgres") || c.endsWith("postmaster"))
                        .orElse(false))
                .ifPresent(p -> {
                    p.destroy(); // SIGTERM: PostgreSQL's "smart" shutdown
                    p.onExit()
                            .orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                            .exceptionally(t -> {
                                p.destroyForcibly();
                                return p;
                            })
                            .join();
                });
    }

    /** Every line of the text that contains {@code needle}. */
    static List<String> linesWith(String text, String needle) {
        List<String> out = new ArrayList<>();
        text.lines().filter(l -> l.contains(needle)).forEach(out::add);
        return out;
    }

    /**
     * The settings of an instance that reaches no GHL (its base URL is a closed port) and verifies webhooks with
     * {@code keys}'s public key, written as PEM into {@code dir}: for tests of the receiver alone.
     */
    static Settings receiverOnlySettings(Path dir, KeyPair keys, String adminToken) throws IOException {
        Path pem = dir.resolve("keys.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        return Settings.load(Optional.empty(), Map.of())
                .with(Setting.GHL_BASE_URL, "http://127.0.0.1:9")
                .with(Setting.GHL_TOKEN, "pit-not-used-here")
                .with(Setting.DATA_DIR, dir.resolve("data").toString())
                .with(Setting.HTTP_PORT, "0")
                .with(Setting.ADMIN_TOKEN, adminToken)
                .with(Setting.WEBHOOK_PUBLIC_KEYS, pem.toString());
    }
}
