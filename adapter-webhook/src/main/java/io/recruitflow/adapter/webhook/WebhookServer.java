package io.recruitflow.adapter.webhook;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.recruitflow.adapter.webhook.ApiBodies.ErrorBody;
import io.recruitflow.adapter.webhook.ApiBodies.StatusBody;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.application.recruitingreport.RecruitingReportUseCase;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonalData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recruitflow's inbound HTTP server (Javalin on Jetty):
 *
 * <ul>
 *   <li>{@code POST /webhooks/ghl} — verified, durable GHL webhooks (see {@link WebhookReceiver});</li>
 *   <li>{@code GET /oauth/install}, {@code GET /oauth/callback} — the marketplace app's OAuth install flow;</li>
 *   <li>{@code GET /} — the funnel dashboard, an HTML page behind the same token (see {@link Builder#rateBudgets});</li>
 *   <li>{@code GET /report} — the recruiting report with SVG charts, behind the same token ({@link Builder#report});</li>
 *   <li>{@code /api/**} — the admin API (bearer token only; cross-site and wrong-media-type writes refused,
 *       see {@link ApiRequestGuard});</li>
 *   <li>{@code GET /health/live}, {@code GET /health/ready}, {@code GET /metrics} — operations ({@code /metrics}
 *       behind the admin token with {@link WebhookConfig.MetricsAuth#TOKEN});</li>
 *   <li>{@code GET /api/openapi.json} — the admin API's OpenAPI 3.1 description ({@link OpenApiDocument}).</li>
 * </ul>
 *
 * <p>Build with {@link #builder(WebhookConfig)}; {@link #start()} binds the port, {@link #stop(Duration)}
 * stops gracefully: new webhooks get 429 (GHL delivers them again), in-flight ones finish, queued events
 * are committed, then the HTTP server stops.
 */
public final class WebhookServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    private final WebhookConfig config;
    private final Javalin app;
    private final GroupCommitter committer;
    private final RecruitflowMetrics metrics;
    private final ReadinessCheck readiness;
    private final ExecutorService readinessExecutor;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;
    private volatile boolean started;

    private WebhookServer(Builder b) {
        this.config = b.config;
        this.metrics = b.metrics;
        this.readiness = b.readiness;
        WebhookKeys keys = config.publicKeysPath().map(WebhookKeys::fromFile).orElseGet(WebhookKeys::ghlPublished);
        SignatureVerifier verifier = new SignatureVerifier(keys, config.allowUnsigned());
        this.committer = new GroupCommitter(
                b.inbox,
                b.listener,
                config.groupCommitWindow(),
                config.groupCommitMaxEvents(),
                config.maxPendingEvents(),
                b.writerThreads,
                metrics.registry());
        WebhookReceiver receiver = new WebhookReceiver(verifier, committer, b.clock, config, metrics.registry());
        AdminAuth adminAuth = new AdminAuth(config.adminToken(), new FailedTokenThrottle(b.clock));
        ApiRequestGuard apiGuard = new ApiRequestGuard(adminAuth);
        Optional<AdminRoutes> admin =
                Optional.ofNullable(b.admin).map(a -> new AdminRoutes(a, config.importMaxBytes()));
        Optional<OutboundRoutes> outbound = Optional.ofNullable(b.outbound).map(o -> new OutboundRoutes(o, b.clock));
        Optional.ofNullable(b.outbound).ifPresent(metrics::outbound);
        metrics.suspendedLocations(b.suspensions);
        Dashboard dashboard = new Dashboard(
                Optional.ofNullable(b.admin), b.rateBudgets, b.suspensions, b.clock, b.followUpsDeferred, b.stalls);
        ReportRoutes report = new ReportRoutes(Optional.ofNullable(b.report));
        Optional<OAuthRoutes> oauth =
                Optional.ofNullable(b.installations).map(i -> new OAuthRoutes(i, b.states, b.clock));
        this.readinessExecutor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1),
                r -> {
                    Thread t = new Thread(r, "readiness-check");
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());

        Handler webhook = ctx -> {
            inFlight.incrementAndGet();
            try {
                if (draining) {
                    ctx.header("Retry-After", WebhookReceiver.RETRY_AFTER_SECONDS)
                            .status(429)
                            .contentType("application/json")
                            .result(ApiJson.error("unavailable", "shutting down; retry later"));
                    return;
                }
                receiver.handle(ctx);
            } finally {
                inFlight.decrementAndGet();
            }
        };

        WebhookFastPath fastPath = new WebhookFastPath(receiver, config.maxBodyBytes(), () -> draining, inFlight);
        this.app = Javalin.create(cfg -> {
            // Webhooks first, on Jetty's own API; everything else (and any webhook it leaves) goes on to Javalin,
            // which attaches its servlet context inside this wrapper.
            cfg.jetty.modifyServer(server -> server.setHandler(fastPath));
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.http.maxRequestSize = Math.max(config.maxBodyBytes(), 32L * 1024 * 1024);

            cfg.routes.post("/webhooks/ghl", webhook);

            cfg.routes.get(
                    "/oauth/install", ctx -> oauth.ifPresentOrElse(o -> o.install(ctx), () -> oauthMissing(ctx)));
            cfg.routes.get(
                    "/oauth/callback", ctx -> oauth.ifPresentOrElse(o -> o.callback(ctx), () -> oauthMissing(ctx)));

            cfg.routes.get("/health/live", ctx -> json(ctx, 200, new StatusBody("UP")));
            cfg.routes.get("/health/ready", this::ready);
            cfg.routes.get("/metrics", ctx -> {
                // Behind the admin token (RECRUITFLOW_METRICS_AUTH=token): the API's checks, which for a GET are
                // the throttle on wrong tokens and the bearer token.
                Optional<ApiRequestGuard.Refusal> refusal = config.metricsAuth() == WebhookConfig.MetricsAuth.TOKEN
                        ? apiGuard.check(ctx)
                        : Optional.empty();
                if (refusal.isPresent()) {
                    refuse(ctx, refusal.get());
                    return;
                }
                ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
            });

            cfg.routes.get("/", ctx -> dashboard.serve(ctx, adminAuth));
            cfg.routes.get("/recruits/{id}", ctx -> dashboard.serveRecruit(ctx, adminAuth));
            cfg.routes.get("/report", ctx -> report.page(ctx, adminAuth));

            cfg.routes.before("/api/*", ctx -> {
                // Cross-site → 403, wrong media type → 415, too many wrong tokens → 429, no bearer token → 401.
                Optional<ApiRequestGuard.Refusal> refusal = apiGuard.check(ctx);
                if (refusal.isPresent()) {
                    refuse(ctx, refusal.get());
                    ctx.skipRemainingHandlers();
                } else if (admin.isEmpty() && !ctx.path().startsWith("/api/outbound/")) {
                    // The outbound events' routes stand on their own (503 below when they are not wired either).
                    json(ctx, 503, new ErrorBody("unavailable", "the admin API is not wired"));
                    ctx.skipRemainingHandlers();
                }
            });
            cfg.routes.post("/api/recruits", ctx -> admin.orElseThrow().createRecruit(ctx));
            cfg.routes.post("/api/recruits/import", ctx -> admin.orElseThrow().importRecruits(ctx));
            cfg.routes.get("/api/recruits", ctx -> admin.orElseThrow().listRecruits(ctx));
            cfg.routes.get("/api/recruits/{id}", ctx -> admin.orElseThrow().getRecruit(ctx));
            cfg.routes.post(
                    "/api/recruits/{id}/presentation",
                    ctx -> admin.orElseThrow().bookPresentation(ctx));
            cfg.routes.get("/api/funnel", ctx -> admin.orElseThrow().funnel(ctx));
            cfg.routes.get("/api/events/stats", ctx -> admin.orElseThrow().eventStats(ctx));
            cfg.routes.get("/api/events", ctx -> admin.orElseThrow().events(ctx));
            cfg.routes.get("/api/replies/review", ctx -> admin.orElseThrow().repliesToReview(ctx));
            cfg.routes.post(
                    "/api/replies/{id}/resolve", ctx -> admin.orElseThrow().resolveReply(ctx));
            cfg.routes.get(
                    "/api/compliance/emergencies", ctx -> admin.orElseThrow().listEmergencies(ctx));
            cfg.routes.post(
                    "/api/compliance/emergencies", ctx -> admin.orElseThrow().declareEmergency(ctx));
            cfg.routes.delete(
                    "/api/compliance/emergencies/{state}",
                    ctx -> admin.orElseThrow().endEmergency(ctx));
            cfg.routes.post(
                    "/api/recruits/{id}/assignee", ctx -> admin.orElseThrow().reassignRecruit(ctx));
            cfg.routes.get("/api/report", report::json);
            cfg.routes.get("/api/report.csv", report::csv);
            cfg.routes.get(
                    "/api/outbound/subscriptions",
                    ctx -> outbound(outbound, ctx).subscriptions(ctx));
            cfg.routes.get(
                    "/api/outbound/events", ctx -> outbound(outbound, ctx).events(ctx));
            cfg.routes.post(
                    "/api/outbound/events/{eventId}/replay",
                    ctx -> outbound(outbound, ctx).replayOne(ctx));
            cfg.routes.post(
                    "/api/outbound/replay", ctx -> outbound(outbound, ctx).replayRange(ctx));
            cfg.routes.get("/api/openapi.json", OpenApiDocument::serve);

            cfg.routes.exception(
                    AdminRoutes.ApiError.class, (e, ctx) -> json(ctx, e.status, new ErrorBody(e.code, e.getMessage())));
            cfg.routes.exception(ExternalFailure.class, (e, ctx) -> {
                LOG.warn(
                        "GHL call failed during {} {}: {}",
                        ctx.method(),
                        ctx.path(),
                        PersonalData.mask(e.getMessage()));
                json(ctx, 502, new ErrorBody("ghl_unavailable", describe(e)));
            });
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                // The stack is kept for the bug; messages lose the personal data they may carry.
                LOG.error("unexpected failure in {} {}", ctx.method(), ctx.path(), PersonalData.masked(e));
                if (ctx.path().startsWith("/webhooks/")) {
                    ctx.header("Retry-After", WebhookReceiver.RETRY_AFTER_SECONDS);
                    json(ctx, 429, new ErrorBody("unavailable", "retry later"));
                } else {
                    json(ctx, 500, new ErrorBody("internal_error", "unexpected error"));
                }
            });
            cfg.routes.error(404, ctx -> {
                // Javalin's own "endpoint not found" text; our routes' 404s are JSON already.
                if (ctx.result() == null || !ctx.result().startsWith("{")) {
                    json(ctx, 404, new ErrorBody("not_found", "no such route"));
                }
            });
            cfg.routes.error(405, ctx -> json(ctx, 405, new ErrorBody("method_not_allowed", "method not allowed")));
        });
    }

    /** Starts the builder; {@link Builder#inbox} is required, everything else has a default. */
    /** What an admin is told when GHL failed a call their request needed; never GHL's raw message. */
    static String describe(ExternalFailure failure) {
        if (failure instanceof ExternalFailure.Rejected) {
            return "GHL refused the request";
        }
        if (failure instanceof ExternalFailure.AccessDenied) {
            return "GHL refused Recruitflow's access; the app may need to be installed again";
        }
        if (failure instanceof ExternalFailure.OutcomeUnknown) {
            return "GHL did not confirm the request; check GHL before trying again";
        }
        return "GHL did not answer; try again later";
    }

    public static Builder builder(WebhookConfig config) {
        return new Builder(config);
    }

    /** Binds {@link WebhookConfig#port()} and starts serving; returns the bound port. */
    public int start() {
        return start(config.port());
    }

    /** Binds {@code port} (0: a free port, for tests) and starts serving; returns the bound port. */
    public synchronized int start(int port) {
        if (started) {
            throw new IllegalStateException("already started");
        }
        if (config.allowUnsigned()) {
            LOG.warn(
                    "!!! DEVELOPMENT MODE: webhooks WITHOUT A SIGNATURE ARE ACCEPTED ({}=true). "
                            + "Anyone who can reach this port can inject GHL events. Never run like this in production. !!!",
                    WebhookConfig.ENV_ALLOW_UNSIGNED);
        }
        if (config.adminToken().isEmpty()) {
            LOG.warn(
                    "the admin API is disabled: {} is not set; every /api call answers 401",
                    WebhookConfig.ENV_ADMIN_TOKEN);
        }
        if (config.maxAge().compareTo(WebhookConfig.GHL_RETRY_HORIZON) < 0) {
            LOG.warn(
                    "{}={} is shorter than GHL's retries (about {} after the first attempt): an event answered 429 "
                            + "will be refused as stale when GHL re-sends it, and lost",
                    WebhookConfig.ENV_MAX_AGE,
                    config.maxAge(),
                    WebhookConfig.GHL_RETRY_HORIZON);
        }
        committer.start();
        app.start(port);
        started = true;
        LOG.info("HTTP server listening on port {} ({})", app.port(), config);
        return app.port();
    }

    /** The bound port, once started. */
    public int port() {
        return app.port();
    }

    /** The metrics registry the server reports into. */
    public RecruitflowMetrics metrics() {
        return metrics;
    }

    /**
     * Stops gracefully within {@code timeout}: new webhooks answer 429, in-flight ones finish, queued
     * events are committed (or, past the deadline, answered 429), then the server stops.
     */
    public synchronized void stop(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        draining = true;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        committer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        app.stop();
        readinessExecutor.shutdownNow();
        started = false;
        LOG.info("HTTP server stopped");
    }

    private void ready(Context ctx) {
        boolean ready;
        try {
            ready = !draining
                    && CompletableFuture.supplyAsync(
                                    () -> {
                                        try {
                                            return readiness.ready();
                                        } catch (Exception e) {
                                            LOG.warn("readiness check failed: {}", e.toString());
                                            return false;
                                        }
                                    },
                                    readinessExecutor)
                            .get(2, TimeUnit.SECONDS);
        } catch (Exception busyOrSlow) {
            ready = false;
        }
        json(ctx, ready ? 200 : 503, new StatusBody(ready ? "READY" : "NOT_READY"));
    }

    /** Answers a request the {@link ApiRequestGuard} refused. */
    private static void refuse(Context ctx, ApiRequestGuard.Refusal r) {
        r.retryAfter().ifPresent(w -> ctx.header("Retry-After", FailedTokenThrottle.retryAfterSeconds(w)));
        if (r.status() == 401) {
            AdminAuth.challenge(ctx, r.message());
        } else {
            json(ctx, r.status(), new ErrorBody(r.code(), r.message()));
        }
    }

    /**
     * Every route the server answers, as {@code METHOD /path} with Javalin's {@code {param}} placeholders, in
     * registration order; before- and after-handlers are not routes. For the check of the OpenAPI description.
     */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(e -> e.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> e.method.name() + " " + e.path)
                .toList();
    }

    /** The outbound events' routes, or 503 when this server was built without them. */
    private static OutboundRoutes outbound(Optional<OutboundRoutes> routes, Context ctx) {
        return routes.orElseThrow(() -> new AdminRoutes.ApiError(503, "unavailable", "outbound events are not wired"));
    }

    private static void oauthMissing(Context ctx) {
        OAuthRoutes.page(ctx, 503, "OAuth is not configured", "This Recruitflow does not offer the OAuth install.");
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(ApiJson.write(body));
    }

    /** Assembles a {@link WebhookServer}. */
    public static final class Builder {
        private final WebhookConfig config;
        private EventInbox inbox;
        private InboxListener listener = InboxListener.none();
        private Clock clock = Clock.system();
        private RecruitflowMetrics metrics;
        private ReadinessCheck readiness = ReadinessCheck.alwaysReady();
        private Installations installations;
        private PendingInstalls states;
        private AdminServices admin;
        private RecruitingReportUseCase report;
        private OutboundDispatcher outbound;
        private Supplier<Map<String, Optional<CallBudget>>> rateBudgets = Map::of;
        private java.util.function.Function<CallBudget, Optional<java.time.Instant>> followUpsDeferred =
                b -> Optional.empty();
        private Supplier<Map<LocationId, String>> suspensions = Map::of;
        private java.util.function.Function<
                        Optional<LocationId>, java.util.List<io.recruitflow.domain.pipeline.StallAlert>>
                stalls = location -> java.util.List.of();
        private int writerThreads = 2;

        private Builder(WebhookConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** Required: where verified webhooks are stored. */
        public Builder inbox(EventInbox inbox) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            return this;
        }

        /** Told about newly stored events (e.g. to wake the inbox sweep); default: nobody. */
        public Builder inboxListener(InboxListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The shared registry; default: a new one. */
        public Builder metrics(RecruitflowMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Default: always ready. */
        public Builder readiness(ReadinessCheck readiness) {
            this.readiness = Objects.requireNonNull(readiness, "readiness");
            return this;
        }

        /** Enables {@code /oauth/install} and {@code /oauth/callback}; without it they answer 503. */
        public Builder oauth(Installations installations, PendingInstalls states) {
            this.installations = Objects.requireNonNull(installations, "installations");
            this.states = Objects.requireNonNull(states, "states");
            return this;
        }

        /** Enables the admin API's routes and the dashboard; without it they answer 503 (after authentication). */
        public Builder admin(AdminServices admin) {
            this.admin = Objects.requireNonNull(admin, "admin");
            return this;
        }

        /**
         * Enables the recruiting report: {@code GET /api/report}, {@code GET /api/report.csv} and the page {@code GET
         * /report}; without it they answer 503 (after authentication).
         */
        public Builder report(RecruitingReportUseCase report) {
            this.report = Objects.requireNonNull(report, "report");
            return this;
        }

        /**
         * What the dashboard shows as GHL rate-limit headroom: the last known {@link CallBudget} per location
         * id (empty before GHL's first answer for it). Called on every dashboard request, so it must be cheap
         * (read what the GHL client already knows; no GHL call). Default: no location.
         */
        public Builder rateBudgets(Supplier<Map<String, Optional<CallBudget>>> rateBudgets) {
            this.rateBudgets = Objects.requireNonNull(rateBudgets, "rateBudgets");
            return this;
        }

        /**
         * Until when a location's follow-ups wait for its daily quota to reset, given its budget (empty while they
         * run): the dashboard says "follow-ups deferred until RESET" beside the daily remaining. Default: never.
         */
        public Builder followUpsDeferred(
                java.util.function.Function<CallBudget, Optional<java.time.Instant>> followUpsDeferred) {
            this.followUpsDeferred = Objects.requireNonNull(followUpsDeferred, "followUpsDeferred");
            return this;
        }

        /**
         * The suspended locations and why ({@link io.recruitflow.domain.shared.SuspendedLocations#all}), shown on
         * the dashboard and published as {@code recruitflow_locations_suspended{reason}}. Default: none.
         */
        public Builder suspensions(Supplier<Map<LocationId, String>> suspensions) {
            this.suspensions = Objects.requireNonNull(suspensions, "suspensions");
            return this;
        }

        /** Enables the outbound events' admin routes and metrics; without it the routes answer 503. */
        public Builder outbound(OutboundDispatcher outbound) {
            this.outbound = Objects.requireNonNull(outbound, "outbound");
            return this;
        }

        /**
         * The recruits stalled now in a location (or all), longest stalled first
         * ({@link io.recruitflow.application.stalls.StalledRecruits#now}), listed on the dashboard. Default: none.
         */
        public Builder stalls(
                java.util.function.Function<
                                Optional<LocationId>, java.util.List<io.recruitflow.domain.pipeline.StallAlert>>
                        stalls) {
            this.stalls = Objects.requireNonNull(stalls, "stalls");
            return this;
        }

        /** Threads committing webhook batches; default 2 (one commits while the other gathers). */
        public Builder inboxWriterThreads(int threads) {
            if (threads < 1 || threads > 16) {
                throw new IllegalArgumentException("writer threads must be 1..16");
            }
            this.writerThreads = threads;
            return this;
        }

        public WebhookServer build() {
            if (inbox == null) {
                throw new IllegalStateException("an EventInbox is required");
            }
            if (metrics == null) {
                metrics = RecruitflowMetrics.create();
            }
            return new WebhookServer(this);
        }
    }
}
