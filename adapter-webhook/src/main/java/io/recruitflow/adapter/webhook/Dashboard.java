package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.adapter.webhook.DashboardView.Bar;
import io.recruitflow.adapter.webhook.DashboardView.BudgetRow;
import io.recruitflow.adapter.webhook.DashboardView.BudgetsView;
import io.recruitflow.adapter.webhook.DashboardView.ConversionRow;
import io.recruitflow.adapter.webhook.DashboardView.DeadRow;
import io.recruitflow.adapter.webhook.DashboardView.DeadView;
import io.recruitflow.adapter.webhook.DashboardView.FunnelView;
import io.recruitflow.adapter.webhook.DashboardView.Headroom;
import io.recruitflow.adapter.webhook.DashboardView.InboxLine;
import io.recruitflow.adapter.webhook.DashboardView.LocationLink;
import io.recruitflow.adapter.webhook.DashboardView.MessageRow;
import io.recruitflow.adapter.webhook.DashboardView.More;
import io.recruitflow.adapter.webhook.DashboardView.NotDeliveredRow;
import io.recruitflow.adapter.webhook.DashboardView.ReviewRow;
import io.recruitflow.adapter.webhook.DashboardView.ReviewsView;
import io.recruitflow.adapter.webhook.DashboardView.StageRow;
import io.recruitflow.adapter.webhook.DashboardView.StalledRow;
import io.recruitflow.adapter.webhook.DashboardView.StalledView;
import io.recruitflow.adapter.webhook.DashboardView.SuspendedRow;
import io.recruitflow.adapter.webhook.DashboardView.Tile;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonalData;
import io.recruitflow.domain.shared.SuspendedLocations;
import io.recruitflow.domain.shared.UsState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /}: the one-page funnel dashboard, rendered on the server as plain HTML with inline CSS — no
 * script, no external asset (the page must work on a closed network). The page is the jte template
 * {@code dashboard.jte}, which escapes every value (stage names from GHL, event types and errors, location
 * ids) for where it stands, and the Content-Security-Policy forbids scripts anyway.
 *
 * <p>Each data source is read on its own: when one fails (the database is down, GHL's budget cannot be
 * read) its section says so and the rest of the page still renders.
 */
