package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.GhlAuthException;
import io.recruitflow.domain.shared.GhlAuthorization;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.OAuthTokens;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth install flow over real HTTP. */
class OAuthFlowTest {

    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final FakeAuthorization ghl = new FakeAuthorization();
    private final MapTokenStore tokens = new MapTokenStore();
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = WebhookServer.builder(WebhookConfig.defaults())
                .inbox(new FakeEventInbox())
                .clock(clock)
                .oauth(ghl, tokens, new InMemoryOAuthStateStore(clock))
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
    void the_callback_exchanges_the_code_saves_the_tokens_and_shows_no_token() {
        Install i = install();
        HttpResponse<String> r = callback(i.state(), i.state(), "code=the-code&user_type=Location");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("text/html");
        assertThat(r.body())
                .contains("Recruitflow is connected")
                .contains("loc_&lt;b&gt;")
                .doesNotContain("loc_<b>")
                .doesNotContain(FakeAuthorization.ACCESS)
                .doesNotContain(FakeAuthorization.REFRESH);
        assertThat(ghl.exchanges).containsExactly("the-code:LOCATION");
        assertThat(tokens.saved).hasSize(1);
        assertThat(tokens.saved.get(0).owner()).isEqualTo(new TokenOwner(TokenOwner.Type.LOCATION, "loc_<b>"));
    }

    @Test
    void an_agency_install_exchanges_as_company() {
        Install i = install();
        assertThat(callback(i.state(), i.state(), "code=c&user_type=Company").statusCode())
                .isEqualTo(200);
        assertThat(ghl.exchanges).containsExactly("c:COMPANY");
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
    void a_refused_code_is_400_and_ghl_being_down_is_502_and_no_tokens_are_saved() {
        Install i = install();
        ghl.failure = new GhlAuthException(400, "invalid_grant", "trace-1");
        HttpResponse<String> refused = callback(i.state(), i.state(), "code=c");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("invalid_grant").doesNotContain("trace-1");
        Install j = install();
        ghl.failure = new GhlException(GhlException.Kind.SERVER_ERROR, 503, "down", null);
        assertThat(callback(j.state(), j.state(), "code=c").statusCode()).isEqualTo(502);
        assertThat(tokens.saved).isEmpty();
    }

    @Test
    void a_token_store_failure_is_a_500_page() {
        Install i = install();
        tokens.fail = true;
        HttpResponse<String> r = callback(i.state(), i.state(), "code=c");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain(FakeAuthorization.ACCESS);
    }

    @Test
    void without_oauth_configured_install_says_so() {
        ghl.configured = false;
        assertThat(http.get("/oauth/install").statusCode()).isEqualTo(503);
    }

    @Test
    void the_state_store_is_bounded_and_evicts_the_oldest() {
        InMemoryOAuthStateStore store = new InMemoryOAuthStateStore(clock, 3);
        for (int i = 0; i < 5; i++) {
            store.put("s" + i, NOW.plusSeconds(600 + i));
        }
        assertThat(store.size()).isEqualTo(3);
        assertThat(store.consume("s0", NOW)).isFalse();
        assertThat(store.consume("s4", NOW)).isTrue();
        assertThat(store.consume("s4", NOW)).isFalse();
        assertThat(store.consume(null, NOW)).isFalse();
    }

    // ---- helpers

    private record Install(String state, String location, String cookie) {}

    private Install install() {
        HttpResponse<String> r = http.get("/oauth/install");
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

    static final class FakeAuthorization implements GhlAuthorization {
        static final String ACCESS = "at-SECRET-123";
        static final String REFRESH = "rt-SECRET-456";
        final List<String> exchanges = new CopyOnWriteArrayList<>();
        volatile boolean configured = true;
        volatile RuntimeException failure;

        @Override
        public boolean oauthConfigured() {
            return configured;
        }

        @Override
        public URI authorizationUrl(String state) {
            return URI.create("https://marketplace.gohighlevel.com/v2/oauth/chooselocation?response_type=code"
                    + "&client_id=app&redirect_uri=http%3A%2F%2Flocalhost%2Foauth%2Fcallback&state=" + state);
        }

        @Override
        public OAuthTokens exchangeCode(String code, TokenOwner.Type userType) {
            if (failure != null) {
                throw failure;
            }
            exchanges.add(code + ":" + userType);
            String id = userType == TokenOwner.Type.COMPANY ? "comp_1" : "loc_<b>";
            return new OAuthTokens(
                    new TokenOwner(userType, id),
                    ACCESS,
                    REFRESH,
                    NOW.plus(Duration.ofDays(1)),
                    Set.of("contacts.write"));
        }

        @Override
        public OAuthTokens locationToken(CompanyId company, LocationId location) {
            throw new UnsupportedOperationException();
        }
    }

    static final class MapTokenStore implements TokenStore {
        final List<OAuthTokens> saved = new CopyOnWriteArrayList<>();
        final Map<TokenOwner, OAuthTokens> byOwner = new ConcurrentHashMap<>();
        volatile boolean fail;

        @Override
        public Optional<OAuthTokens> find(TokenOwner owner) {
            return Optional.ofNullable(byOwner.get(owner));
        }

        @Override
        public void save(OAuthTokens t) {
            if (fail) {
                throw new IllegalStateException("database down");
            }
            saved.add(t);
            byOwner.put(t.owner(), t);
        }

        @Override
        public boolean revoke(TokenOwner owner) {
            return byOwner.remove(owner) != null;
        }

        @Override
        public OAuthTokens refresh(TokenOwner owner, Function<Optional<OAuthTokens>, OAuthTokens> refresher) {
            throw new UnsupportedOperationException();
        }
    }
}
