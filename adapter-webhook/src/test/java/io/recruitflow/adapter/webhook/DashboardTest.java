package io.recruitflow.adapter.webhook;

import static io.recruitflow.adapter.webhook.DashboardFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /}, the funnel dashboard, over real HTTP on loopback. */
class DashboardTest {

    private final List<FunnelQuery> queries = new CopyOnWriteArrayList<>();
    private volatile Supplier<Funnel> funnel = DashboardFixture::funnel;
    private volatile Supplier<Map<String, Optional<CallBudget>>> budgets = DashboardFixture::budgets;
    private volatile Supplier<Map<LocationId, String>> suspensions = Map::of;
    private volatile java.util.function.Function<CallBudget, Optional<java.time.Instant>> deferred =
            b -> Optional.empty();
    private volatile java.util.function.Function<Optional<LocationId>, List<io.recruitflow.domain.pipeline.StallAlert>>
            stalls = location -> List.of();
    private FakeEventInbox inbox = DashboardFixture.inboxWithDeadLetter();
    private WebhookServer server;
    private Http http;

    private Http start(WebhookConfig config, boolean withAdmin) {
        WebhookServer.Builder b = WebhookServer.builder(config)
                .inbox(inbox)
                .clock(() -> DashboardFixture.NOW)
                .rateBudgets(() -> budgets.get())
                .followUpsDeferred(budget -> deferred.apply(budget))
                .suspensions(() -> suspensions.get())
                .stalls(location -> stalls.apply(location));
        if (withAdmin) {
            b.admin(DashboardFixture.services(
                    q -> {
                        queries.add(q);
                        return funnel.get();
                    },
                    inbox));
        }
        server = b.build();
        http = new Http(server.start(0));
        return http;
    }

