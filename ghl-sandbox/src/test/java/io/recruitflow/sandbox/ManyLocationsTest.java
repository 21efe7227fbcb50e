package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code --locations N}: N locations with the same seed, a token and a rate-limit window each, one agency. */
class ManyLocationsTest {
    private static final int LOCATIONS = 5;
    private static GhlSandbox sandbox;
    private static Ghl admin;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(
                GhlSandboxMain.parse(new String[] {"--port", "0", "--rate-limit", "5/10s", "--locations", "5"}));
        admin = new Ghl(sandbox.baseUrl(), null);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void seedsNLocationsEachWithItsOwnPrivateIntegrationToken() {
        SandboxCredentials credentials = sandbox.credentials();
        assertThat(credentials.locations())
                .extracting(SandboxCredentials.Location::id)
                .containsExactly("loc_0001", "loc_0002", "loc_0003", "loc_0004", "loc_0005");
        Set<String> tokens = new HashSet<>();
        credentials.locations().forEach(l -> tokens.add(l.privateIntegrationToken()));
        assertThat(tokens).hasSize(LOCATIONS).doesNotContainNull();

        Ghl.Response json = admin.get("/_sandbox/credentials");
        assertThat(json.json()).containsEntry("companyId", "comp_abc");
        assertThat(json.list("locations")).hasSize(LOCATIONS);
        assertThat(json.list("locations").get(4))
                .containsEntry("id", "loc_0005")
                .containsEntry(
                        "privateIntegrationToken",
                        credentials.location("loc_0005").privateIntegrationToken());
    }

    @Test
    void everyLocationHasTheSamePipelineWorkflowsCalendarAndCustomFields() {
        for (String location : List.of("loc_0001", "loc_0005")) {
            Ghl ghl = Ghl.forLocation(sandbox, location);
            assertThat(ghl.get("/opportunities/pipelines?locationId=" + location)
                            .list("pipelines"))
                    .extracting(p -> p.get("id"))
                    .containsExactly("pipe_recruiting");
            assertThat(ghl.get("/workflows/?locationId=" + location).list("workflows"))
                    .extracting(w -> w.get("id"))
                    .containsExactly("wf_speed_to_lead", "wf_onboarding");
            assertThat(ghl.get("/calendars/?locationId=" + location).list("calendars"))
                    .extracting(c -> c.get("id"))
                    .containsExactly("cal_presentation");
            Map<String, Object> contact = Ghl.contact(location, "Ann", "ann@example.com", "+14075550123");
            contact.put("customFields", List.of(Map.of("id", "cf_license_state", "field_value", "FL")));
            Ghl.Response upserted = ghl.post("/contacts/upsert", contact);
            assertThat(upserted.status()).isEqualTo(200);
            assertThat(upserted.map("contact").get("customFields"))
                    .isEqualTo(List.of(Map.of("id", "cf_license_state", "value", "FL")));
        }
    }

    @Test
    void aLocationTokenReachesOnlyItsOwnLocation() {
        Ghl.Response elsewhere = Ghl.forLocation(sandbox, "loc_0001")
                .post("/contacts/upsert", Ghl.contact("loc_0002", "Bo", "bo@example.com", "+14075550124"));

        assertThat(elsewhere.status()).isEqualTo(403);
    }

    @Test
    void eachLocationHasItsOwnRateLimitWindowAndDailyQuota() {
        Ghl first = Ghl.forLocation(sandbox, "loc_0001");
        Ghl second = Ghl.forLocation(sandbox, "loc_0002");
        for (int i = 0; i < 5; i++) {
            assertThat(first.get("/workflows/?locationId=loc_0001").status()).isEqualTo(200);
        }
        Ghl.Response limited = first.get("/workflows/?locationId=loc_0001");
        Ghl.Response other = second.get("/workflows/?locationId=loc_0002");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.header("X-RateLimit-Max")).isEqualTo("5");
        assertThat(other.header("X-RateLimit-Remaining")).isEqualTo("4");
        assertThat(other.header("X-RateLimit-Interval-Milliseconds")).isEqualTo("10000");
        assertThat(other.header("X-RateLimit-Limit-Daily")).isEqualTo("200000");
        assertThat(other.header("X-RateLimit-Daily-Remaining")).isEqualTo("199999");
        assertThat(limited.header("X-RateLimit-Daily-Remaining")).isEqualTo("199995");
        assertThat(other.header("X-RateLimit-Daily-Reset")).isNotNull();

