package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeProgress;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The cross-site request forgery of issue 14, in a real headless Chromium: the admin has signed in to the
 * dashboard (the browser holds Basic credentials for the service's origin and would attach them to later
 * requests there), then opens a page from another origin that auto-submits a hidden form — the kind of
 * body a form can send, {@code enctype="text/plain"} shaped as JSON — to every state-changing admin route.
 * Every submission is refused with 403 and no use case is called. Skipped where no Chromium is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteBrowserTest {

    static final String TOKEN = "csrf-token-0123456789abcdef";
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");

    private final List<IntakeRecruitCommand> intakes = new CopyOnWriteArrayList<>();
    private final List<String> imports = new CopyOnWriteArrayList<>();
    private final List<SchedulePresentationCommand> bookings = new CopyOnWriteArrayList<>();
    private ChromiumSession browser;
    private WebhookServer server;
    private HttpServer attacker;
    private String api;
    private List<String> attackerOrigins;

    @BeforeAll
    void start() throws IOException, InterruptedException {
        Optional<Path> chromium = HeadlessChromium.find().map(HeadlessChromium::executable);
        if (chromium.isEmpty()) {
            return;
        }
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(new FakeEventInbox())
                .admin(new AdminServices(
                        intake(),
                        importer(),
                        noRecruits(),
                        c -> {
                            bookings.add(c);
                            return new BookingResult.NotFound("none");
                        },
                        q -> DashboardFixture.funnel(),
                        new FakeEventInbox(),
                        Optional.empty()))
                .build();
        api = "http://127.0.0.1:" + server.start(0);
        // The attacker's page, on another loopback port.
        attacker = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        attacker.createContext("/", exchange -> {
            byte[] page = attackPage(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        attacker.start();
        int attackerPort = attacker.getAddress().getPort();
        // Another site (localhost is not 127.0.0.1), and the same host on another port (the same site).
        attackerOrigins = List.of("http://localhost:" + attackerPort, "http://127.0.0.1:" + attackerPort);
        browser = ChromiumSession.start(chromium.get());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (attacker != null) {
            attacker.stop(0);
        }
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    /** A hidden form that submits itself on load; text/plain lets it send {@code name=value} as the body. */
    private String attackPage(String path) {
        String action;
        String field;
        switch (path) {
            case "/recruits" -> {
                action = api + "/api/recruits";
                field = "<input type=\"hidden\" name='{\"locationId\":\"loc_1\",\"firstName\":\"Eve\","
                        + "\"phone\":\"+14075550199\",\"pad\":\"' value='\"}'>";
            }
            case "/import" -> {
                action = api + "/api/recruits/import?locationId=loc_1";
                field = "<input type=\"hidden\" name='first_name,phone\nEve,4075550199\nx' value=''>";
            }
            case "/presentation" -> {
                action = api + "/api/recruits/" + ANN + "/presentation";
                field = "";
            }
            default -> {
                return "<!doctype html><title>nothing</title>";
            }
        }
        return "<!doctype html><title>You won a prize</title>"
                + "<form method=\"POST\" enctype=\"text/plain\" action=\"" + action + "\">" + field + "</form>"
                + "<script>document.forms[0].submit()</script>";
    }

    @Test
    void a_cross_site_form_post_to_every_state_changing_route_is_refused() {
        assumeTrue(browser != null, "no chromium on PATH: cross-site browser test skipped");

        // The admin signs in to the dashboard: the browser now holds Basic credentials for this origin.
        String dashboard = api + "/";
        browser.navigate("http://admin:" + TOKEN + "@" + dashboard.substring("http://".length()));

        assertThat(browser.statusesOf(dashboard)).as("the browser signed in").contains(200);

        Map<String, String> routes = Map.of(
                "/recruits", api + "/api/recruits",
                "/import", api + "/api/recruits/import?locationId=loc_1",
                "/presentation", api + "/api/recruits/" + ANN + "/presentation");
        for (String attackerOrigin : attackerOrigins) {
            for (Map.Entry<String, String> route : routes.entrySet()) {
                int from = browser.events().size();
                browser.navigate(attackerOrigin + route.getKey());
                Map<String, Object> answer = browser.awaitResponse(from, route.getValue());
                assertThat(ChromiumSession.status(answer))
                        .as("%s from %s", route.getValue(), attackerOrigin)
                        .isEqualTo(403);
                // The browser did attach the cached credentials: only the server's checks stopped it.
                assertThat(browser.requestHeaders(from, route.getValue()))
                        .as("headers the browser sent to %s", route.getValue())
                        .hasEntrySatisfying(
                                "Authorization", v -> assertThat((String) v).startsWith("Basic "))
                        .containsEntry("Origin", attackerOrigin)
                        .hasEntrySatisfying("Sec-Fetch-Site", v -> assertThat(v).isIn("cross-site", "same-site"));
            }
        }
        assertThat(intakes).isEmpty();
        assertThat(imports).isEmpty();
        assertThat(bookings).isEmpty();
    }

    private IntakeRecruitUseCase intake() {
        return new IntakeRecruitUseCase() {
            @Override
            public IntakeAcceptance accept(IntakeRecruitCommand command) {
                intakes.add(command);
                return new IntakeAcceptance.Accepted(RecruitId.parse("00000000-0000-0000-0000-00000000b002"));
            }

            @Override
            public IntakeProgress progress(RecruitId recruit) {
                return new IntakeProgress(List.of());
            }
        };
    }

    private ImportLeadsUseCase importer() {
        return command -> {
            imports.add(command.location().value());
            return new ImportReport(0, List.of(), List.of(), List.of());
        };
    }

    private static ViewRecruitUseCase noRecruits() {
        return new ViewRecruitUseCase() {
            @Override
            public Optional<RecruitView> view(RecruitId id) {
                return Optional.empty();
            }

            @Override
            public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
                return new Page<>(List.of(), Optional.empty());
            }
        };
    }
}