    private Http start() {
        return start(WebhookConfig.defaults().withAdminToken(TOKEN), true);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> page(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    @Test
    void a_location_near_its_daily_limit_says_its_follow_ups_wait_for_the_reset() {
        java.time.Instant reset = java.time.Instant.parse("2026-03-12T00:00:00Z");
        deferred = b -> b.dailyRemaining() <= 10_000 ? Optional.of(reset) : Optional.empty();
        start();
        String body = page("/").body();
        int busy = body.indexOf("data-location=\"loc_busy\"");
        int main = body.indexOf("data-location=\"loc_main\"");
        assertThat(body.substring(busy, body.indexOf("</tr>", busy)))
                .contains("12,000 of 200,000 left today")
                .doesNotContain("follow-ups deferred");
        deferred = b -> b.dailyRemaining() <= 12_000 ? Optional.of(reset) : Optional.empty();
        body = page("/").body();
        busy = body.indexOf("data-location=\"loc_busy\"");
        main = body.indexOf("data-location=\"loc_main\"");
        assertThat(body.substring(busy, body.indexOf("</tr>", busy)))
                .contains("12,000 of 200,000 left today")
                .contains("<div class=\"deferred\">follow-ups deferred until 2026-03-12 00:00:00 UTC</div>");
        assertThat(body.substring(main, body.indexOf("</tr>", main))).doesNotContain("follow-ups deferred");
    }

    // ---- authentication

    @Test
    void without_credentials_the_browser_is_asked_for_basic_auth_and_sees_no_figure() {
        HttpResponse<String> r = start().get("/");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().allValues("WWW-Authenticate")).containsExactly(Dashboard.CHALLENGE);
        assertThat(Dashboard.CHALLENGE).startsWith("Basic realm=\"Recruitflow\"");
        assertThat(r.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(r.body())
                .contains("admin token")
                .doesNotContain("New Lead")
                .doesNotContain("1,234")
                .doesNotContain("wh_dead_1");
        assertThat(queries).isEmpty();
    }

    @Test
    void a_wrong_token_is_refused_in_either_scheme() {
        start();
        for (String wrong : List.of(
                "Bearer " + TOKEN + "x",
                "Bearer ",
                basic("admin", "nope-0123456789abcdef"),
                basic(TOKEN, ""),
                "Basic %%%",
                "Digest " + TOKEN,
                TOKEN)) {
            HttpResponse<String> r = http.get("/", "Authorization", wrong);
            assertThat(r.statusCode()).as(wrong).isEqualTo(401);
            assertThat(r.body()).doesNotContain("New Lead");
        }
        assertThat(queries).isEmpty();
    }

    @Test
    void bearer_and_basic_with_any_user_name_are_accepted() {
        start();
        assertThat(page("/").statusCode()).isEqualTo(200);
        assertThat(http.get("/", "Authorization", basic("admin", TOKEN)).statusCode())
                .isEqualTo(200);
        assertThat(http.get("/", "Authorization", basic("", TOKEN)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void without_a_configured_token_the_dashboard_is_closed() {
        start(WebhookConfig.defaults(), true);
        assertThat(http.get("/", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(401);
        assertThat(http.get("/", "Authorization", basic("admin", "")).statusCode())
                .isEqualTo(401);
        assertThat(queries).isEmpty();
    }

    @Test
    void without_admin_services_it_answers_503_after_authentication_only() {
        start(WebhookConfig.defaults().withAdminToken(TOKEN), false);
        assertThat(http.get("/").statusCode()).isEqualTo(401);
        HttpResponse<String> r = page("/");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("not wired");
    }

    // ---- content

    @Test
    void shows_every_figure_of_the_funnel() {
        HttpResponse<String> r = start().get("/", "Authorization", basic("admin", TOKEN));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/html;charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("default-src 'none'").doesNotContain("script-src"));
        String body = r.body();
        // stages, by their GHL names, with counts (grouped thousands)
        assertThat(body)
                .contains(">New Lead</th>", ">Texted</th>", ">Interested</th>", ">Presentation Booked</th>")
                .contains(">1,234</td>", ">87</td>", ">41</td>", ">17</td>", ">6</td>");
        // conversions: 151 of 1,385 = 10.9 %; 64/151 = 42.4 %; 23/64 = 35.9 %; 6/23 = 26.1 %
        assertThat(body)
                .contains("New Lead → Texted")
                .contains(">10.9%</span> <span class=\"of\">151 of 1,385</span>")
                .contains(">42.4%<")
                .contains(">35.9%<")
                .contains(">26.1%<");
        // speed-to-lead, texts
        assertThat(body)
                .contains("id=\"stl-median\">4.2 s<")
                .contains("id=\"stl-p95\">11 h 25 min<")
                .contains("over 1,290 recruits")
                .contains("id=\"sent\">1,290<")
                .contains("id=\"deferred\">88<")
                .contains("id=\"recruits\">1,385<")
                .contains("6 won · 3 lost");
        assertThat(body).contains("data-state=\"REFUSED\"><th>Refused by compliance</th><td class=\"num\">7<");
        // headroom per location, sorted by id
        assertThat(body)
                .contains(
                        ">87%</span> <span class=\"of\">87 of 100 per 10 s</span><div class=\"of\">198,765 of 200,000 left today")
                .contains(">4%</span>")
                .contains("class=\"fill low some\"")
                .contains(
                        "<th class=\"name\">loc_new</th><td class=\"bar\"></td><td class=\"count of\">no answer from GHL yet");
        assertThat(body.indexOf("data-location=\"loc_busy\"")).isLessThan(body.indexOf("data-location=\"loc_main\""));
        // dead letters with their error, and the inbox counters
        assertThat(body)
                .contains("wh_dead_1")
                .contains("OpportunityStageUpdate")
                .contains("malformed OpportunityStageUpdate")
                .contains("Inbox: 2 stored · 1 processed · 0 ignored · 0 duplicates refused")
                .contains("<span class=\"badge bad\">1</span>")
                .contains("as of <time id=\"generated\">2026-03-05 14:30:00 UTC");
        assertThat(queries).containsExactly(FunnelQuery.all());
    }

    @Test
    void values_from_ghl_and_errors_are_escaped_so_markup_in_them_is_inert() {
        String body = start().get("/", "Authorization", "Bearer " + TOKEN).body();
        assertThat(body)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                // jte escapes element text for element text: a quote there is inert and stays as it is.
                .contains("Contracted &lt;script&gt;document.title='pwned'&lt;/script&gt;")
                .contains("stage &lt;img src=x onerror=alert(1)&gt; is unknown");
    }

    @Test
    void a_location_id_in_links_and_rows_is_escaped_and_url_encoded() {
        budgets = () -> Map.of("loc_\"><b>x", Optional.empty(), "loc_main", Optional.empty());
        String body = start().get("/", "Authorization", "Bearer " + TOKEN).body();
        assertThat(body)
                .doesNotContain("<b>x")
                .contains("<th class=\"name\">loc_\"&gt;&lt;b&gt;x</th>")
                .contains("data-location=\"loc_&#34;>&lt;b>x\"")
                .contains("href=\"/?locationId=loc_%22%3E%3Cb%3Ex\"");
    }

    @Test
    void hostile_values_in_every_place_render_as_text() {
        String attack = "\"><img src=x onerror=alert(1)><script>alert(2)</script>' onmouseover='alert(3)";
        inbox = new FakeEventInbox();
        inbox.store(new io.recruitflow.application.port.IncomingEvent(
                "wh_" + attack,
                "Contact" + attack,
                Optional.of("loc" + attack),
                Optional.empty(),
                DashboardFixture.NOW,
                new byte[0],
                DashboardFixture.NOW));
        inbox.markDead("wh_" + attack, "malformed: " + attack);
        budgets = () -> Map.of("loc" + attack, Optional.empty(), "loc_main", Optional.empty());
        HttpResponse<String> r = start().get(
                        "/?locationId=" + java.net.URLEncoder.encode("loc" + attack, StandardCharsets.UTF_8),
                        "Authorization",
                        "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        String body = r.body();
        assertThat(body)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                // nothing ends an attribute value early: URL-encoded in links, quotes encoded in the others
                .contains("href=\"/?locationId=loc%22%3E%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E")
                .contains(
                        "<td class=\"error\">malformed: \"&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(2)&lt;/script&gt;' onmouseover='alert(3)</td>")
                .contains("<b id=\"location\">loc\"&gt;&lt;img")
                .contains(
                        "data-location=\"loc&#34;>&lt;img src=x onerror=alert(1)>&lt;script>alert(2)&lt;/script>&#39; onmouseover=&#39;alert(3)\"")
                .contains("<td class=\"mono\">wh_\"&gt;&lt;img");
        assertThat(queries)
                .singleElement()
                .satisfies(q -> assertThat(q.location()).map(LocationId::value).contains("loc" + attack));
    }

    @Test
    void with_no_recruit_the_page_says_so_instead_of_showing_zeros_as_figures() {
        funnel = DashboardFixture::emptyFunnel;
        budgets = Map::of;
        inbox = new FakeEventInbox();
        HttpResponse<String> r = start().get("/", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("No recruits yet")
                .contains("id=\"stl-median\">—<")
                .contains("no text sent yet")
                .contains("id=\"sent\">0<")
                .contains("id=\"deferred\">0<")
                .contains("No location configured")
                .contains("None: every event was applied or ignored")
                .contains(">Lead</th>")
                .contains("<span class=\"rate\">—</span> <span class=\"of\">0 of 0</span>")
                .contains("style=\"width:0.0%\"")
                .doesNotContain("NaN")
                .doesNotContain("Infinity");
    }

    @Test
    void a_failing_source_leaves_the_rest_of_the_page_standing() {
        funnel = () -> {
            throw new IllegalStateException("database down");
        };
        budgets = () -> {
            throw new IllegalStateException("budgets broken");
        };
        HttpResponse<String> r = start().get("/", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("Unavailable: the recruit records could not be read")
                .contains("Unavailable: the rate budgets could not be read")
                .contains("wh_dead_1")
                .doesNotContain("database down");
    }

    // ---- suspended locations

    @Test
    void a_location_that_needs_a_reinstall_is_shown_on_the_page_and_counted_in_the_metrics() {
        suspensions = () -> Map.of(
                new LocationId("loc_refused"),
                SuspendedLocations.REINSTALL_REQUIRED,
                new LocationId("loc_gone"),
                "app uninstalled at 2026-03-05T10:00:00Z");
        start();

        HttpResponse<String> r = page("/");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"suspended\"")
                .contains("<tr data-location=\"loc_refused\"><td class=\"mono\">loc_refused</td>"
                        + "<td class=\"error\">reinstall required</td><td>install the app again on this location</td>")
                .contains("<td class=\"error\">app uninstalled at 2026-03-05T10:00:00Z</td><td>—</td>");
        String metrics = http.get("/metrics").body();
        assertThat(metrics)
                .contains("recruitflow_locations_suspended{reason=\"reinstall_required\"} 1.0")
                .contains("recruitflow_locations_suspended{reason=\"app_uninstalled\"} 1.0")
                .contains("recruitflow_locations_suspended{reason=\"other\"} 0.0")
                .doesNotContain("loc_refused");
    }

    @Test
    void stalled_recruits_are_listed_longest_stalled_first_with_their_stage_and_how_long_they_have_been_idle() {
        io.recruitflow.domain.recruit.RecruitId ann =
                io.recruitflow.domain.recruit.RecruitId.parse("00000000-0000-0000-0000-00000000000a");
        List<Optional<LocationId>> asked = new CopyOnWriteArrayList<>();
        stalls = location -> {
            asked.add(location);
            return List.of(new io.recruitflow.domain.pipeline.StallAlert(
                    ann,
                    new LocationId("loc_abc123"),
                    io.recruitflow.domain.pipeline.RecruitingStage.INTERESTED,
                    DashboardFixture.NOW.minus(Duration.ofDays(4)),
                    Duration.ofDays(3),
                    DashboardFixture.NOW));
        };
        start();

        String body = page("/?locationId=loc_abc123").body();

        assertThat(asked).containsExactly(Optional.of(new LocationId("loc_abc123")));
        assertThat(body)
                .contains("id=\"stalled\"")
                .contains("Stalled recruits <span class=\"badge\">1</span>")
                .contains("<tr data-stalled=\"" + ann + "\"><td class=\"mono\"><a href=\"/recruits/" + ann + "\">")
                .contains("<td>Interested</td>")
                .contains("<td>4 d</td><td>3 d</td>");
    }

    @Test
    void without_stalled_recruits_there_is_no_section_and_an_unreadable_source_says_so() {
        start();
        assertThat(page("/").body()).doesNotContain("id=\"stalled\"");
        stop();
        stalls = location -> {
            throw new IllegalStateException("database down");
        };
        start();
        assertThat(page("/").body()).contains("Unavailable: the stalled recruits could not be read");
    }

    @Test
    void without_suspended_locations_there_is_no_section_and_the_gauges_are_zero() {
        start();

        assertThat(page("/").body()).doesNotContain("id=\"suspended\"");
        assertThat(http.get("/metrics").body())
                .contains("recruitflow_locations_suspended{reason=\"reinstall_required\"} 0.0");
    }

    @Test
    void unreadable_suspensions_are_reported_in_their_section() {
        suspensions = () -> {
            throw new IllegalStateException("database down");
        };
        start();

        assertThat(page("/").body())
                .contains("Unavailable: the suspended locations could not be read")
                .contains("New Lead");
        assertThat(http.get("/metrics").body())
                .contains("recruitflow_locations_suspended{reason=\"reinstall_required\"} NaN");
    }

    @Test
    void an_unreadable_inbox_is_reported_in_its_section() {
        inbox = new FakeEventInbox() {
            @Override
            public synchronized io.recruitflow.application.port.InboxStats stats() {
                throw new InboxUnavailableException("down", null);
            }

            @Override
            public synchronized List<io.recruitflow.application.port.InboxEvent> list(
                    io.recruitflow.application.port.InboxStatus status, int limit) {
                throw new InboxUnavailableException("down", null);
            }
        };
        HttpResponse<String> r = start().get("/", "Authorization", "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("Unavailable: the webhook inbox could not be read")
                .contains(">1,234</td>");
    }

    @Test
    void many_dead_letters_show_the_newest_with_a_pointer_to_the_api() {
        for (int i = 0; i < Dashboard.DEAD_SHOWN + 5; i++) {
            inbox.store(new io.recruitflow.application.port.IncomingEvent(
                    "wh_many_" + i,
                    "ContactCreate",
                    Optional.empty(),
                    Optional.empty(),
                    DashboardFixture.NOW,
                    new byte[0],
                    DashboardFixture.NOW.plusSeconds(i)));
            inbox.markDead("wh_many_" + i, "error " + i);
        }
        String body = start().get("/", "Authorization", "Bearer " + TOKEN).body();
        assertThat(body)
                .contains("wh_many_24")
                .doesNotContain("wh_many_4<")
                .contains("The newest 20 of 26")
                .contains("/api/events?status=dead&amp;limit=500");
    }

    @Test
    void a_location_can_be_chosen_and_a_bad_one_is_400() {
        start();
        assertThat(page("/?locationId=loc_main").body()).contains("location <b id=\"location\">loc_main</b>");
        assertThat(queries).containsExactly(new FunnelQuery(Optional.of(new LocationId("loc_main"))));
        HttpResponse<String> bad = page("/?locationId=" + "x".repeat(201));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
    }

    // ---- formatting

    @Test
    void durations_read_naturally_from_milliseconds_to_days() {
        assertThat(Dashboard.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Dashboard.duration(Duration.ofMillis(4_250))).isEqualTo("4.3 s");
        assertThat(Dashboard.duration(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(Dashboard.duration(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(Dashboard.duration(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
        assertThat(Dashboard.duration(Duration.ofSeconds(7440))).isEqualTo("2 h 4 min");
        assertThat(Dashboard.duration(Duration.ofHours(50))).isEqualTo("2 d 2 h");
        assertThat(Dashboard.duration(Duration.ofSeconds(-3))).isEqualTo("0 ms");
        assertThat(Dashboard.percent(0.5)).isEqualTo("50%");
        assertThat(Dashboard.percent(151 / 1385.0)).isEqualTo("10.9%");
        assertThat(Dashboard.percent(1.0)).isEqualTo("100%");
    }
}
