package io.recruitflow.bootstrap.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.DeliveryFailures;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import io.recruitflow.sandbox.Simulation;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The demo on the real adapters: an embedded PostgreSQL in a fresh directory, the GHL REST client against
 * the in-process GHL sandbox, the durable job queue, and the HTTP server receiving the sandbox's signed
 * webhooks. One simulated clock drives Recruitflow, its job queue and the sandbox, so the night passes in
 * a moment.
 */
public final class SandboxDemo {
    static final String LOCATION = "loc_abc123";
    /**
     * The number whose texts the demo's sandbox reports failed, as GHL reports a text from an unregistered A2P
     * 10DLC sender: Andre Lefebvre's in {@code examples/leads.csv}.
     */
    static final String UNDELIVERABLE = "+13035550130";

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(90);
    /** Three quiet looks this far apart, and the work is done: the simulated week takes a few dozen of them. */
    private static final Duration QUIET_CHECK = Duration.ofMillis(100);

    private SandboxDemo() {}

    public static int run(Path leads, PrintStream out) throws IOException {
        // The sandbox logs every webhook delivery; in the demo that would drown the story.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.recruitflow.sandbox"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        DemoClock clock = new DemoClock(InMemoryDemo.START);
        Path dir = Files.createTempDirectory("recruitflow-demo");
        try (GhlSandbox sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withClock(JavaClocks.of(clock)))) {
            sandbox.deliveryFailures().failTextsTo(UNDELIVERABLE, DeliveryFailures.Reason.UNREGISTERED, -1);
            Path keys = dir.resolve("webhook-public-keys.pem");
            Files.writeString(
                    keys,
                    sandbox.publicKeysPem().ed25519() + "\n"
                            + sandbox.publicKeysPem().rsa() + "\n");
            String adminToken = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Settings settings = Settings.load(Optional.empty(), Map.of())
                    .with(Setting.GHL_BASE_URL, sandbox.baseUrl())
                    .with(
                            Setting.GHL_TOKEN,
                            sandbox.credentials().location(LOCATION).privateIntegrationToken())
                    .with(Setting.GHL_LOCATION_ID, LOCATION)
                    .with(Setting.GHL_RATE_LIMIT, "100/1s")
                    .with(Setting.DATA_DIR, dir.resolve("data").toString())
                    .with(Setting.HTTP_PORT, "0")
                    .with(Setting.ADMIN_TOKEN, adminToken)
                    .with(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString())
                    // Recruitflow's own follow-up: the playbook's cadence, reminders, no-show recovery.
                    .with(Setting.NURTURE, "on");
            try (RecruitflowRuntime runtime = RecruitflowRuntime.open(
                    RecruitflowConfig.from(settings),
                    clock,
                    new Demo.DemoModule(out),
                    new SandboxWorld(sandbox, clock))) {
                int port = runtime.startHttp();
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
                runtime.startJobs();
                out.printf(
                        "Running on the real adapters: embedded PostgreSQL, GHL sandbox at %s, webhooks on port %d%n",
                        sandbox.baseUrl(), port);
                Demo demo = runtime.injector().getInstance(Demo.class);
                int exit = demo.run(leads, new LocationId(LOCATION), InMemoryDemo.NEXT_MORNING);
                printDashboardFailures(out, port, adminToken);
                SandboxStats stats = sandbox.stats();
                out.printf(
                        "%n   GHL sandbox: %d API calls, %d rate-limited, %d duplicate contacts, %d duplicate messages, "
                                + "%d webhooks delivered%n",
                        stats.requests(),
                        stats.rateLimited(),
                        stats.duplicateContacts(),
                        stats.duplicateMessages(),
                        stats.webhooksDelivered());
                return exit;
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The dashboard's list of the texts GHL could not deliver, read from the running server's {@code GET /}. */
    private static void printDashboardFailures(PrintStream out, int port, String adminToken) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("Authorization", "Bearer " + adminToken)
                .timeout(Duration.ofSeconds(30))
                .build();
        String html;
        try {
            html = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            out.printf("%n   (the dashboard could not be read: %s)%n", e.getMessage());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        java.util.regex.Matcher tile = java.util.regex.Pattern.compile("id=\"not-delivered\">([0-9,]+)<")
                .matcher(html);
        out.printf(
                "%n6. The dashboard (GET /) shows %s text(s) GHL could not deliver:%n",
                tile.find() ? tile.group(1) : "?");
        java.util.regex.Matcher row = java.util.regex.Pattern.compile(
                        "<tr data-message=\"([^\"]*)\">.*?<td>([^<]*)</td><td class=\"error\">([^<]*)</td>")
                .matcher(html);
        while (row.find()) {
            out.printf("   %s %s: %s%n", unescape(row.group(1)), unescape(row.group(2)), unescape(row.group(3)));
        }
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The sandbox's world: the driver watches the real stores and lets the sandbox report what recruits do. */
    private static final class SandboxWorld extends AbstractModule {
        private final GhlSandbox sandbox;
        private final DemoClock clock;

        SandboxWorld(GhlSandbox sandbox, DemoClock clock) {
            this.sandbox = sandbox;
            this.clock = clock;
        }

        @Provides
        @Singleton
        DemoDriver driver(IntakeJournal journal, EventInbox inbox, MessageLog messages) {
            return new SandboxDriver(sandbox, clock, journal, inbox, messages);
        }
    }

    /** Real GHL behaviour from the sandbox: replies and appointment outcomes arrive as signed webhooks. */
    private static final class SandboxDriver implements DemoDriver {
        private final GhlSandbox sandbox;
        private final DemoClock clock;
        private final IntakeJournal journal;
        private final EventInbox inbox;
        private final MessageLog messages;
        private final HttpClient http = HttpClient.newHttpClient();

        SandboxDriver(
                GhlSandbox sandbox, DemoClock clock, IntakeJournal journal, EventInbox inbox, MessageLog messages) {
            this.sandbox = sandbox;
            this.clock = clock;
            this.journal = journal;
            this.inbox = inbox;
            this.messages = messages;
        }

        @Override
        public void runDueWork() {
            Instant deadline = Instant.now().plus(IDLE_TIMEOUT);
            int quietChecks = 0;
            long deliveries = -1;
            while (quietChecks < 3) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the demo's work did not settle within " + IDLE_TIMEOUT);
                }
                sleep(QUIET_CHECK);
                SandboxStats stats = sandbox.stats();
                long now = stats.webhooksDelivered() + stats.webhooksFailed();
                Map<StepState, Long> steps = journal.countByState();
                boolean idle = steps.getOrDefault(StepState.PENDING, 0L)
                                        + steps.getOrDefault(StepState.STARTED, 0L)
                                        + steps.getOrDefault(StepState.UNKNOWN, 0L)
                                == 0
                        && messages.due(clock.now(), 1).isEmpty()
                        && inbox.due(clock.now(), 1).isEmpty()
                        && now == deliveries;
                deliveries = now;
                quietChecks = idle ? quietChecks + 1 : 0;
            }
        }

        @Override
        public void advanceTo(Instant instant) {
            clock.advanceTo(instant);
            // The sandbox does what was scripted for the time passed, in order, with GHL's webhooks.
            sandbox.runDueSimulations();
        }

        @Override
        public void replyAt(Instant at, Recruit recruit, String body) {
            sandbox.schedule(at, Simulation.reply(contactOf(recruit), body));
        }

        @Override
        public void bookAt(Instant at, Recruit recruit, Instant start) {
            sandbox.schedule(at, Simulation.book(contactOf(recruit), start));
        }

        @Override
        public void markAt(Instant at, Recruit recruit, AppointmentStatus status) {
            sandbox.schedule(
                    at, Simulation.mark(contactOf(recruit), status.name().toLowerCase(java.util.Locale.ROOT)));
        }

        @Override
        public Optional<Instant> nextScripted() {
            return sandbox.nextSimulation();
        }

        private static String contactOf(Recruit recruit) {
            return recruit.contactId().orElseThrow().value();
        }

        @Override
        public void introsReported(List<MessageRecord> intros) {
            // GHL sent an OutboundMessage webhook for each when it accepted the message.
        }

        @Override
        public void recruitReplies(Recruit recruit, String body) {
            sandbox.simulateInboundMessage(recruit.contactId().orElseThrow().value(), body, "SMS");
        }

        @Override
        public void bookingReported(Appointment appointment) {
            // GHL sent an AppointmentCreate webhook when we booked.
        }

        @Override
        public void appointmentMarked(Appointment appointment, AppointmentStatus status) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/appointments/"
                            + appointment.id().value() + "/status"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"status\":\"" + status.name().toLowerCase() + "\"}"))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() / 100 != 2) {
                    throw new IllegalStateException("the sandbox refused the appointment status: " + response.body());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static void sleep(Duration d) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
