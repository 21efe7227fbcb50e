package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.adapter.webhook.AdminRoutes.ApiError;
import io.recruitflow.adapter.webhook.ApiBodies.OutboundEntries;
import io.recruitflow.adapter.webhook.ApiBodies.OutboundEntryBody;
import io.recruitflow.adapter.webhook.ApiBodies.OutboundReplayed;
import io.recruitflow.adapter.webhook.ApiBodies.SubscriptionBody;
import io.recruitflow.adapter.webhook.ApiBodies.SubscriptionList;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.domain.shared.Clock;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The admin API of outbound events: the subscriptions (configured in settings; their URLs shown as scheme, host and
 * port only), the outbox with each entry's state, attempts and last status, and replay of one event or a range.
 */
final class OutboundRoutes {
    private static final Pattern EVENT_ID = Pattern.compile("evt_[0-9a-f]{32}");
    private static final int MAX_RANGE = 100_000;

    private final OutboundDispatcher outbound;
    private final Clock clock;

    OutboundRoutes(OutboundDispatcher outbound, Clock clock) {
        this.outbound = outbound;
        this.clock = clock;
    }

    // GET /api/outbound/subscriptions
    void subscriptions(Context ctx) {
        json(
                ctx,
                200,
                new SubscriptionList(
                        outbound.subscriptions().all().stream()
                                .map(s -> new SubscriptionBody(s.name(), endpoint(s.url())))
                                .toList(),
                        outbound.subscriptions().allowLoopbackHttp()));
    }

    // GET /api/outbound/events?state=&subscription=&limit=   (newest first)
    void events(Context ctx) {
        Optional<OutboxEntry.State> state = Optional.ofNullable(ctx.queryParam("state"))
                .filter(s -> !s.isBlank())
                .map(OutboundRoutes::state);
        Optional<String> subscription = subscription(ctx);
        int limit = limit(ctx);
        List<OutboxEntry> entries = outbound.outbox().list(state, subscription, limit);
        Map<String, Long> counts = new LinkedHashMap<>();
        outbound.outbox().countByState().forEach((s, n) -> counts.put(s.name().toLowerCase(Locale.ROOT), n));
        json(
                ctx,
                200,
                new OutboundEntries(entries.stream().map(OutboundRoutes::entry).toList(), counts));
    }

    // POST /api/outbound/events/{eventId}/replay?subscription=
    void replayOne(Context ctx) {
        String id = ctx.pathParam("eventId");
        if (!EVENT_ID.matcher(id).matches()) {
            throw new ApiError(400, "bad_request", "event ids are evt_ and 32 hex digits");
        }
        int n = outbound.outbox().replay(Optional.of(id), 0, 0, subscription(ctx), clock.now());
        if (n == 0) {
            throw new ApiError(404, "not_found", "no outbound event " + id);
        }
        json(ctx, 200, new OutboundReplayed(n));
    }

    // POST /api/outbound/replay?from=SEQ&to=SEQ&subscription=
    void replayRange(Context ctx) {
        long from = seq(ctx, "from");
        long to = seq(ctx, "to");
        if (to < from || to - from >= MAX_RANGE) {
            throw new ApiError(400, "bad_request", "to must be from..from+" + (MAX_RANGE - 1));
        }
        json(
                ctx,
                200,
                new OutboundReplayed(
                        outbound.outbox().replay(Optional.empty(), from, to, subscription(ctx), clock.now())));
    }

    /** Scheme, host and port: a receiver's path or query may hold its token. */
    static String endpoint(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() >= 0 ? ":" + url.getPort() : "") + "/…";
    }

    private Optional<String> subscription(Context ctx) {
        Optional<String> name =
                Optional.ofNullable(ctx.queryParam("subscription")).filter(s -> !s.isBlank());
        if (name.isPresent() && outbound.subscriptions().find(name.get()).isEmpty()) {
            throw new ApiError(404, "not_found", "no subscription " + name.get());
        }
        return name;
    }

    private static OutboxEntry.State state(String raw) {
        try {
            return OutboxEntry.State.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "bad_request", "state must be one of pending, delivered, dead");
        }
    }

    private static int limit(Context ctx) {
        String raw = ctx.queryParam("limit");
        if (raw == null || raw.isBlank()) {
            return 100;
        }
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= 1 && v <= AdminRoutes.MAX_LIST_LIMIT) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ApiError(400, "bad_request", "limit must be a whole number from 1 to " + AdminRoutes.MAX_LIST_LIMIT);
    }

    private static long seq(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        try {
            long v = Long.parseLong(raw == null ? "" : raw.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new ApiError(400, "bad_request", name + " is required: a seq of the outbox (1 or more)");
    }

    private static OutboundEntryBody entry(OutboxEntry e) {
        return new OutboundEntryBody(
                e.seq(),
                e.event().id(),
                e.event().type().wire(),
                e.subscription(),
                e.event().recruit().toString(),
                e.state().name().toLowerCase(Locale.ROOT),
                e.attempts(),
                e.state() == OutboxEntry.State.PENDING ? e.nextAttemptAt().toString() : null,
                e.lastResult().orElse(null),
                e.settledAt().map(Instant::toString).orElse(null),
                e.createdAt().toString());
    }

    private static void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(ApiJson.write(body));
    }
}
