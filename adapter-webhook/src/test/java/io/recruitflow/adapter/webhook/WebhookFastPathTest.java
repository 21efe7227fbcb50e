package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WebhookFastPath}: webhooks with a declared length are answered on Jetty's handler API without holding a
 * thread while their commit runs; the others still take the servlet route, with the same answers.
 */
class WebhookFastPathTest {

    private static final Instant NOW = WebhookReceiverHttpTest.NOW;

    private final FakeEventInbox inbox = new FakeEventInbox();
    private WebhookServer server;
    private Http http;

    private void start() {
        WebhookConfig config = WebhookConfig.defaults().withPublicKeys(TestKeys.publicKeysFile());
        server = WebhookServer.builder(config)
                .inbox(inbox)
                .clock(new MutableClock(NOW))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }

    @Test
    void webhooks_waiting_for_their_commit_hold_no_server_thread_each() throws Exception {
        start();
        int requests = 300; // more than the server's thread pool could park (Javalin's default: 250 threads)
        inbox.commitCost(Duration.ofMillis(1_000));
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            byte[] body = Bodies.contactCreate("wh_wait_" + i, NOW);
            answers.add(Http.CLIENT.sendAsync(
                    http.request("/webhooks/ghl")
                            .header("Content-Type", "application/json")
                            .header(SignatureVerifier.ED25519_HEADER, TestKeys.signEd25519(body))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        // While the commits are slow, the waiting requests are in the committer's queue, not on threads.
        Thread.sleep(500);
        long serverThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("JettyServerThreadPool"))
                .count();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> r = answer.get();
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
            assertThat(r.body()).contains("stored");
        }
        assertThat(inbox.stats().stored()).isEqualTo(requests);
        assertThat(serverThreads)
                .as("server threads while %d webhooks waited", requests)
                .isLessThan(100);
    }

    @Test
    void a_webhook_without_a_declared_length_takes_the_servlet_route_with_the_same_answers() {
        start();
        byte[] body = Bodies.contactCreate("wh_chunked", NOW);
        HttpResponse<String> stored = chunked(body, TestKeys.signEd25519(body));
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(stored.body()).contains("stored");
        assertThat(inbox.find("wh_chunked").orElseThrow().event().rawBody()).isEqualTo(body);

        byte[] other = Bodies.contactCreate("wh_chunked_2", NOW);
        HttpResponse<String> forged = chunked(other, TestKeys.signEd25519(body));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> forgedWithLength = http.post(
                "/webhooks/ghl",
                other,
                "Content-Type",
                "application/json",
                SignatureVerifier.ED25519_HEADER,
                TestKeys.signEd25519(body));
        assertThat(forgedWithLength.statusCode()).isEqualTo(401);
        assertThat(forged.body()).isEqualTo(forgedWithLength.body());
        assertThat(inbox.find("wh_chunked_2")).isEmpty();
    }

    /** POSTs the body without a declared length (chunked), as a stream. */
    private HttpResponse<String> chunked(byte[] body, String signature) {
        return http.send(http.request("/webhooks/ghl")
                .header("Content-Type", "application/json")
                .header(SignatureVerifier.ED25519_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());
    }
}
