package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private static GhlSandbox sandbox;
    private Ghl ghl;
    private Ghl admin;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
        admin = new Ghl(sandbox.baseUrl(), null);
    }

    @Test
    void aRouteCanBeMadeToFailWith500Or503Or429WhileOthersStayHealthy() {
        admin.post("/_sandbox/faults", Json.obj("route", "POST /contacts/", "error500", 1.0));
        Ghl.Response failed = ghl.post("/contacts/", Ghl.contact("loc_abc123", "A", "a@example.com", null));
        Ghl.Response healthy = ghl.post("/contacts/upsert", Ghl.contact("loc_abc123", "A", "a@example.com", null));
        admin.post("/_sandbox/faults", Json.obj("route", "POST /contacts", "error503", 1.0));
        Ghl.Response unavailable = ghl.post("/contacts/", Ghl.contact("loc_abc123", "B", "b@example.com", null));
        admin.post("/_sandbox/faults", Json.obj("route", "*", "error429", 1.0));
        Ghl.Response throttled = ghl.get("/users/user_gary123");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.json()).containsEntry("statusCode", 500L).containsKeys("message", "error", "traceId");
        assertThat(healthy.status()).isEqualTo(200);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(sandbox.stats().contacts()).isEqualTo(1);
    }

    @Test
    void createdButUnprocessableAnswers422YetTheContactExists() {
        admin.post("/_sandbox/faults", Json.obj("route", "POST /contacts/", "createdButUnprocessable", 1.0));

        Ghl.Response response = ghl.post("/contacts/", Ghl.contact("loc_abc123", "Q", "q@example.com", null));
        Ghl.Response search = ghl.post(
                "/contacts/search", Json.obj("locationId", "loc_abc123", "pageLimit", 10, "query", "q@example.com"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("message")).isInstanceOf(List.class);
        assertThat(search.list("contacts")).hasSize(1);
    }

    @Test
    void iamUnsupportedAnswersGhls401ThatIsNotAboutTheTokenAndChangesNothing() {
        admin.post("/_sandbox/faults", Json.obj("route", "POST /contacts/", "iamUnsupported", 1.0));

        Ghl.Response response = ghl.post("/contacts/", Ghl.contact("loc_abc123", "Q", "q@example.com", null));

        assertThat(response.status()).isEqualTo(401);
        assertThat((String) response.json().get("message")).contains("not yet supported by the IAM Service");
        assertThat(sandbox.stats().contacts()).isZero();
    }

    @Test
    void aResetAbortsTheConnectionWithoutAResponse() {
        admin.post("/_sandbox/faults", Json.obj("route", "GET /users/{userId}", "reset", 1.0));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "/users/user_gary123"))
                .header(
                        "Authorization",
                        "Bearer " + sandbox.credentials().location("loc_abc123").privateIntegrationToken())
                .header("Version", "2021-07-28")
                .GET()
                .build();

        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
        assertThat(ghl.get("/contacts/?locationId=loc_abc123").status()).isEqualTo(200);
    }

    @Test
    void latencyIsAdded() {
        admin.post("/_sandbox/faults", Json.obj("route", "GET /users/{userId}", "latencyMs", 150));

        long start = System.nanoTime();
        Ghl.Response response = ghl.get("/users/user_gary123");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.status()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aSeedMakesTheRollsRepeatable() {
        List<Integer> first = statuses(42);
        List<Integer> second = statuses(42);

        assertThat(first).isEqualTo(second).contains(200, 500);
    }

    @Test
    void faultsAreListedAndCleared() {
        admin.post("/_sandbox/faults", Json.obj("route", "POST /contacts/", "error500", 0.5));
        Ghl.Response listed = admin.get("/_sandbox/faults");
        admin.delete("/_sandbox/faults", null);
        Ghl.Response cleared = admin.get("/_sandbox/faults");
        admin.post("/_sandbox/faults", Json.obj("route", "*", "error500", 1.0));
        admin.post("/_sandbox/faults", Json.obj("clear", true));

        assertThat(listed.list("faults")).extracting(f -> f.get("route")).containsExactly("POST /contacts");
        assertThat(cleared.list("faults")).isEmpty();
        assertThat(ghl.get("/users/user_gary123").status()).isEqualTo(200);
        assertThat(admin.post("/_sandbox/faults", Json.obj("route", "*", "error500", 0.8, "error503", 0.8))
                        .status())
                .isEqualTo(422);
    }

    private List<Integer> statuses(long seed) {
        admin.post("/_sandbox/faults", Json.obj("route", "GET /users/{userId}", "error500", 0.5, "seed", seed));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            statuses.add(ghl.get("/users/user_gary123").status());
        }
        admin.delete("/_sandbox/faults", null);
        return statuses;
    }
}
