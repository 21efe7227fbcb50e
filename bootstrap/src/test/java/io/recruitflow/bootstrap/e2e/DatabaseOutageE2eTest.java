package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.shared.Clock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real receiver on the real (embedded) PostgreSQL, with the database frozen mid-test (SIGSTOP on the
 * postmaster and its backends): a verified webhook that cannot be stored gets 429 — never a 5xx, which
 * GHL would not retry — readiness drops, and once the database is back the retried event is stored once.
 */
class DatabaseOutageE2eTest {
    @TempDir
    Path dir;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aWebhookThatCannotBeStoredGets429AndIsStoredOnceWhenRetried() throws Exception {
        KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Settings settings = E2e.receiverOnlySettings(dir, keys, "an-admin-token-for-the-outage-test");
        try (RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
            int port = runtime.startHttp();
            assertThat(post(port, keys, "wh-before")).isEqualTo(200);
            assertThat(ready(port)).isEqualTo(200);

            long postmaster = Long.parseLong(
                    Files.readAllLines(dir.resolve("data").resolve("pg").resolve("postmaster.pid"))
                            .get(0)
                            .strip());
            signalTree(postmaster, "STOP");
            try {
                assertThat(post(port, keys, "wh-during"))
                        .as("stored? no: GHL must retry")
                        .isEqualTo(429);
                assertThat(ready(port)).isEqualTo(503);
            } finally {
                signalTree(postmaster, "CONT");
            }

            Instant deadline = Instant.now().plusSeconds(60);
            int status = 0;
            while (status != 200 && Instant.now().isBefore(deadline)) {
                status = post(port, keys, "wh-during"); // GHL's retry of the same event
                if (status != 200) {
                    Thread.sleep(500);
                }
            }
            assertThat(status).isEqualTo(200);
            EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
            assertThat(inbox.find("wh-during")).isPresent();
            assertThat(inbox.stats().stored()).isEqualTo(2);
        }
    }

    private int post(int port, KeyPair keys, String webhookId) throws Exception {
        byte[] body = ("{\"type\":\"NoteCreate\",\"webhookId\":\"" + webhookId + "\",\"locationId\":\"loc_abc123\","
                        + "\"contactId\":\"c1\",\"timestamp\":\"" + Instant.now() + "\",\"body\":\"a note\"}")
                .getBytes(StandardCharsets.UTF_8);
        Signature ed = Signature.getInstance("Ed25519");
        ed.initSign(keys.getPrivate());
        ed.update(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-GHL-Signature", Base64.getEncoder().encodeToString(ed.sign()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int ready(int port) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Sends a signal to the postmaster and every backend it forked. */
    private static void signalTree(long pid, String signal) throws Exception {
        ProcessHandle.of(pid).orElseThrow().descendants().forEach(child -> signal(child.pid(), signal));
        signal(pid, signal);
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
