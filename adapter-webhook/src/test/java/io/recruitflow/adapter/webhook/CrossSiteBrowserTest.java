package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.recruitflow.application.declareemergency.DeclareEmergencyUseCase;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeProgress;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.UsState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * body a form can send, {@code enctype="text/plain"} shaped as JSON — to every state-changing route the server
 * registers (read from it, so a new route is covered), and a script's credentialed {@code fetch} for the methods
 * no form can send. Every form post is refused with 403 and no use case is reached. Skipped where no Chromium is installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossSiteBrowserTest {

    static final String TOKEN = "csrf-token-0123456789abcdef";
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");

    private final List<IntakeRecruitCommand> intakes = new CopyOnWriteArrayList<>();
    private final List<String> imports = new CopyOnWriteArrayList<>();
    private final List<SchedulePresentationCommand> bookings = new CopyOnWriteArrayList<>();
    /** Every other use case a state-changing route reached, by name. */
    private final List<String> reached = new CopyOnWriteArrayList<>();

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
                        Optional.empty(),
                        replies(),
                        emergencies()))
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

    /**
     * The attacker's page for one route ({@code /attack?route=N}): a hidden form that submits itself on load for a
     * {@code POST} ({@code text/plain} lets it send {@code name=value} shaped as JSON), or — for the methods no form
     * can send — a script's {@code fetch} with the browser's credentials, which needs a CORS preflight.
     */
    private String attackPage(String path) {
        if (!path.startsWith("/attack/")) {
            return "<!doctype html><title>nothing</title>";
        }
        Route route = stateChangingRoutes().get(Integer.parseInt(path.substring("/attack/".length())));
        String action = api + route.url();
        if (route.method().equals("POST")) {
            String field = "<input type=\"hidden\" name='{\"locationId\":\"loc_1\",\"firstName\":\"Eve\","
                    + "\"phone\":\"+14075550199\",\"state\":\"LA\",\"until\":\"2030-01-01\",\"optOut\":true,"
                    + "\"pad\":\"' value='\"}'>";
            return "<!doctype html><title>You won a prize</title>"
                    + "<form method=\"POST\" enctype=\"text/plain\" action=\"" + action + "\">" + field + "</form>"
                    + "<script>document.forms[0].submit()</script>";
        }
        return "<!doctype html><title>You won a prize</title><script>fetch('" + action + "', {method: '"
                + route.method() + "', credentials: 'include', headers: {'Content-Type': 'application/json'},"
                + " body: '{}'}).catch(() => {})</script>";
    }

    /** A state-changing route the server registers, with its path parameters filled in. */
    record Route(String method, String url) {}

    /** Every route the server registers that is not a GET: the whole attack surface, so a new route is covered. */
    private List<Route> stateChangingRoutes() {
        return server.routes().stream()
                .filter(r -> !r.startsWith("GET ") && !r.startsWith("HEAD ") && !r.startsWith("OPTIONS "))
                .filter(r -> !r.equals("POST /webhooks/ghl")) // GHL's own, signed: no browser credentials apply
                .sorted()
                .map(r -> {
                    String method = r.substring(0, r.indexOf(' '));
                    String url = r.substring(r.indexOf(' ') + 1)
                            .replace("{id}", ANN.toString())
                            .replace("{state}", "LA")
                            .replace("{eventId}", "evt_0123456789abcdef0123456789abcdef");
                    return new Route(method, url.equals("/api/recruits/import") ? url + "?locationId=loc_1" : url);
                })
                .toList();
    }

    @Test
    void a_cross_site_form_post_to_every_state_changing_route_is_refused() {
        assumeTrue(browser != null, "no chromium on PATH: cross-site browser test skipped");

        // The admin signs in to the dashboard: the browser now holds Basic credentials for this origin.
        String dashboard = api + "/";
        browser.navigate("http://admin:" + TOKEN + "@" + dashboard.substring("http://".length()));

        assertThat(browser.statusesOf(dashboard)).as("the browser signed in").contains(200);

        List<Route> routes = stateChangingRoutes();
        assertThat(routes)
                .as("the state-changing routes, read from the server")
                .extracting(Route::method)
                .contains("POST", "DELETE");
        for (String attackerOrigin : attackerOrigins) {
            for (int i = 0; i < routes.size(); i++) {
                Route route = routes.get(i);
                String url = api + route.url();
                int from = browser.events().size();
                browser.navigate(attackerOrigin + "/attack/" + i);
                if (!route.method().equals("POST")) {
                    // No form sends it; the script's request waits for a preflight this server never grants.
                    browser.awaitEvent(from, e -> String.valueOf(e).contains(route.url()));
                    continue;
                }
                Map<String, Object> answer = browser.awaitResponse(from, url);
                assertThat(ChromiumSession.status(answer))
                        .as("%s %s from %s", route.method(), url, attackerOrigin)
                        .isEqualTo(403);
                // The browser did attach the cached credentials: only the server's checks stopped it.
                assertThat(browser.requestHeaders(from, url))
                        .as("headers the browser sent to %s", url)
                        .hasEntrySatisfying(
                                "Authorization", v -> assertThat((String) v).startsWith("Basic "))
                        .containsEntry("Origin", attackerOrigin)
                        .hasEntrySatisfying("Sec-Fetch-Site", v -> assertThat(v).isIn("cross-site", "same-site"));
            }
        }
        assertThat(reached).as("use cases a cross-site request reached").isEmpty();
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

    private ReviewRepliesUseCase replies() {
        return new ReviewRepliesUseCase() {
            @Override
            public List<RecruitReply> open(int limit) {
                return List.of();
            }

            @Override
            public Optional<RecruitReply> find(String id) {
                return Optional.empty();
            }

            @Override
            public Resolution resolve(String id, boolean optOut, String decidedBy) {
                reached.add("resolve reply " + id);
                return new Resolution.NotFound();
            }
        };
    }

    private DeclareEmergencyUseCase emergencies() {
        return new DeclareEmergencyUseCase() {
            @Override
            public DeclaredEmergency declare(
                    UsState state, Optional<Instant> from, Instant until, Optional<String> why) {
                reached.add("declare emergency " + state);
                throw new IllegalArgumentException("not in this test");
            }

            @Override
            public List<DeclaredEmergency> inForceOrAnnounced() {
                return List.of();
            }

            @Override
            public List<DeclaredEmergency> end(UsState state) {
                reached.add("end emergency " + state);
                return List.of();
            }
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
