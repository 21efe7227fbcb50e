package io.recruitflow.adapter.webhook;

import static io.recruitflow.adapter.webhook.DashboardFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportQuery;
import io.recruitflow.domain.shared.LocationId;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/report}, {@code GET /api/report.csv} and {@code GET /report} over HTTP. */
class ReportRoutesTest {
    private final AtomicReference<ReportQuery> asked = new AtomicReference<>();
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        FakeEventInbox inbox = new FakeEventInbox();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .clock(() -> DashboardFixture.NOW)
                .admin(DashboardFixture.services(q -> DashboardFixture.funnel(), inbox))
                .report(ReportFixture.report(asked))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) TestJson.read(json).orElseThrow();
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    @Test
    void the_json_report_takes_the_grouping_the_period_the_zone_and_the_location() {
        HttpResponse<String> r = get(
                "/api/report?group=recruiter&from=2026-11-01&to=2026-11-30&zone=America/New_York&locationId=loc_main");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        assertThat(asked.get())
                .isEqualTo(new ReportQuery(
                        ReportGrouping.RECRUITER,
                        Optional.of(LocalDate.of(2026, 11, 1)),
                        Optional.of(LocalDate.of(2026, 11, 30)),
                        ZoneId.of("America/New_York"),
                        Optional.of(new LocationId("loc_main"))));
        Map<String, Object> body = object(r.body());
        assertThat(body)
                .containsEntry("group", "recruiter")
                .containsEntry("from", "2026-11-01")
                .containsEntry("to", "2026-11-30")
                .containsEntry("zone", "America/New_York")
                .containsEntry("locationId", "loc_main");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> groups = (List<Map<String, Object>>) body.get("groups");
        assertThat(groups)
                .extracting(g -> g.get("group"))
                .containsExactly("PropHog", ReportFixture.FORMULA, ReportFixture.MARKUP);
        Map<String, Object> prophog = groups.get(0);
        assertThat(prophog)
                .containsEntry("leadsIn", 1234.0)
                .containsEntry("contacted", 1100.0)
                .containsEntry("booked", 240.0)
                .containsEntry("showed", 150.0)
                .containsEntry("noShows", 50.0)
                .containsEntry("contracted", 61.0);
        assertThat(prophog.get("rates").toString()).contains("showRate=0.75");
        assertThat(prophog.get("speedToLead").toString())
                .contains("textedAtOnce={samples=900.0, p50Seconds=4.2, p95Seconds=11.0}")
                .contains("waitedForQuietHours={samples=200.0, p50Seconds=32400.0, p95Seconds=41100.0}");
        assertThat(groups.get(2).get("rates").toString()).contains("contacted=0.0", "booked=null", "showRate=null");
    }

    @Test
    void without_parameters_it_groups_by_source_over_every_recruit_in_utc() {
        assertThat(get("/api/report").statusCode()).isEqualTo(200);
        assertThat(asked.get()).isEqualTo(ReportQuery.of(ReportGrouping.SOURCE));
    }

    @Test
    void a_bad_grouping_date_zone_or_period_is_400_saying_what_is_expected() {
        Map<String, String> expected = Map.of(
                "/api/report?group=manager", "group must be one of source|state|recruiter|week",
                "/api/report?from=11/01/2026", "from must be an ISO-8601 date (2026-11-30)",
                "/api/report?to=2026-13-01", "to must be an ISO-8601 date (2026-11-30)",
                "/api/report?zone=Mars/Olympus", "zone must be an IANA time zone such as America/New_York",
                "/api/report?from=2026-11-30&to=2026-11-01",
                        "the report's end (2026-11-01) is before its start (2026-11-30)",
                "/api/report.csv?group=", "");
        expected.forEach((path, message) -> {
            HttpResponse<String> r = get(path);
            if (message.isEmpty()) {
                assertThat(r.statusCode()).as(path).isEqualTo(200); // an empty group is the default
                return;
            }
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(object(r.body()))
                    .as(path)
                    .containsEntry("error", "bad_request")
                    .containsEntry("message", message);
        });
        assertThat(get("/api/report.csv?group=week;drop").statusCode()).isEqualTo(400);
    }

    @Test
    void the_api_takes_only_the_bearer_token() {
        assertThat(http.get("/api/report").statusCode()).isEqualTo(401);
        assertThat(http.get("/api/report.csv").statusCode()).isEqualTo(401);
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes());
        assertThat(http.get("/api/report", "Authorization", basic).statusCode()).isEqualTo(401);
        assertThat(asked.get()).isNull();
    }

    @Test
    void the_csv_export_has_a_header_a_row_per_group_and_no_live_formula() throws Exception {
        HttpResponse<String> r = get("/api/report.csv?group=source");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"recruitflow-report-source.csv\"");
        List<CSVRecord> records =
                CSVFormat.RFC4180.parse(new StringReader(r.body())).getRecords();
        assertThat(records).hasSize(4);
        assertThat(records.get(0).toList()).isEqualTo(ReportCsv.header());
        assertThat(records.get(1).toList().subList(0, 12))
                .containsExactly(
                        "PropHog", "1234", "1100", "240", "150", "50", "61", "0.8914", "0.2182", "0.7500", "0.4067",
                        "0.0494");
        assertThat(records.get(1).get(ReportCsv.header().indexOf("texted_at_once_p50_s")))
                .isEqualTo("4.200");
        assertThat(records.get(1).get(ReportCsv.header().indexOf("waited_quiet_hours_p95_s")))
                .isEqualTo("41100.000");
        assertThat(records.get(1).get(ReportCsv.header().indexOf("lead_p95_s"))).isEqualTo("120.000");
        assertThat(records.get(2).get(ReportCsv.header().indexOf("group"))).isEqualTo("'" + ReportFixture.FORMULA);
        assertThat(records.get(3).get(ReportCsv.header().indexOf("group"))).isEqualTo(ReportFixture.MARKUP);
        assertThat(records.get(3).get(ReportCsv.header().indexOf("booking_rate")))
                .isEmpty();
        for (CSVRecord record : records) {
            for (String cell : record) {
                assertThat(cell)
                        .as("a cell a spreadsheet would evaluate")
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("-")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r");
            }
        }
    }

    @Test
    void the_page_escapes_what_came_from_lead_files_and_runs_no_script() {
        HttpResponse<String> r = http.get("/report?group=source", "Authorization", "Bearer " + TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(Dashboard.CSP);
        assertThat(r.body())
                .contains("<svg role=\"img\"", "&lt;script&gt;document.title=")
                .doesNotContain("<script")
                .contains("p50 4.2 s · p95 11 s over 900", "p50 9 h · p95 11 h 25 min over 200");
        assertThat(http.get("/report").statusCode()).isEqualTo(401);
        assertThat(http.get("/report?group=manager", "Authorization", "Bearer " + TOKEN)
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void without_a_report_wired_the_routes_answer_503() {
        WebhookServer bare = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(new FakeEventInbox())
                .admin(DashboardFixture.services(q -> DashboardFixture.funnel(), new FakeEventInbox()))
                .build();
        Http other = new Http(bare.start(0));
        try {
            for (String path : List.of("/api/report", "/api/report.csv", "/report")) {
                assertThat(other.get(path, "Authorization", "Bearer " + TOKEN).statusCode())
                        .as(path)
                        .isEqualTo(503);
            }
        } finally {
            bare.stop(Duration.ofSeconds(1));
        }
    }
}
