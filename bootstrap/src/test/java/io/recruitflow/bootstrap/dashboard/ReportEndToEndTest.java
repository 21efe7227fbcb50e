package io.recruitflow.bootstrap.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.webhook.HeadlessChromium;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The report of the real service ({@code serve}'s wiring: embedded PostgreSQL, the GHL REST client against the
 * sandbox, the job queue, the HTTP server): two leads at 10:00 in New York, the New Yorker from PropHog texted at
 * once, the Angeleno — whose lead source is a spreadsheet formula — held for quiet hours. The JSON, the CSV and the
 * page (in headless Chromium, screenshot kept in {@code target/report-e2e.png}) read those figures from the
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEndToEndTest {
    static final String TOKEN = "e2e-report-token-0123456789abcdef";
    static final String CSV = """
            First Name,Last Name,Phone,License State,Lead Source
            Nora,York,(212) 555-0142,NY,PropHog
            Luis,Angel,(213) 555-0199,CA,"=HYPERLINK(""http://evil.example"",""win"")"
            """;

    private ServiceWithLeads service;
    private int port;

    @BeforeAll
    void start() throws Exception {
        service = ServiceWithLeads.start(TOKEN, CSV, 2);
        port = service.port;
    }

    @AfterAll
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(20))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_json_report_counts_the_database_per_state_and_week() throws Exception {
        HttpResponse<String> byState = get("/api/report?group=state&from=2026-03-05&to=2026-03-05");
        assertThat(byState.statusCode()).isEqualTo(200);
        String body = byState.body().replaceAll("\\s", "");
        // New York: texted at once; California: held for 08:00 there, so not contacted yet.
        assertThat(body)
                .contains("{\"group\":\"CA\",\"leadsIn\":1,\"contacted\":0,\"booked\":0")
                .contains("{\"group\":\"NY\",\"leadsIn\":1,\"contacted\":1,\"booked\":0")
                .containsPattern("\"NY\".*\"textedAtOnce\":\\{\"samples\":1,\"p50Seconds\":[0-9.E-]+")
                .contains("\"waitedForQuietHours\":{\"samples\":0,\"p50Seconds\":null,\"p95Seconds\":null}");

        assertThat(get("/api/report?group=week").body()).contains("\"group\":\"2026-W10\",\"leadsIn\":2");
        assertThat(get("/api/report?group=week&from=2026-03-06").body()).contains("\"groups\":[]");
        assertThat(get("/api/report?group=recruiter").body()).contains("\"leadsIn\":2");
        assertThat(get("/api/report?group=team").statusCode()).isEqualTo(400);
    }

    @Test
    void the_csv_export_keeps_the_formula_a_lead_file_carried_as_text() throws Exception {
        HttpResponse<String> csv = get("/api/report.csv?group=source");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("group,leads_in,")
                .contains("\r\n\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"win\"\")\",1,0,")
                .contains("\r\nPropHog,1,1,");
    }

    @Test
    void a_real_browser_renders_the_report_page() throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                chromium.isPresent(), "no chromium on PATH: report browser test skipped");
        String url = "http://admin:" + TOKEN + "@127.0.0.1:" + port + "/report?group=state";
        String dom = chromium.get().dumpDom(url);
        assertThat(dom).doesNotContainIgnoringCase("<script").contains("<svg", "Funnel of NY");
        Path png = Path.of("target", "report-e2e.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.get().screenshot(url, png, 1200, 1100);
        assertThat(Files.size(png)).isGreaterThan(30_000);
    }
}
