package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTest {
    private static final String REDIRECT = "https://app.example.com/callback";
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-12T13:00:00Z"));
    private GhlSandbox sandbox;
    private SandboxCredentials.OAuthClient client;

    @BeforeEach
    void start() {
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withClock(clock).withAccessTokenLifetime(Duration.ofHours(1)));
        client = sandbox.credentials().oauth();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void chooseLocationApprovesAtOnceAndRedirectsWithACode() {
        Ghl.Response response = authorize("loc_abc123", "xyz");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).startsWith(REDIRECT + "?code=").endsWith("&state=xyz");
    }

    @Test
    void theCodeIsExchangedOnceForALocationTokenThatWorksUntilItExpires() {
        String code = code("loc_abc123");

        Ghl.Response token = exchange(
                "grant_type=authorization_code&code=" + code + "&user_type=Location&redirect_uri=" + enc(REDIRECT));
        Ghl.Response reused = exchange("grant_type=authorization_code&code=" + code + "&user_type=Location");
        Ghl api = new Ghl(sandbox.baseUrl(), token.str("access_token"));
        int beforeExpiry = api.get("/locations/loc_abc123").status();
        clock.advance(Duration.ofHours(1));
        Ghl.Response afterExpiry = api.get("/locations/loc_abc123");

        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json())
                .containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", 3600L)
                .containsEntry("userType", "Location")
                .containsEntry("locationId", "loc_abc123")
                .containsEntry("companyId", "comp_abc")
                .containsKeys("refresh_token", "scope", "userId");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(beforeExpiry).isEqualTo(200);
        assertThat(afterExpiry.status()).isEqualTo(401);
    }

    @Test
    void everyRefreshIssuesANewRefreshTokenAndTheUsedOneIsRefused() {
        String refresh = exchange("grant_type=authorization_code&code=" + code("loc_abc123") + "&user_type=Location")
                .str("refresh_token");

        Ghl.Response first = exchange("grant_type=refresh_token&refresh_token=" + refresh + "&user_type=Location");
        Ghl.Response replay = exchange("grant_type=refresh_token&refresh_token=" + refresh + "&user_type=Location");
        Ghl.Response second = exchange("grant_type=refresh_token&refresh_token=" + first.str("refresh_token"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.str("refresh_token")).isNotEqualTo(refresh);
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.json()).containsEntry("error", "invalid_grant");
        assertThat(second.status()).isEqualTo(200);
        assertThat(new Ghl(sandbox.baseUrl(), second.str("access_token"))
                        .get("/locations/loc_abc123")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void concurrentRefreshesWithOneTokenYieldExactlyOneWinner() throws Exception {
        String refresh = exchange("grant_type=authorization_code&code=" + code("loc_abc123"))
                .str("refresh_token");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> exchange("grant_type=refresh_token&refresh_token=" + refresh)
                        .status()));
            }
            long winners = 0;
            for (var future : futures) {
                winners += future.get() == 200 ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCompanyTokenGetsLocationTokensButCannotUseLocationRoutesItself() {
        Ghl.Response company =
                exchange("grant_type=authorization_code&code=" + code("loc_abc123") + "&user_type=Company");
        Ghl agency = new Ghl(sandbox.baseUrl(), company.str("access_token"));

        Ghl.Response locations = agency.get("/locations/search?companyId=comp_abc");
        Ghl.Response contacts = agency.get("/contacts/?locationId=loc_def456");
        Ghl.Response locationToken =
                agency.postForm("/oauth/locationToken", "companyId=comp_abc&locationId=loc_def456");
        Ghl location = new Ghl(sandbox.baseUrl(), locationToken.str("access_token"));

        assertThat(company.json()).containsEntry("userType", "Company").doesNotContainKey("locationId");
        assertThat(locations.list("locations")).hasSize(2);
        assertThat(contacts.status()).isEqualTo(401);
        assertThat(locationToken.status()).isEqualTo(200);
        assertThat(locationToken.json())
                .containsEntry("locationId", "loc_def456")
                .doesNotContainKey("refresh_token");
        assertThat(location.get("/contacts/?locationId=loc_def456").status()).isEqualTo(200);
        assertThat(location.get("/contacts/?locationId=loc_abc123").status()).isEqualTo(403);
    }

    @Test
    void wrongClientCredentialsAndMissingFieldsAreRefused() {
        Ghl.Response wrongSecret = Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + client.clientId()
                        + "&client_secret=wrong&grant_type=refresh_token&refresh_token=x"))
                .build());
        Ghl.Response missing = Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"))
                .build());

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("message"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("client_id should not be empty");
    }

    private Ghl.Response authorize(String locationId, String state) {
        return Ghl.execute(
                HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/chooselocation?response_type=code"
                                + "&redirect_uri=" + enc(REDIRECT) + "&client_id=" + client.clientId()
                                + "&scope=" + enc("contacts.readonly contacts.write") + "&locationId=" + locationId
                                + (state == null ? "" : "&state=" + state)))
                        .GET()
                        .build());
    }

    private String code(String locationId) {
        String location = authorize(locationId, null).header("Location");
        return location.substring(location.indexOf("code=") + 5);
    }

    private Ghl.Response exchange(String form) {
        return Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "client_id=" + client.clientId() + "&client_secret=" + client.clientSecret() + "&" + form))
                .build());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