        SandboxStats stats = sandbox.stats();
        assertThat(stats.location("loc_0001").requests()).isEqualTo(6);
        assertThat(stats.location("loc_0001").rateLimited()).isEqualTo(1);
        assertThat(stats.location("loc_0002").requests()).isEqualTo(1);
        assertThat(stats.location("loc_0002").rateLimited()).isZero();
        assertThat(stats.location("loc_0003").requests()).isZero();
        assertThat(stats.requests()).isEqualTo(7);
        assertThat(stats.rateLimited()).isEqualTo(1);

        // The cheap counters say the same without a walk of the state, and a reset zeroes them.
        SandboxCounters counters = sandbox.counters();
        assertThat(counters.byLocation().keySet()).isEqualTo(stats.byLocation().keySet());
        stats.byLocation().forEach((id, location) -> {
            assertThat(counters.location(id).requests()).as(id).isEqualTo(location.requests());
            assertThat(counters.location(id).rateLimited()).as(id).isEqualTo(location.rateLimited());
        });
        assertThat(counters.location("loc_0003").firstRequest()).isEmpty();
        assertThat(counters.requests()).isEqualTo(stats.requests());
        assertThat(counters.rateLimited()).isEqualTo(stats.rateLimited());
        sandbox.reset();
        assertThat(sandbox.counters().location("loc_0001").requests()).isZero();
        assertThat(sandbox.counters().location("loc_0001").lastRequest()).isEmpty();
        assertThat(sandbox.counters().requests()).isZero();
    }

    @Test
    void eachLocationsCountersSayWhenItsFirstAndLastCallCameAndTheRateBetween() {
        Instant start = Instant.parse("2026-12-01T12:00:00Z");
        MutableClock clock = new MutableClock(start);
        try (GhlSandbox timed = GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("100/10s")
                .withLocations(2)
                .withClock(clock))) {
            Ghl first = Ghl.forLocation(timed, "loc_0001");
            for (int i = 0; i < 11; i++) {
                assertThat(first.get("/workflows/?locationId=loc_0001").status())
                        .isEqualTo(200);
                clock.advance(java.time.Duration.ofMillis(104));
            }

            SandboxCounters.LocationCounters busy = timed.counters().location("loc_0001");
            assertThat(busy.firstRequest()).contains(start);
            assertThat(busy.lastRequest()).contains(start.plusMillis(10 * 104));
            assertThat(busy.span()).isEqualTo(java.time.Duration.ofMillis(10 * 104));
            // Ten intervals of 104 ms: the 9.6 calls a second a limiter at 96 % of 100/10 s holds.
            assertThat(busy.callsPerSecond()).isCloseTo(9.615, org.assertj.core.data.Offset.offset(0.001));
            SandboxCounters.LocationCounters quiet = timed.counters().location("loc_0002");
            assertThat(quiet.firstRequest()).isEmpty();
            assertThat(quiet.callsPerSecond()).isZero();
            assertThat(quiet.span()).isZero();
        }
    }

    @Test
    void theDefaultRateLimitIsGhlsBurstOf100Per10Seconds() {
        SandboxConfig config = GhlSandboxMain.parse(new String[] {"--locations", "50"});

        assertThat(config.burstLimit()).isEqualTo(100);
        assertThat(config.burstWindow()).hasSeconds(10);
        assertThat(config.dailyLimit()).isEqualTo(200_000);
        assertThat(config.locationCount()).isEqualTo(50);
    }

    @Test
    void statsByLocationCountWhatHappenedInEachLocation() {
        Ghl first = Ghl.forLocation(sandbox, "loc_0001");
        Ghl second = Ghl.forLocation(sandbox, "loc_0002");
        String ann = first.post("/contacts/upsert", Ghl.contact("loc_0001", "Ann", "ann@example.com", "+14075550123"))
                .map("contact")
                .get("id")
                .toString();
        // A second contact with Ann's phone: a duplicate in loc_0001 only.
        first.post("/contacts/", Ghl.contact("loc_0001", "Annie", "annie@example.com", "+14075550123"));
        // The same person in another location is not a duplicate.
        String bo = second.post("/contacts/upsert", Ghl.contact("loc_0002", "Bo", "ann@example.com", "+14075550123"))
                .map("contact")
                .get("id")
                .toString();
        for (int i = 0; i < 2; i++) {
            second.post("/conversations/messages", Map.of("type", "SMS", "contactId", bo, "message", "Hi Bo, welcome"));
        }
        first.post(
                "/opportunities/",
                Map.of(
                        "pipelineId",
                        "pipe_recruiting",
                        "locationId",
                        "loc_0001",
                        "name",
                        "Ann",
                        "pipelineStageId",
                        "stage_lead",
                        "status",
                        "open",
                        "contactId",
                        ann));
        first.post("/contacts/" + ann + "/workflow/wf_speed_to_lead", Map.of());

        SandboxStats stats = sandbox.stats();
        SandboxStats.LocationStats one = stats.location("loc_0001");
        SandboxStats.LocationStats two = stats.location("loc_0002");
        assertThat(one.contacts()).isEqualTo(2);
        assertThat(one.duplicateContacts()).isEqualTo(1);
        assertThat(one.opportunities()).isEqualTo(1);
        assertThat(one.workflowEnrollments()).isEqualTo(1);
        assertThat(one.messagesByType()).containsEntry("SMS", 0L).containsEntry("Email", 0L);
        assertThat(two.contacts()).isEqualTo(1);
        assertThat(two.duplicateContacts()).isZero();
        assertThat(two.messagesByType()).containsEntry("SMS", 2L);
        assertThat(two.duplicateMessages()).isEqualTo(1);
        assertThat(two.opportunities()).isZero();
        assertThat(stats.duplicateContacts()).isEqualTo(1);
        assertThat(stats.byLocation()).hasSize(LOCATIONS);

        Map<String, Object> json = admin.get("/_sandbox/stats").map("byLocation");
        assertThat(json).containsOnlyKeys("loc_0001", "loc_0002", "loc_0003", "loc_0004", "loc_0005");
        @SuppressWarnings("unchecked")
        Map<String, Object> loc2 = (Map<String, Object>) json.get("loc_0002");
        assertThat(loc2)
                .containsOnlyKeys(
                        "requests",
                        "rateLimited",
                        "contacts",
                        "opportunities",
                        "messagesByType",
                        "workflowEnrollments",
                        "duplicateContacts",
                        "duplicateMessages",
                        "locationTokens",
                        "opportunitiesByAssignee",
                        "contactsByAssignee");
        assertThat(((Number) loc2.get("contacts")).longValue()).isEqualTo(1);
        assertThat(((Number) loc2.get("requests")).longValue()).isEqualTo(3);
        assertThat(loc2.get("messagesByType")).isEqualTo(Map.of("Email", 0L, "SMS", 2L));
    }

    @Test
    void theAgencyInstallReachesEveryLocation() {
        SandboxCredentials.OAuthClient client = sandbox.credentials().oauth();
        String redirect = "http://localhost:9/oauth/callback";
        Ghl.Response authorize = Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl()
                        + "/oauth/chooselocation?response_type=code&redirect_uri=" + enc(redirect) + "&client_id="
                        + client.clientId()))
                .GET()
                .build());
        String location = authorize.header("Location");
        String code = location.substring(location.indexOf("code=") + 5);
        Ghl.Response company = Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=" + client.clientId() + "&client_secret="
                        + client.clientSecret() + "&grant_type=authorization_code&code=" + code
                        + "&user_type=Company"))
                .build());
        assertThat(company.status()).isEqualTo(200);
        assertThat(company.list("approvedLocations")).hasSize(LOCATIONS);

        Ghl agency = new Ghl(sandbox.baseUrl(), company.str("access_token"));
        Ghl.Response minted = agency.postForm("/oauth/locationToken", "companyId=comp_abc&locationId=loc_0004");
        assertThat(minted.status()).isEqualTo(200);
        Ghl asLocation = new Ghl(sandbox.baseUrl(), minted.str("access_token"));
        assertThat(asLocation
                        .post("/contacts/upsert", Ghl.contact("loc_0004", "Cy", "cy@example.com", "+14075550125"))
                        .status())
                .isEqualTo(200);
        assertThat(sandbox.stats().location("loc_0004").requests()).isEqualTo(1);
        assertThat(sandbox.stats().location("loc_0004").locationTokens())
                .as("minted with the agency's token, counted for the location")
                .isEqualTo(1);
        assertThat(sandbox.stats().location("loc_0003").locationTokens()).isZero();
        assertThat(Ghl.execute(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/_sandbox/stats"))
                                .GET()
                                .build())
                        .raw())
                .contains("\"locationTokens\":1");
    }

    @Test
    void theLocationCountIsChecked() {
        assertThatThrownBy(() -> GhlSandboxMain.parse(new String[] {"--locations", "-1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GhlSandboxMain.parse(new String[] {"--locations", "many"}))
                .hasMessageContaining("--locations");
        assertThat(SandboxConfig.defaults().withLocations(10_000).locationCount())
                .isEqualTo(10_000);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