final class Dashboard {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);

    /** Only Basic is offered: it is the scheme a browser can prompt for (the token is the password). */
    static final String CHALLENGE = "Basic realm=\"Recruitflow\", charset=\"UTF-8\"";

    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    static final int DEAD_SHOWN = 20;
    static final int REVIEWS_SHOWN = 50;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Optional<AdminServices> services;
    private final Supplier<Map<String, Optional<CallBudget>>> budgets;
    private final Supplier<Map<LocationId, String>> suspensions;
    private final Clock clock;
    private final Function<CallBudget, Optional<Instant>> followUpsDeferred;
    private final Function<Optional<LocationId>, List<StallAlert>> stalls;

    Dashboard(
            Optional<AdminServices> services,
            Supplier<Map<String, Optional<CallBudget>>> budgets,
            Supplier<Map<LocationId, String>> suspensions,
            Clock clock,
            Function<CallBudget, Optional<Instant>> followUpsDeferred,
            Function<Optional<LocationId>, List<StallAlert>> stalls) {
        this.stalls = stalls;
        this.services = services;
        this.budgets = budgets;
        this.followUpsDeferred = followUpsDeferred;
        this.suspensions = suspensions;
        this.clock = clock;
    }

    /** What the page shows; a section whose source failed is empty. */
    record Snapshot(
            Optional<LocationId> location,
            Instant at,
            Optional<Funnel> funnel,
            Optional<InboxStats> inbox,
            Optional<List<InboxEvent>> dead,
            Optional<Map<String, Optional<CallBudget>>> budgets,
            Optional<List<RecruitReply>> reviews,
            Optional<List<StallAlert>> stalled,
            Optional<Map<LocationId, String>> suspended,
            Map<String, Instant> followUpsDeferred,
            Optional<List<io.recruitflow.domain.nurture.OwnerAlert>> alerts) {}

    void serve(Context ctx, AdminAuth auth) {
        if (!admitted(ctx, auth)) {
            return;
        }
        Optional<LocationId> location;
        try {
            location = Optional.ofNullable(ctx.queryParam("locationId"))
                    .filter(s -> !s.isBlank())
                    .map(LocationId::new);
        } catch (IllegalArgumentException e) {
            html(ctx, 400, HtmlPage.render("Bad request", "locationId is not a valid location id."));
            return;
        }
        html(ctx, 200, render(snapshot(services.get(), location)));
    }

    /**
     * {@code GET /recruits/{id}}: one recruit's pipeline stage, intro, and the compliance decisions on its texts
     * (send, defer until, refuse), each with its rules and their sources, jurisdictions and zones. Names, phones
     * and emails are not shown.
     */
    void serveRecruit(Context ctx, AdminAuth auth) {
        if (!admitted(ctx, auth)) {
            return;
        }
        RecruitId id;
        try {
            id = RecruitId.parse(ctx.pathParam("id"));
        } catch (IllegalArgumentException e) {
            html(ctx, 400, HtmlPage.render("Bad request", "Recruit ids are UUIDs."));
            return;
        }
        Optional<Optional<RecruitView>> view =
                read("recruit", () -> services.get().recruits().view(id));
        if (view.isEmpty()) {
            html(ctx, 503, HtmlPage.render("Recruit unavailable", "The recruit records could not be read."));
        } else if (view.get().isEmpty()) {
            html(ctx, 404, HtmlPage.render("No such recruit", "There is no recruit with this id."));
        } else {
            html(ctx, 200, HtmlPage.recruit(recruitPage(view.get().get(), clock.now())));
        }
    }

    static RecruitPageView recruitPage(RecruitView v, Instant at) {
        return new RecruitPageView(
                v.recruit().id().toString(),
                UTC.format(at),
                v.recruit().license().state().name(),
                v.recruit().addressState().map(UsState::name).orElse("—"),
                v.opportunity().map(o -> o.stage().name()).orElse("—"),
                v.intro().map(m -> m.channel().name() + " " + m.state().name()).orElse("—"),
                v.decisions().stream()
                        .map(e -> new RecruitPageView.DecisionRow(
                                UTC.format(e.verdict().decidedAt()),
                                e.message().value(),
                                e.channel().name(),
                                e.verdict().outcome().name().toLowerCase(Locale.ROOT),
                                e.verdict().notBefore().map(UTC::format).orElse("—"),
                                e.verdict().reasons().stream()
                                        .map(r -> new RecruitPageView.ReasonRow(r.rule(), r.toString(), r.source()))
                                        .toList(),
                                e.verdict().where().jurisdictions().entrySet().stream()
                                        .map(j -> j.getKey().name() + " (" + j.getValue() + ")")
                                        .collect(java.util.stream.Collectors.joining(", ")),
                                e.verdict().where().zones().entrySet().stream()
                                        .map(z -> z.getKey().getId() + " (" + z.getValue() + ")")
                                        .collect(java.util.stream.Collectors.joining(", ")),
                                String.valueOf(e.verdict().textsCounted().size())))
                        .toList(),
                v.followUps().stream()
                        .map(f -> new RecruitPageView.FollowUpRow(
                                f.kind() + " " + f.sequence() + " #" + f.index(),
                                f.action(),
                                f.message().map(m -> m.channel().name()).orElse(""),
                                UTC.format(f.dueAt()),
                                f.status().name().toLowerCase(Locale.ROOT),
                                f.reason().map(PersonalData::mask).orElse("—"),
                                f.key()))
                        .toList(),
                v.alerts().stream()
                        .map(a ->
                                new RecruitPageView.AlertRow(UTC.format(a.at()), a.kind(), PersonalData.mask(a.text())))
                        .toList());
    }

    /**
     * Whether the request may see a dashboard page, with the pages' security headers set: else it has been answered
     * (429 while wrong tokens are throttled, 401 with the Basic challenge).
     */
    static boolean signedIn(Context ctx, AdminAuth auth) {
        ctx.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        Optional<Duration> wait = auth.throttled(ctx);
        if (wait.isPresent()) {
            ctx.header("Retry-After", FailedTokenThrottle.retryAfterSeconds(wait.get()));
            html(
                    ctx,
                    429,
                    HtmlPage.render(
                            "Too many attempts",
                            "Too many wrong admin tokens came from this address. Wait a minute, then sign in again."));
            return false;
        }
        if (!auth.bearerOrBasic(ctx)) {
            ctx.header("WWW-Authenticate", CHALLENGE);
            html(
                    ctx,
                    401,
                    HtmlPage.render(
                            "Sign in to Recruitflow",
                            "The dashboard needs the admin token: sign in with any user name and the token as the password."));
            return false;
        }
        return true;
    }

    /** Sends the refusal and answers false unless the request carries the admin token and the services are wired. */
    private boolean admitted(Context ctx, AdminAuth auth) {
        if (!signedIn(ctx, auth)) {
            return false;
        }
        if (services.isEmpty()) {
            html(
                    ctx,
                    503,
                    HtmlPage.render("Dashboard unavailable", "The admin services are not wired in this server."));
            return false;
        }
        return true;
    }

    Snapshot snapshot(AdminServices s, Optional<LocationId> location) {
        Optional<Map<String, Optional<CallBudget>>> shown = read("rate budgets", () -> new TreeMap<>(budgets.get()));
        Map<String, Instant> deferred = new TreeMap<>();
        shown.ifPresent(all -> all.forEach(
                (id, budget) -> budget.flatMap(followUpsDeferred).ifPresent(until -> deferred.put(id, until))));
        return new Snapshot(
                location,
                clock.now(),
                read("funnel", () -> s.funnel().funnel(new FunnelQuery(location))),
                read("inbox stats", () -> s.inbox().stats()),
                read("dead-lettered events", () -> s.inbox().list(InboxStatus.DEAD, DEAD_SHOWN)),
                shown,
                read("replies to review", () -> s.replies().open(REVIEWS_SHOWN)),
                read("stalled recruits", () -> stalls.apply(location)),
                read("suspended locations", suspensions),
                deferred,
                read("alerts", () -> s.recruits().alerts(location, ALERTS_SHOWN)));
    }

    /** How many of the owner's latest alerts the dashboard lists. */
    static final int ALERTS_SHOWN = 20;

    private static <T> Optional<T> read(String what, Supplier<T> source) {
        try {
            return Optional.of(source.get());
        } catch (RuntimeException e) {
            LOG.warn("dashboard: could not read the {}: {}", what, PersonalData.mask(e.toString()));
            return Optional.empty();
        }
    }

    static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

    // ---- rendering: dashboard.jte lays the page out; here every figure is formatted

    static String render(Snapshot s) {
        return HtmlPage.dashboard(view(s));
    }

    static DashboardView view(Snapshot s) {
        return new DashboardView(
                s.location().map(LocationId::value),
                UTC.format(s.at()),
                s.budgets()
                        .filter(b -> b.size() > 1)
                        .map(b -> b.keySet().stream()
                                .map(id -> new LocationLink(id, urlEncode(id)))
                                .toList())
                        .orElse(List.of()),
                s.funnel().map(Dashboard::funnel),
                s.budgets().map(b -> budgets(b, s.followUpsDeferred())),
                stats(s.inbox(), s.dead()),
                s.reviews().map(Dashboard::reviews),
                s.stalled().map(list -> stalled(list, s.at())),
                s.suspended().map(Dashboard::suspended),
                s.alerts()
                        .map(all -> all.stream()
                                .map(a -> new DashboardView.AlertRow(
                                        UTC.format(a.at()),
                                        a.kind(),
                                        a.recruit().toString(),
                                        PersonalData.mask(a.text())))
                                .toList()));
    }

    static final int STALLED_SHOWN = 50;

    /** Longest stalled first; ids, stages and times only. */
    private static StalledView stalled(List<StallAlert> all, Instant at) {
        return new StalledView(
                all.size(),
                all.stream()
                        .limit(STALLED_SHOWN)
                        .map(a -> new StalledRow(
                                a.recruit().toString(),
                                a.location().value(),
                                a.stage().defaultName(),
                                UTC.format(a.idleSince()),
                                days(Duration.between(a.idleSince(), at)),
                                days(a.limit())))
                        .toList());
    }

    private static String days(Duration d) {
        long hours = d.toHours();
        return hours >= 48 ? (hours / 24) + " d" : hours >= 1 ? hours + " h" : d.toMinutes() + " min";
    }

    private static ReviewsView reviews(List<RecruitReply> open) {
        return new ReviewsView(open.stream()
                .map(r -> new ReviewRow(
                        UTC.format(r.receivedAt()),
                        r.recruit().toString(),
                        r.body().orElse("—"),
                        r.why(),
                        r.id()))
                .toList());
    }

    private static List<SuspendedRow> suspended(Map<LocationId, String> suspended) {
        return suspended.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(LocationId::value)))
                .map(e -> new SuspendedRow(
                        e.getKey().value(),
                        PersonalData.mask(e.getValue()),
                        SuspendedLocations.REINSTALL_REQUIRED.equals(e.getValue())))
                .toList();
    }

    private static FunnelView funnel(Funnel f) {
        return new FunnelView(
                tiles(f), f.recruits() == 0, stages(f), conversions(f), messages(f), deliveries(f), notDelivered(f));
    }

    private static List<Tile> tiles(Funnel f) {
        return List.of(
                new Tile("recruits", "Recruits", num(f.recruits()), f.won() + " won · " + f.lost() + " lost"),
                new Tile(
                        "stl-median",
                        "Speed-to-lead median",
                        f.speedToLeadMedian().map(Dashboard::duration).orElse("—"),
                        samples(f.speedToLeadSamples())),
                new Tile(
                        "stl-p95",
                        "Speed-to-lead p95",
                        f.speedToLeadP95().map(Dashboard::duration).orElse("—"),
                        samples(f.speedToLeadSamples())),
                new Tile("sent", "Texts sent", num(count(f, SendState.SENT)), "accepted by GHL"),
                new Tile(
                        "not-delivered",
                        "Texts not delivered",
                        num(f.notDeliveredCount()),
                        "GHL reported them failed or undelivered"),
                new Tile("deferred", "Texts deferred", num(count(f, SendState.PLANNED)), "waiting for allowed hours"));
    }

    private static List<StageRow> stages(Funnel f) {
        long max = f.stages().stream().mapToLong(Funnel.StageCount::count).max().orElse(0);
        return f.stages().stream()
                .map(stage -> new StageRow(
                        stage.stage().name(),
                        stage.name(),
                        bar(max == 0 ? 0 : stage.count() / (double) max, "stage"),
                        num(stage.count())))
                .toList();
    }

    private static List<ConversionRow> conversions(Funnel f) {
        Map<RecruitingStage, String> names = new EnumMap<>(RecruitingStage.class);
        f.stages().forEach(s -> names.put(s.stage(), s.name()));
        return f.conversions().stream()
                .map(c -> new ConversionRow(
                        c.from().name(),
                        names.getOrDefault(c.from(), c.from().defaultName()),
                        names.getOrDefault(c.to(), c.to().defaultName()),
                        bar(c.rate().orElse(0.0), "conversion"),
                        c.rate().map(Dashboard::percent).orElse("—"),
                        num(c.reachedTo()),
                        num(c.reachedFrom())))
                .toList();
    }

    private static List<MessageRow> messages(Funnel f) {
        return Stream.of(SendState.values())
                .map(state -> new MessageRow(state.name(), stateLabel(state), num(count(f, state))))
                .toList();
    }

    /** Our texts by what GHL last reported of their delivery. */
    private static List<MessageRow> deliveries(Funnel f) {
        return Stream.of(DeliveryStatus.values())
                .map(status -> new MessageRow(
                        status.name(), deliveryLabel(status), num(f.deliveries().getOrDefault(status, 0L))))
                .toList();
    }

    private static List<NotDeliveredRow> notDelivered(Funnel f) {
        return f.notDelivered().stream()
                .map(t -> new NotDeliveredRow(
                        t.key().value(),
                        t.channel().name(),
                        t.status().name().toLowerCase(Locale.ROOT),
                        PersonalData.mask(t.reason()),
                        UTC.format(t.reportedAt()),
                        t.retrying() ? "sent again after a backoff" : "not retried"))
                .toList();
    }

    private static String deliveryLabel(DeliveryStatus status) {
        return switch (status) {
            case PENDING -> "Accepted, no report yet";
            case SENT -> "Sent to the carrier";
            case DELIVERED -> "Delivered";
            case READ -> "Read";
            case UNDELIVERED -> "Undelivered";
            case FAILED -> "Failed";
        };
    }

    private static BudgetsView budgets(Map<String, Optional<CallBudget>> budgets, Map<String, Instant> deferred) {
        return new BudgetsView(budgets.entrySet().stream()
                .map(e -> new BudgetRow(
                        e.getKey(), e.getValue().map(b -> headroom(b, Optional.ofNullable(deferred.get(e.getKey()))))))
                .toList());
    }

    private static Headroom headroom(CallBudget b, Optional<Instant> followUpsDeferredUntil) {
        return new Headroom(
                bar(b.headroom(), b.headroom() < 0.1 ? "low" : b.headroom() < 0.3 ? "mid" : "ok"),
                percent(b.headroom()),
                num(b.burstRemaining()),
                num(b.burstMax()),
                duration(b.burstInterval()),
                num(b.dailyRemaining()),
                num(b.dailyMax()),
                followUpsDeferredUntil.map(UTC::format));
    }

    private static Optional<DeadView> stats(Optional<InboxStats> stats, Optional<List<InboxEvent>> dead) {
        if (stats.isEmpty() && dead.isEmpty()) {
            return Optional.empty();
        }
        Optional<InboxLine> line = stats.map(st -> new InboxLine(
                st.dead() > 0 ? "badge bad" : "badge",
                num(st.dead()),
                num(st.stored()),
                num(st.processed()),
                num(st.ignored()),
                num(st.duplicates())));
        Optional<List<DeadRow>> rows = dead.map(events -> events.stream()
                .map(e -> new DeadRow(
                        UTC.format(e.event().receivedAt()),
                        e.event().type(),
                        e.event().locationId().orElse("—"),
                        e.event().webhookId(),
                        String.valueOf(e.attempts()),
                        e.lastError().map(PersonalData::mask).orElse("—")))
                .toList());
        Optional<More> more = dead.filter(events -> !events.isEmpty()).flatMap(events -> {
            long total = stats.map(InboxStats::dead).orElse((long) events.size());
            return total > events.size()
                    ? Optional.of(new More(String.valueOf(events.size()), num(total)))
                    : Optional.empty();
        });
        return Optional.of(new DeadView(line, rows, more));
    }

    /** A bar's fill; the width is computed here from a number, never from outside text. */
    private static Bar bar(double fraction, String kind) {
        double pct = Math.max(0, Math.min(100, fraction * 100));
        // A sliver stays visible for a small non-zero share (6 of 1,234 would otherwise vanish).
        return new Bar(fraction > 0 ? kind + " some" : kind, String.format(Locale.ROOT, "%.1f", pct));
    }

    // ---- formatting

    private static long count(Funnel f, SendState state) {
        return f.messages().getOrDefault(state, 0L);
    }

    private static String stateLabel(SendState state) {
        return switch (state) {
            case PLANNED -> "Deferred (planned)";
            case SENDING -> "Sending";
            case SENT -> "Sent";
            case UNKNOWN -> "Outcome unknown";
            case FAILED -> "Failed";
            case REFUSED -> "Refused by compliance";
        };
    }

    private static String samples(int n) {
        return n == 0 ? "no text sent yet" : "over " + num(n) + (n == 1 ? " recruit" : " recruits");
    }

    static String num(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    static String percent(double fraction) {
        double pct = fraction * 100;
        return pct == Math.rint(pct)
                ? String.format(Locale.ROOT, "%.0f%%", pct)
                : String.format(Locale.ROOT, "%.1f%%", pct);
    }

    /** 850 ms, 4.2 s, 3 min 5 s, 2 h 4 min, 3 d 2 h: speed-to-lead runs from seconds to a weekend. */
    static String duration(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return (s / 60) + " min" + (s % 60 == 0 ? "" : " " + (s % 60) + " s");
        }
        if (s < 86_400) {
            return (s / 3600) + " h" + (s % 3600 / 60 == 0 ? "" : " " + (s % 3600 / 60) + " min");
        }
        return (s / 86_400) + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + (s % 86_400 / 3600) + " h");
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
