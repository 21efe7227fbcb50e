package io.recruitflow.adapter.webhook;

import static io.recruitflow.adapter.webhook.DashboardFixture.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dashboard in a real headless Chromium: the browser signs in with Basic auth from the URL, renders
 * every figure, runs none of the markup that came from GHL, and a screenshot is kept in
 * {@code target/dashboard.png} for a person to look at; the same for the report page ({@code GET /report}, its SVG
 * charts under the strict Content-Security-Policy, {@code target/report.png}). Skipped where no Chromium is installed
 * ({@code .ci/run} installs Debian's).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    private HeadlessChromium chromium;
    private WebhookServer server;
    private int port;

    @BeforeAll
    void start() {
        Optional<HeadlessChromium> found = HeadlessChromium.find();
        if (found.isEmpty()) {
            return; // each test reports itself skipped, with the reason
        }
        chromium = found.get();
        FakeEventInbox inbox = DashboardFixture.inboxWithDeadLetter();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .clock(() -> DashboardFixture.NOW)
                .rateBudgets(DashboardFixture::budgets)
                .admin(DashboardFixture.services(q -> DashboardFixture.funnel(), inbox))
                .report(ReportFixture.report(new AtomicReference<>()))
                .build();
        port = server.start(0);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    @BeforeEach
    void needsChromium() {
        assumeTrue(chromium != null, "no chromium on PATH: dashboard browser test skipped");
    }

    private String url(String userInfo) {
        return "http://" + userInfo + "127.0.0.1:" + port + "/";
    }

    @Test
    void the_browser_signs_in_and_renders_every_figure() {
        String dom = chromium.dumpDom(url("admin:" + TOKEN + "@"));
        String text = visibleText(dom);

        assertThat(dom).contains("<title>Recruitflow — funnel</title>");
        for (int i = 0; i < DashboardFixture.STAGE_NAMES.length; i++) {
            assertThat(text)
                    .contains(DashboardFixture.STAGE_NAMES[i] + " " + Dashboard.num(DashboardFixture.STAGE_COUNTS[i]));
        }
        assertThat(text)
                .contains(
                        "New Lead → Texted 10.9% 151 of 1,385",
                        "Texted → Interested 42.4% 64 of 151",
                        "Interested → Presentation Booked 35.9% 23 of 64",
                        "→ Contracted <script>document.title='pwned'</script> 26.1% 6 of 23");
        assertThat(text)
                .contains(
                        "Speed-to-lead median 4.2 s over 1,290 recruits",
                        "Speed-to-lead p95 11 h 25 min",
                        "Texts sent 1,290",
                        "Texts deferred 88",
                        "Recruits 1,385 6 won · 3 lost");
        assertThat(text)
                .contains(
                        "loc_main 87% 87 of 100 per 10 s 198,765 of 200,000 left today",
                        "loc_busy 4% 4 of 100", "loc_new no answer from GHL yet");
        assertThat(text)
                .contains(
                        "Dead-lettered webhook events 1",
                        "OpportunityStageUpdate loc_main wh_dead_1 1 " + DashboardFixture.DEAD_ERROR);
    }

    @Test
    void markup_from_ghl_stays_text_in_the_browser() {
        String dom = chromium.dumpDom(url("admin:" + TOKEN + "@"));
        // The stage name's <script> would have set the title; it is a text node, so no element was made.
        assertThat(dom)
                .doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("<img")
                .doesNotContain("pwned</title>")
                .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void without_the_right_credentials_the_browser_shows_no_figure() {
        // Headless Chromium cannot prompt: on the Basic challenge without (or with refused) credentials it
        // abandons the load. A person's browser shows its sign-in dialog there (DashboardTest checks the
        // 401, its challenge and its body over plain HTTP).
        for (String userInfo : new String[] {"", "admin:not-the-token-0123456789@"}) {
            HeadlessChromium.Output out = chromium.dumpDomWithLog(url(userInfo));
            assertThat(out.stdout())
                    .as(userInfo)
                    .doesNotContain("New Lead")
                    .doesNotContain("1,234")
                    .doesNotContain("wh_dead_1");
            assertThat(out.log().contains("ERR_INVALID_AUTH_CREDENTIALS")
                            || out.stdout().contains("Sign in to Recruitflow"))
                    .as("chromium was refused, log: %s", out.log())
                    .isTrue();
        }
    }

    @Test
    void a_screenshot_is_kept_for_a_person_to_look_at() throws IOException {
        Path png = Path.of("target", "dashboard.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.screenshot(url("admin:" + TOKEN + "@"), png, 1200, 1400);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        // A blank or error page compresses to a few kilobytes; the dashboard's text and bars do not.
        assertThat(bytes.length).isGreaterThan(30_000);
    }

    private String reportUrl(String query) {
        return "http://admin:" + TOKEN + "@127.0.0.1:" + port + "/report?" + query;
    }

    @Test
    void the_report_page_renders_its_svg_charts_and_figures() {
        String dom = chromium.dumpDom(reportUrl("group=source&from=2026-11-01&to=2026-11-30"));
        String text = visibleText(dom);

        assertThat(dom).contains("<title>Recruitflow — report by source</title>");
        // One funnel chart per group and the show-rate chart, drawn as SVG rectangles.
        assertThat(dom.split("<svg", -1)).hasSize(1 + 3 + 1);
        assertThat(dom).contains("<rect x=\"150\" y=\"4\" width=\"330\" height=\"18\"");
        assertThat(text)
                .contains(
                        "accepted 2026-11-01 – 2026-11-30 (UTC)",
                        "Leads in 1,234 Contacted 1,100 Booked 240 Showed 150 Contracted 61",
                        "contacted 89.1% booked 21.8% show rate 75% close rate 40.7% lead → contract 4.9%",
                        "Speed-to-lead, texted at once p50 4.2 s · p95 11 s over 900",
                        "Speed-to-lead, waited for quiet hours p50 9 h · p95 11 h 25 min over 200",
                        "Lead 28 3 s 2 min 3",
                        "PropHog 75% of 200");
        assertThat(dom)
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("pwned</title>")
                .contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;");
    }

    @Test
    void a_screenshot_of_the_report_page_is_kept() throws IOException {
        Path png = Path.of("target", "report.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.screenshot(reportUrl("group=source"), png, 1200, 1400);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        // A blank or error page compresses to a few kilobytes; the charts and their text do not.
        assertThat(bytes.length).isGreaterThan(30_000);
    }

    /** The page's text as a person reads it: tags dropped, entities decoded, whitespace collapsed. */
    static String visibleText(String dom) {
        String body = dom.replaceAll("(?s)<style.*?</style>", " ").replaceAll("(?s)<title>.*?</title>", " ");
        return body.replaceAll("<[^>]*>", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&nbsp;", " ")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ")
                .strip();
    }
}
