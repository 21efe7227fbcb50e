package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/** Test helpers around MockWebServer: fast-retry configs and JSON answers. */
final class MockGhl {
    private MockGhl() {}

    static final String TOKEN = "pit-secret-token-123";
    static final String LOC = "loc_abc123";
    static final LocationId LOCATION = new LocationId(LOC);

    /** A static-token config against the server with millisecond backoffs and short timeouts. */
    static GhlClientConfig.Builder config(MockWebServer server) {
        return GhlClientConfig.builder()
                .baseUrl(server.url("/").toString())
                .privateIntegrationToken(TOKEN)
                .defaultLocation(LOC)
                .rateLimit("1000/1s")
                .backoff(Duration.ofMillis(1), Duration.ofMillis(5))
                .attemptTimeout(Duration.ofMillis(800))
                .connectTimeout(Duration.ofMillis(500));
    }

    static GhlClient client(MockWebServer server) {
        return GhlClient.create(config(server).build(), null, Clock.system());
    }

    static GhlClient client(GhlClientConfig config, CredentialStore store, Clock clock) {
        return GhlClient.create(config, store, clock);
    }

    /** The GHL detail behind a failure; fails the test when there is none. */
    static GhlHttpError detail(Throwable failure) {
        return GhlHttpError.of(failure).orElseThrow(() -> new AssertionError("no GhlHttpError in " + failure));
    }

    static MockResponse json(int status, String body) {
        return new MockResponse()
                .setResponseCode(status)
                .setHeader("Content-Type", "application/json")
                .setBody(body);
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    static RecordedRequest take(MockWebServer server) throws InterruptedException {
        RecordedRequest r = server.takeRequest(2, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request arrived");
        }
        return r;
    }

    static String contactJson(String id) {
        return "{\"id\":\"" + id + "\",\"locationId\":\"" + LOC + "\",\"firstName\":\"John\",\"lastName\":\"Smith\","
                + "\"email\":\"john.smith@example.com\",\"phone\":\"+14075551234\",\"tags\":[\"Licensed\"],"
                + "\"customFields\":[{\"id\":\"cf_license_state\",\"value\":\"FL\"}],\"dateAdded\":\"2026-02-12T13:00:00Z\"}";
    }

    static void closeQuietly(MockWebServer server) {
        try {
            server.shutdown();
        } catch (IOException ignored) {
            // already down
        }
    }
}
