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
 * The report page ({@code GET /report}) in a real headless Chromium, under the dashboard's strict
 * Content-Security-Policy: the browser signs in, renders the SVG charts and every figure, makes no element of the
 * markup a lead file carried, and a screenshot is kept in {@code target/report.png} for a person to look at.
 * Skipped where no Chromium is installed, like {@link DashboardBrowserTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportBrowserTest {
    private HeadlessChromium chromium;
    private WebhookServer server;
    private int port;

    @BeforeAll
    void start() {
        Optional<HeadlessChromium> found = HeadlessChromium.find();
        if (found.isEmpty()) {
            return;
        }
        chromium = found.get();
        FakeEventInbox inbox = new FakeEventInbox();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .clock(() -> DashboardFixture.NOW)
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
        assumeTrue(chromium != null, "no chromium on PATH: report browser test skipped");
    }

    private String url(String query) {
        return "http://admin:" + TOKEN + "@127.0.0.1:" + port + "/report?" + query;
    }

    @Test
    void the_report_renders_its_charts_and_figures_in_the_browser() {
        String dom = chromium.dumpDom(url("group=source&from=2026-11-01&to=2026-11-30"));
        String text = DashboardBrowserTest.visibleText(dom);

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
    void a_screenshot_is_kept_for_a_person_to_look_at() throws IOException {
        Path png = Path.of("target", "report.png");
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium.screenshot(url("group=source"), png, 1200, 1400);
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
        // A blank or error page compresses to a few kilobytes; the charts and their text do not.
        assertThat(bytes.length).isGreaterThan(30_000);
    }
}
