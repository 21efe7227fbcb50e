package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth install flow over real HTTP. */
class OAuthFlowTest {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeInstallations ghl = new FakeInstallations();
    private final FakePendingInstalls states = new FakePendingInstalls();
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = WebhookServer.builder(WebhookConfig.defaults())
                .inbox(new FakeEventInbox())
                .clock(clock)
                .oauth(ghl, states)
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    @Test
    void install_redirects_to_ghl_with_a_fresh_state_bound_to_the_browser() {
        Install a = install();
        Install b = install();
        assertThat(a.state()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(b.state());
        assertThat(a.location())
                .startsWith("https://marketplace.gohighlevel.com/v2/oauth/chooselocation?")
                .contains("state=" + a.state());
        assertThat(a.cookie()).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/oauth");
    }

    @Test
    void the_callback_completes_the_installation_and_names_the_account_escaped() {
        Install i = install();
        HttpResponse<String> r = callback(i.state(), i.state(), "code=the-code&user_type=Location");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(r.body())
                .contains("Recruitflow is connected")
                .contains("loc_&lt;b&gt;")
                .doesNotContain("loc_<b>");
        assertThat(ghl.exchanges).containsExactly("the-code:LOCATION");
        assertThat(ghl.installed)
                .containsExactly(new Installations.Installed(Installations.Installer.LOCATION, "loc_<b>"));
    }

    @Test
    void a_company_install_completes_as_an_agency() {
        Install i = install();
        assertThat(callback(i.state(), i.state(), "code=c&user_type=Company").statusCode())
                .isEqualTo(200);
        assertThat(ghl.exchanges).containsExactly("c:AGENCY");
        assertThat(ghl.installed).extracting(Installations.Installed::accountId).containsExactly("comp_1");
    }

    @Test
    void an_install_started_as_a_company_completes_as_an_agency_whatever_the_redirect_brings() {
        Install i = install("?user_type=Company");
        assertThat(i.location()).contains("user_type=Company");
        assertThat(i.state()).endsWith(OAuthRoutes.STATE_INSTALLER + "AGENCY");
        assertThat(callback(i.state(), i.state(), "code=c").statusCode()).isEqualTo(200);
        Install j = install("?user_type=Company");
        assertThat(callback(j.state(), j.state(), "code=d&user_type=Location").statusCode())
                .isEqualTo(200);
        assertThat(ghl.exchanges).containsExactly("c:AGENCY", "d:AGENCY");
        Install k = install("?user_type=location");
        assertThat(callback(k.state(), k.state(), "code=e").statusCode()).isEqualTo(200);
        assertThat(ghl.exchanges).endsWith("e:LOCATION");
    }

    @Test
    void an_install_with_an_unknown_user_type_is_400_and_issues_no_state() {
        HttpResponse<String> r = http.get("/oauth/install?user_type=Admin");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Location")).isEmpty();
        assertThat(states.states).isEmpty();
    }

    @Test
    void a_state_is_single_use() {
        Install i = install();
        assertThat(callback(i.state(), i.state(), "code=c").statusCode()).isEqualTo(200);
        HttpResponse<String> reused = callback(i.state(), i.state(), "code=c");
        assertThat(reused.statusCode()).isEqualTo(400);
        assertThat(reused.body()).contains("Start the installation again");
        assertThat(ghl.exchanges).hasSize(1);
    }

    @Test
    void an_unknown_or_expired_state_or_one_from_another_browser_is_400_and_exchanges_nothing() {
        assertThat(callback("made-up", "made-up", "code=c").statusCode()).isEqualTo(400);
        Install mine = install();
        Install theirs = install();
        // The attacker's own state in a link sent to a victim whose browser holds another cookie.
        assertThat(callback(theirs.state(), mine.state(), "code=c").statusCode())
                .isEqualTo(400);
        assertThat(callback(theirs.state(), null, "code=c").statusCode()).isEqualTo(400);
        Install late = install();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(callback(late.state(), late.state(), "code=c").statusCode()).isEqualTo(400);
        assertThat(ghl.exchanges).isEmpty();
    }

    @Test
    void a_declined_install_or_a_missing_code_or_a_bad_user_type_is_400_with_the_text_escaped() {
        Install i = install();
        HttpResponse<String> declined = callback(i.state(), i.state(), "error=" + enc("<script>alert(1)</script>"));
        assertThat(declined.statusCode()).isEqualTo(400);
        assertThat(declined.body()).contains("&lt;script&gt;").doesNotContain("<script>");
        Install j = install();
        assertThat(callback(j.state(), j.state(), "").statusCode()).isEqualTo(400);
        Install k = install();
        assertThat(callback(k.state(), k.state(), "code=c&user_type=Admin").statusCode())
                .isEqualTo(400);
        assertThat(ghl.exchanges).isEmpty();
    }

    @Test
    void a_refused_code_is_400_and_ghl_being_down_is_502_and_nothing_is_installed() {
        Install i = install();
        ghl.failure = new ExternalFailure.Rejected("invalid_grant", "trace-1", null);
        HttpResponse<String> refused = callback(i.state(), i.state(), "code=c");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("invalid_grant").doesNotContain("trace-1");
        Install j = install();
        ghl.failure = new ExternalFailure.Unavailable("down");
        assertThat(callback(j.state(), j.state(), "code=c").statusCode()).isEqualTo(502);
        Install k = install();
        ghl.failure = new ExternalFailure.AccessDenied("app not installed on this location");
        assertThat(callback(k.state(), k.state(), "code=c").statusCode()).isEqualTo(400);
        assertThat(ghl.installed).isEmpty();
    }

    @Test
    void a_store_failure_is_a_500_page_that_shows_no_detail() {
        Install i = install();
        ghl.fail = true;
        HttpResponse<String> r = callback(i.state(), i.state(), "code=c");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("Installation not saved").doesNotContain("database down");
    }

    @Test
    void without_oauth_configured_install_says_so() {
        ghl.configured = false;
        assertThat(http.get("/oauth/install").statusCode()).isEqualTo(503);
    }

    @Test
    void installs_from_one_address_are_rate_limited_with_retry_after_and_issue_no_state() {
        for (int i = 0; i < OAuthRoutes.INSTALLS; i++) {
            install();
        }
        HttpResponse<String> refused = http.get("/oauth/install");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After"))
                .get()
                .satisfies(seconds ->
                        assertThat(Long.parseLong(seconds)).isBetween(1L, OAuthRoutes.INSTALL_WINDOW.toSeconds()));
        assertThat(refused.headers().firstValue("Location")).isEmpty();
        assertThat(refused.body()).contains("Too many installations");
        assertThat(states.states).hasSize(OAuthRoutes.INSTALLS);

        // The bucket refills gradually: one window later the address may install again.
        clock.advance(OAuthRoutes.INSTALL_WINDOW);
        install();
    }

    // ---- helpers

    private record Install(String state, String location, String cookie) {}

    private Install install() {
        return install("");
    }

    private Install install(String query) {
        HttpResponse<String> r = http.get("/oauth/install" + query);
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        String state = URI.create(location).getQuery().replaceAll(".*state=([^&]+).*", "$1");
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(OAuthRoutes.STATE_COOKIE + "=" + state + ";");
        return new Install(state, location, cookie);
    }

    private HttpResponse<String> callback(String state, String cookieState, String query) {
        String path = "/oauth/callback?state=" + enc(state) + (query.isEmpty() ? "" : "&" + query);
        return cookieState == null
                ? http.get(path)
                : http.get(path, "Cookie", OAuthRoutes.STATE_COOKIE + "=" + cookieState);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Installations that record what the routes asked for; {@code fail} stands for a store that is down. */
    static final class FakeInstallations implements Installations {
        final List<String> exchanges = new CopyOnWriteArrayList<>();
        final List<Installed> installed = new CopyOnWriteArrayList<>();
        volatile boolean configured = true;
        volatile RuntimeException failure;
        volatile boolean fail;

        @Override
        public boolean selfInstallable() {
            return configured;
        }

        @Override
        public URI consentUrl(String state) {
            return URI.create("https://marketplace.gohighlevel.com/v2/oauth/chooselocation?response_type=code"
                    + "&client_id=app&redirect_uri=http%3A%2F%2Flocalhost%2Foauth%2Fcallback&state=" + state);
        }

        @Override
        public URI consentUrl(String state, Installer installer) {
            return URI.create(
                    consentUrl(state) + "&user_type=" + (installer == Installer.AGENCY ? "Company" : "Location"));
        }

        @Override
        public Installed complete(String grant, Installer installer) {
            if (failure != null) {
                throw failure;
            }
            exchanges.add(grant + ":" + installer);
            if (fail) {
                throw new IllegalStateException("database down");
            }
            Installed done = new Installed(installer, installer == Installer.AGENCY ? "comp_1" : "loc_<b>");
            installed.add(done);
            return done;
        }

        @Override
        public LocationAccess addLocation(java.util.Optional<CompanyId> agency, LocationId location) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(LocationId location) {
            throw new UnsupportedOperationException();
        }
    }
}
