package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /}: the one-page funnel dashboard, rendered on the server as plain HTML with inline CSS — no
 * script, no external asset (the page must work on a closed network). Every value that came from outside
 * (stage names from GHL, event types and errors, location ids) is escaped, and the Content-Security-Policy
 * forbids scripts anyway.
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
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Optional<AdminServices> services;
    private final Supplier<Map<String, Optional<CallBudget>>> budgets;
    private final Clock clock;

    Dashboard(Optional<AdminServices> services, Supplier<Map<String, Optional<CallBudget>>> budgets, Clock clock) {
        this.services = services;
        this.budgets = budgets;
        this.clock = clock;
    }

    /** What the page shows; a section whose source failed is empty. */
    record Snapshot(
            Optional<LocationId> location,
            Instant at,
            Optional<Funnel> funnel,
            Optional<InboxStats> inbox,
            Optional<List<InboxEvent>> dead,
            Optional<Map<String, Optional<CallBudget>>> budgets) {}

    void serve(Context ctx, AdminAuth auth) {
        ctx.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        if (!auth.authorized(ctx)) {
            ctx.header("WWW-Authenticate", CHALLENGE);
            html(
                    ctx,
                    401,
                    HtmlPage.render(
                            "Sign in to Recruitflow",
                            "The dashboard needs the admin token: sign in with any user name and the token as the password."));
            return;
        }
        if (services.isEmpty()) {
            html(
                    ctx,
                    503,
                    HtmlPage.render("Dashboard unavailable", "The admin services are not wired in this server."));
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

    Snapshot snapshot(AdminServices s, Optional<LocationId> location) {
        return new Snapshot(
                location,
                clock.now(),
                read("funnel", () -> s.funnel().funnel(new FunnelQuery(location))),
                read("inbox stats", () -> s.inbox().stats()),
                read("dead-lettered events", () -> s.inbox().list(InboxStatus.DEAD, DEAD_SHOWN)),
                read("rate budgets", () -> new TreeMap<>(budgets.get())));
    }

    private static <T> Optional<T> read(String what, Supplier<T> source) {
        try {
            return Optional.of(source.get());
        } catch (RuntimeException e) {
            LOG.warn("dashboard: could not read the {}: {}", what, e.toString());
            return Optional.empty();
        }
    }

    private static void html(Context ctx, int status, String body) {
        ctx.status(status).contentType("text/html; charset=utf-8").result(body);
    }

    // ---- rendering

    static String render(Snapshot s) {
        StringBuilder h = new StringBuilder(16 * 1024);
        h.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"refresh\" content=\"60\">")
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>Recruitflow — funnel</title><style>")
                .append(STYLE)
                .append("</style></head><body>");
        h.append(
                        "<header><div class=\"wrap\"><h1>Recruitflow <span class=\"sub\">recruiting funnel</span></h1><p class=\"meta\">")
                .append(s.location()
                        .map(l -> "location <b id=\"location\">" + esc(l.value()) + "</b>")
                        .orElse("<span id=\"location\">all locations</span>"))
                .append(" · as of <time id=\"generated\">")
                .append(esc(UTC.format(s.at())))
                .append("</time></p>");
        s.budgets().filter(b -> b.size() > 1).ifPresent(b -> {
            h.append("<nav>Show: <a href=\"/\">all</a>");
            b.keySet()
                    .forEach(id -> h.append(" · <a href=\"/?locationId=")
                            .append(esc(urlEncode(id)))
                            .append("\">")
                            .append(esc(id))
                            .append("</a>"));
            h.append("</nav>");
        });
        h.append("</div></header><main>");

        s.funnel()
                .ifPresentOrElse(
                        f -> {
                            tiles(h, f);
                            stages(h, f);
                            conversions(h, f);
                            messages(h, f);
                        },
                        () -> unavailable(h, "funnel", "Funnel", "the recruit records could not be read"));
        budgets(h, s.budgets());
        dead(h, s.inbox(), s.dead());
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void tiles(StringBuilder h, Funnel f) {
        h.append("<section class=\"tiles\">");
        tile(h, "recruits", "Recruits", num(f.recruits()), f.won() + " won · " + f.lost() + " lost");
        tile(
                h,
                "stl-median",
                "Speed-to-lead median",
                f.speedToLeadMedian().map(Dashboard::duration).orElse("—"),
                samples(f.speedToLeadSamples()));
        tile(
                h,
                "stl-p95",
                "Speed-to-lead p95",
                f.speedToLeadP95().map(Dashboard::duration).orElse("—"),
                samples(f.speedToLeadSamples()));
        tile(h, "sent", "Texts sent", num(count(f, SendState.SENT)), "accepted by GHL");
        tile(h, "deferred", "Texts deferred", num(count(f, SendState.PLANNED)), "waiting for allowed hours");
        h.append("</section>");
    }

    private static void tile(StringBuilder h, String id, String label, String value, String note) {
        h.append("<div class=\"tile\"><div class=\"label\">")
                .append(esc(label))
                .append("</div><div class=\"value\" id=\"")
                .append(id)
                .append("\">")
                .append(esc(value))
                .append("</div><div class=\"note\">")
                .append(esc(note))
                .append("</div></div>");
    }

    private static void stages(StringBuilder h, Funnel f) {
        long max = f.stages().stream().mapToLong(Funnel.StageCount::count).max().orElse(0);
        h.append("<section class=\"card\" id=\"stages\"><h2>Recruits per stage</h2>");
        if (f.recruits() == 0) {
            h.append("<p class=\"empty\">No recruits yet: import a lead file to start the funnel.</p>");
        }
        h.append("<table class=\"bars\"><tbody>");
        for (Funnel.StageCount stage : f.stages()) {
            h.append("<tr data-stage=\"")
                    .append(stage.stage().name())
                    .append("\"><th class=\"name\">")
                    .append(esc(stage.name()))
                    .append("</th><td class=\"bar\">");
            bar(h, max == 0 ? 0 : stage.count() / (double) max, "stage");
            h.append("</td><td class=\"count\">").append(num(stage.count())).append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void conversions(StringBuilder h, Funnel f) {
        Map<RecruitingStage, String> names = new EnumMap<>(RecruitingStage.class);
        f.stages().forEach(s -> names.put(s.stage(), s.name()));
        h.append("<section class=\"card\" id=\"conversions\"><h2>Conversion between stages</h2>")
                .append("<p class=\"hint\">Of the recruits who reached a stage, the share who reached the next.</p>")
                .append("<table class=\"bars\"><tbody>");
        for (Funnel.Conversion c : f.conversions()) {
            h.append("<tr data-from=\"")
                    .append(c.from().name())
                    .append("\"><th class=\"name\">")
                    .append(esc(names.getOrDefault(c.from(), c.from().defaultName())))
                    .append(" → ")
                    .append(esc(names.getOrDefault(c.to(), c.to().defaultName())))
                    .append("</th><td class=\"bar\">");
            bar(h, c.rate().orElse(0.0), "conversion");
            h.append("</td><td class=\"count\"><span class=\"rate\">")
                    .append(c.rate().map(Dashboard::percent).orElse("—"))
                    .append("</span> <span class=\"of\">")
                    .append(num(c.reachedTo()))
                    .append(" of ")
                    .append(num(c.reachedFrom()))
                    .append("</span></td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void messages(StringBuilder h, Funnel f) {
        h.append("<section class=\"card\" id=\"messages\"><h2>Messages by state</h2><table class=\"plain\"><tbody>");
        for (SendState state : SendState.values()) {
            h.append("<tr data-state=\"")
                    .append(state.name())
                    .append("\"><th>")
                    .append(stateLabel(state))
                    .append("</th><td class=\"num\">")
                    .append(num(count(f, state)))
                    .append("</td></tr>");
        }
        h.append("</tbody></table></section>");
    }

    private static void budgets(StringBuilder h, Optional<Map<String, Optional<CallBudget>>> budgets) {
        if (budgets.isEmpty()) {
            unavailable(h, "budgets", "GHL rate-limit headroom", "the rate budgets could not be read");
            return;
        }
        h.append("<section class=\"card\" id=\"budgets\"><h2>GHL rate-limit headroom</h2>");
        if (budgets.get().isEmpty()) {
            h.append("<p class=\"empty\">No location configured.</p>");
        } else {
            h.append("<table class=\"bars\"><tbody>");
            budgets.get().forEach((location, budget) -> {
                h.append("<tr data-location=\"")
                        .append(esc(location))
                        .append("\"><th class=\"name\">")
                        .append(esc(location))
                        .append("</th>");
                budget.ifPresentOrElse(
                        b -> {
                            h.append("<td class=\"bar\">");
                            bar(h, b.headroom(), b.headroom() < 0.1 ? "low" : b.headroom() < 0.3 ? "mid" : "ok");
                            h.append("</td><td class=\"count\"><span class=\"headroom\">")
                                    .append(percent(b.headroom()))
                                    .append("</span> <span class=\"of\">")
                                    .append(num(b.burstRemaining()))
                                    .append(" of ")
                                    .append(num(b.burstMax()))
                                    .append(" per ")
                                    .append(esc(duration(b.burstInterval())))
                                    .append("</span><div class=\"of\">")
                                    .append(num(b.dailyRemaining()))
                                    .append(" of ")
                                    .append(num(b.dailyMax()))
                                    .append(" left today</div></td>");
                        },
                        () -> h.append("<td class=\"bar\"></td><td class=\"count of\">no answer from GHL yet</td>"));
                h.append("</tr>");
            });
            h.append("</tbody></table>");
        }
        h.append("</section>");
    }

    private static void dead(StringBuilder h, Optional<InboxStats> stats, Optional<List<InboxEvent>> dead) {
        if (stats.isEmpty() && dead.isEmpty()) {
            unavailable(h, "dead", "Dead-lettered webhook events", "the webhook inbox could not be read");
            return;
        }
        h.append("<section class=\"card\" id=\"dead\"><h2>Dead-lettered webhook events");
        stats.ifPresent(st -> h.append(" <span class=\"badge")
                .append(st.dead() > 0 ? " bad" : "")
                .append("\">")
                .append(num(st.dead()))
                .append("</span>"));
        h.append("</h2>");
        stats.ifPresent(st -> h.append("<p class=\"hint\" id=\"inbox-stats\">Inbox: ")
                .append(num(st.stored()))
                .append(" stored · ")
                .append(num(st.processed()))
                .append(" processed · ")
                .append(num(st.ignored()))
                .append(" ignored · ")
                .append(num(st.duplicates()))
                .append(" duplicates refused</p>"));
        if (dead.isEmpty()) {
            h.append("<p class=\"empty\">The dead-lettered events could not be read.</p>");
        } else if (dead.get().isEmpty()) {
            h.append("<p class=\"empty\">None: every event was applied or ignored.</p>");
        } else {
            h.append("<table class=\"events\"><thead><tr><th>received</th><th>type</th><th>location</th>")
                    .append("<th>webhook id</th><th>attempts</th><th>error</th></tr></thead><tbody>");
            for (InboxEvent e : dead.get()) {
                h.append("<tr><td class=\"nowrap\">")
                        .append(esc(UTC.format(e.event().receivedAt())))
                        .append("</td><td>")
                        .append(esc(e.event().type()))
                        .append("</td><td>")
                        .append(esc(e.event().locationId().orElse("—")))
                        .append("</td><td class=\"mono\">")
                        .append(esc(e.event().webhookId()))
                        .append("</td><td class=\"num\">")
                        .append(e.attempts())
                        .append("</td><td class=\"error\">")
                        .append(esc(e.lastError().orElse("—")))
                        .append("</td></tr>");
            }
            h.append("</tbody></table>");
            long total = stats.map(InboxStats::dead).orElse((long) dead.get().size());
            if (total > dead.get().size()) {
                h.append("<p class=\"hint\">The newest ")
                        .append(dead.get().size())
                        .append(" of ")
                        .append(num(total))
                        .append("; the admin API lists more: GET /api/events?status=dead&amp;limit=500</p>");
            }
        }
        h.append("</section>");
    }

    private static void unavailable(StringBuilder h, String id, String title, String why) {
        h.append("<section class=\"card unavailable\" id=\"")
                .append(id)
                .append("\"><h2>")
                .append(esc(title))
                .append("</h2><p class=\"empty\">Unavailable: ")
                .append(esc(why))
                .append(". See the service log.</p></section>");
    }

    /** A horizontal bar; the width is computed here from a number, never from outside text. */
    private static void bar(StringBuilder h, double fraction, String kind) {
        double pct = Math.max(0, Math.min(100, fraction * 100));
        // A sliver stays visible for a small non-zero share (6 of 1,234 would otherwise vanish).
        h.append("<div class=\"track\"><div class=\"fill ")
                .append(kind)
                .append(fraction > 0 ? " some" : "")
                .append("\" style=\"width:")
                .append(String.format(Locale.ROOT, "%.1f", pct))
                .append("%\"></div></div>");
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

    private static String esc(String s) {
        return HtmlPage.escape(s);
    }

    private static final String STYLE = """
            :root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--card:#fff;--accent:#2f6fdf}
            *{box-sizing:border-box}
            body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
              color:var(--ink);background:var(--bg)}
            header{padding:18px 28px 10px;background:var(--card);border-bottom:1px solid var(--line)}
            .wrap{max-width:1064px;margin:0 auto}
            h1{margin:0;font-size:22px}h1 .sub{font-weight:400;color:var(--muted);font-size:16px;margin-left:6px}
            .meta,nav{margin:4px 0 0;color:var(--muted);font-size:13px}nav a{color:var(--accent)}
            main{max-width:1120px;margin:0 auto;padding:18px 28px 40px;display:grid;gap:16px;
              grid-template-columns:repeat(2,minmax(0,1fr))}
            .tiles{grid-column:1/-1;display:grid;gap:12px;grid-template-columns:repeat(5,minmax(0,1fr))}
            .tile,.card{background:var(--card);border:1px solid var(--line);border-radius:10px}
            .tile{padding:12px 14px}.tile .label{color:var(--muted);font-size:12px;text-transform:uppercase;
              letter-spacing:.04em}.tile .value{font-size:26px;font-weight:650;margin:2px 0}
            .tile .note{color:var(--muted);font-size:12px}
            .card{padding:14px 18px}.card h2{margin:0 0 10px;font-size:16px}
            #dead{grid-column:1/-1}
            .hint{color:var(--muted);font-size:12px;margin:-4px 0 10px}.empty{color:var(--muted);font-style:italic}
            table{width:100%;border-collapse:collapse}
            .bars th.name{text-align:left;font-weight:500;width:34%;padding:5px 10px 5px 0;word-break:break-word}
            .bars td{padding:5px 0}.bars td.count{width:32%;padding-left:10px;white-space:nowrap;font-variant-numeric:tabular-nums}
            .track{background:#eef1f5;border-radius:5px;height:14px;overflow:hidden}
            .fill{height:100%;border-radius:5px;background:var(--accent)}.fill.some{min-width:4px}
            .fill.conversion{background:#7b61d1}.fill.ok{background:#2e9e5b}.fill.mid{background:#d89b16}
            .fill.low{background:#d64545}
            .rate,.headroom{font-weight:600}.of{color:var(--muted);font-size:13px}
            .plain th{text-align:left;font-weight:500;padding:4px 0}.num{text-align:right;font-variant-numeric:tabular-nums}
            .events{font-size:13px}.events th{text-align:left;color:var(--muted);font-weight:500;white-space:nowrap;border-bottom:1px solid var(--line);
              padding:6px 8px 6px 0}.events td{border-bottom:1px solid var(--line);padding:6px 8px 6px 0;vertical-align:top}
            .error{color:#a61b1b;word-break:break-word}.mono{font-family:ui-monospace,Menlo,Consolas,monospace}
            .nowrap{white-space:nowrap}
            .badge{display:inline-block;min-width:22px;padding:0 7px;border-radius:11px;background:#e4e7eb;
              font-size:13px;text-align:center}.badge.bad{background:#fde2e2;color:#a61b1b}
            .unavailable{border-color:#f0c36d;background:#fffaf0}
            @media (max-width:800px){main{grid-template-columns:1fr}.tiles{grid-template-columns:repeat(2,1fr)}}
            """;
}
