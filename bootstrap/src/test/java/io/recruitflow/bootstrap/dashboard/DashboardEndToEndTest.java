package io.recruitflow.bootstrap.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.webhook.HeadlessChromium;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.domain.shared.Clock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard of the real service: embedded PostgreSQL, the GHL REST client against the in-process
 * sandbox, the durable job queue and the HTTP server as {@code serve} starts them. Two leads go through
 * intake at 10:00 in New York — the New Yorker is texted at once, the Angeleno (07:00) waits for 08:00 —
 * and one webhook event is dead-lettered. The page then shows those figures, read from the database, and
 * the configured location's headroom as GHL (the sandbox) declared it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardEndToEndTest {
    static final String LOCATION = ServiceWithLeads.LOCATION;
    static final String TOKEN = "e2e-dashboard-token-0123456789abcdef";
    static final String CSV = """
            First Name,Last Name,Phone,License State
            Nora,York,(212) 555-0142,NY
            Luis,Angel,(213) 555-0199,CA
            """;
    static final String ERROR = "malformed ContactTagUpdate: <script>alert('x')</script> is not a tag list";

    private ServiceWithLeads service;
    private int port;

    @BeforeAll
    void start() throws Exception {
        service = ServiceWithLeads.start(TOKEN, CSV, 2);
        port = service.port;
        Clock clock = service.clock;
        EventInbox inbox = service.runtime.injector().getInstance(EventInbox.class);
        inbox.store(new IncomingEvent(
                "wh_e2e_dead",
                "ContactTagUpdate",
                Optional.of(LOCATION),
                Optional.of("c_x"),
                clock.now(),
                "{}".getBytes(StandardCharsets.UTF_8),
                clock.now()));
        inbox.markDead("wh_e2e_dead", ERROR);
    }

    @AfterAll
    void stop() throws IOException {
        if (service != null) {
            service.close();
        }
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(20));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void the_service_asks_a_browser_for_the_admin_token() throws Exception {
        HttpResponse<String> r = get(null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic realm=\"Recruitflow\""));
        assertThat(r.body()).doesNotContain("Nora").doesNotContain("wh_e2e_dead");
    }

    @Test
    void the_page_shows_the_databases_funnel_and_the_locations_headroom() throws Exception {
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = get(basic);
        assertThat(r.statusCode()).isEqualTo(200);
        assertFigures(text(r.body()));
    }

    @Test
    void a_real_browser_renders_it() throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find();
        org.junit.jupiter.api.Assumptions.assumeTrue(
                chromium.isPresent(), "no chromium on PATH: dashboard browser test skipped");
        String url = "http://admin:" + TOKEN + "@127.0.0.1:" + port + "/";
        String dom = chromium.get().dumpDom(url);
        assertThat(dom).doesNotContainIgnoringCase("<script");
        assertFigures(text(dom));
        Path png = Path.of("target", "dashboard-e2e.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.get().screenshot(url, png, 1200, 1300);
        assertThat(Files.size(png)).isGreaterThan(30_000);
    }

    private static void assertFigures(String text) {
        assertThat(text)
                // The texted recruit's opportunity was created at Contacted; the one whose intro waits is a Lead.
                .contains("Lead 1", "Contacted 1", "Interested 0", "Presentation Scheduled 0", "Contracted 0")
                .contains("Lead → Contacted 50% 1 of 2", "Contacted → Interested 0% 0 of 1")
                .contains("Recruits 2 0 won · 0 lost", "Texts sent 1", "Texts deferred 1", "over 1 recruit")
                .containsPattern("Speed-to-lead median [0-9.]+ (ms|s) over 1 recruit")
                .containsPattern(LOCATION + " \\d+% \\d+ of 100 per 10 s [0-9,]+ of 200,000 left today")
                .contains("ContactTagUpdate " + LOCATION + " wh_e2e_dead 1 " + ERROR);
    }

    /** The text a person reads: tags dropped, entities decoded, whitespace collapsed. */
    private static String text(String html) {
        return html.replaceAll("(?s)<style.*?</style>", " ")
                .replaceAll("(?s)<title>.*?</title>", " ")
                .replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
