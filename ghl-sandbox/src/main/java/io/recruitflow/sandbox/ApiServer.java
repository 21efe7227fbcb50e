package io.recruitflow.sandbox;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointNotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: GHL's routes wrapped in what every GHL request goes through (Version header,
 * bearer token, rate limit with its five headers, injected faults, GHL-shaped errors with a
 * traceId), plus the unmetered admin routes under {@code /_sandbox/}.
 */
final class ApiServer {
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /**
     * GHL's own SDKs send one Version everywhere, so every route accepts every value clients send; {@code v3}
     * since GHL published its v3 specs (highlevel-api-docs PR #302).
     */
    static final Set<String> VERSIONS = Set.of("2021-04-15", "2021-07-28", "2023-02-21", "v3");

    @FunctionalInterface
    interface ApiHandler {
        void handle(ApiCall call) throws Exception;
    }

    @FunctionalInterface
    interface AdminHandler {
        void handle(Context ctx) throws Exception;
    }

    private record Route(
            HandlerType method, String path, boolean authenticated, boolean versioned, ApiHandler handler) {}

    private record AdminRoute(HandlerType method, String path, AdminHandler handler) {}

    /** Where API classes declare their routes. */
    final class Routes {
        void get(String path, ApiHandler handler) {
            routes.add(new Route(HandlerType.GET, path, true, true, handler));
        }

        void post(String path, ApiHandler handler) {
            routes.add(new Route(HandlerType.POST, path, true, true, handler));
        }

        void put(String path, ApiHandler handler) {
            routes.add(new Route(HandlerType.PUT, path, true, true, handler));
        }

        void delete(String path, ApiHandler handler) {
            routes.add(new Route(HandlerType.DELETE, path, true, true, handler));
        }

        /** A GHL route without a bearer token (the OAuth endpoints). */
        void open(HandlerType method, String path, boolean versioned, ApiHandler handler) {
            routes.add(new Route(method, path, false, versioned, handler));
        }

        void admin(HandlerType method, String path, AdminHandler handler) {
            adminRoutes.add(new AdminRoute(method, path, handler));
        }
    }

    private final Engine engine;
    private final List<Route> routes = new ArrayList<>();
    private final List<AdminRoute> adminRoutes = new ArrayList<>();
    private Javalin app;

    ApiServer(Engine engine) {
        this.engine = engine;
    }

    Routes routes() {
        return new Routes();
    }

    int start(String host, int port) {
        app = Javalin.create(this::configure);
        app.start(host, port);
        return app.port();
    }

    void stop() {
        if (app != null) {
            app.stop();
        }
    }

    private void configure(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.strictContentTypes = false;
        config.router.ignoreTrailingSlashes = true;
        config.router.treatMultipleSlashesAsSingleSlash = true;
        for (AdminRoute route : adminRoutes) {
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> {
                try {
                    route.handler().handle(ctx);
                } catch (ApiException e) {
                    ctx.status(e.status).contentType("application/json").result(Json.write(e.body));
                }
            });
        }
        for (Route route : routes) {
            String routeKey = Faults.normalizeRoute(route.method().name() + " " + route.path());
            config.routes.addHttpHandler(route.method(), route.path(), ctx -> handle(ctx, routeKey, route));
        }
        // Unknown routes answer like GHL's NestJS servers: 404 {"message": "Cannot GET /x"}.
        config.routes.exception(EndpointNotFound.class, (e, ctx) -> {
            Map<String, Object> body = Json.obj(
                    "statusCode",
                    404,
                    "message",
                    "Cannot " + ctx.method().name() + " " + ctx.path(),
                    "error",
                    "Not Found");
            ctx.status(404).contentType("application/json").result(Json.write(body));
            rateLimitHeaders(ctx, engine.rateLimiter.unmetered());
        });
    }

    private void handle(Context ctx, String routeKey, Route route) {
        engine.requests.increment();
        ApiCall call = new ApiCall(ctx);
        RateLimiter.Decision limits = engine.rateLimiter.unmetered();
        try {
            if (route.versioned()) {
                checkVersion(ctx.header("Version"));
            }
            if (route.authenticated()) {
                call.grant = engine.tokens.authenticate(ctx.header("Authorization"));
                long now = engine.clock.millis();
                limits = engine.rateLimiter.acquire(call.grant.rateLimitResource(), now);
                Engine.LocationCounters location = engine.countersOf(call.grant.locationId());
                if (location != null) {
                    location.request(now);
                }
                if (!limits.allowed()) {
                    engine.rateLimited.increment();
                    if (location != null) {
                        location.rateLimited.increment();
                    }
                    throw ApiException.of(429, "Too Many Requests");
                }
            }
            Faults.Decision fault = engine.faults.roll(routeKey);
            if (fault.latencyMs() > 0) {
                Thread.sleep(fault.latencyMs());
            }
            switch (fault.outcome()) {
                case RESET -> {
                    abortConnection(ctx);
                    return;
                }
                case ERROR_500 -> throw ApiException.of(500, "Internal Server Error");
                case ERROR_503 -> throw ApiException.of(503, "Service Unavailable");
                case ERROR_429 -> throw ApiException.of(429, "Too Many Requests");
                // GHL's 401 that is not about the token (highlevel-api-docs #74): nothing is done.
                case IAM_UNSUPPORTED ->
                    throw ApiException.unauthorized(
                            "This route is not yet supported by the IAM Service. Please update your IAM config.");
                default -> {}
            }
            route.handler().handle(call);
            if (fault.outcome() == Faults.Outcome.CREATED_BUT_UNPROCESSABLE) {
                // GHL quirk (highlevel-api-docs #64): the change is made, yet the answer is a 422.
                call.json(
                        422, ApiException.unprocessable("Unprocessable Entity").body());
            }
        } catch (ApiException e) {
            call.json(e.status, e.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.json(503, ApiException.of(503, "Service Unavailable").body());
        } catch (Exception e) {
            LOG.error("sandbox route {} failed", routeKey, e);
            call.json(500, ApiException.of(500, "Internal Server Error").body());
        } finally {
            rateLimitHeaders(ctx, limits);
        }
    }

    /** GHL's five rate-limit headers, on every API answer. */
    private static void rateLimitHeaders(Context ctx, RateLimiter.Decision limits) {
        ctx.header("X-RateLimit-Max", Integer.toString(limits.max()));
        ctx.header("X-RateLimit-Remaining", Long.toString(limits.remaining()));
        ctx.header("X-RateLimit-Interval-Milliseconds", Long.toString(limits.intervalMillis()));
        ctx.header("X-RateLimit-Limit-Daily", Long.toString(limits.dailyLimit()));
        ctx.header("X-RateLimit-Daily-Remaining", Long.toString(limits.dailyRemaining()));
        if (limits.dailyResetMillis() > 0) { // when the day's quota comes back (epoch ms; the day is UTC's)
            ctx.header("X-RateLimit-Daily-Reset", Long.toString(limits.dailyResetMillis()));
        }
    }

    private static void checkVersion(String version) {
        if (version == null || version.isBlank()) {
            throw ApiException.badRequest("Version header was not found");
        }
        if (!VERSIONS.contains(version.trim())) {
            throw ApiException.badRequest("Version header is invalid: " + version);
        }
    }

    /** A connection reset: Jetty closes the TCP connection without writing any response. */
    private static void abortConnection(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        request.getConnectionMetaData().getConnection().getEndPoint().close();
    }
}
