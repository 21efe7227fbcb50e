package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Wrong admin tokens are throttled per client address: 429 with Retry-After, the right token included. */
class AdminThrottleTest {

    static final String TOKEN = "throttle-token-0123456789abcdef";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T15:00:00Z"));
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        FakeEventInbox inbox = DashboardFixture.inboxWithDeadLetter();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .clock(clock)
                .admin(DashboardFixture.services(q -> DashboardFixture.funnel(), inbox))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    private int stats(String token) {
        return http.get("/api/events/stats", "Authorization", "Bearer " + token).statusCode();
    }

    @Test
    void after_ten_wrong_tokens_every_admin_request_from_the_address_waits() {
        for (int i = 0; i < FailedTokenThrottle.FAILURES; i++) {
            assertThat(stats("wrong-token-0123456789-" + i))
                    .as("attempt %d", i + 1)
                    .isEqualTo(401);
        }
        HttpResponse<String> throttled =
                http.get("/api/events/stats", "Authorization", "Bearer wrong-again-0123456789");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).contains("6");
        assertThat(throttled.body()).contains("too_many_attempts");
        // The right token too: the answer must not tell a guesser that this one was right.
        assertThat(stats(TOKEN)).isEqualTo(429);
        HttpResponse<String> page = http.get("/", "Authorization", basic(TOKEN));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("Too many attempts").doesNotContain("wh_dead_1");
        // Without a token nothing is guessed: the usual 401 and its challenge.
        assertThat(http.get("/api/events/stats").statusCode()).isEqualTo(401);

        // The bucket refills gradually: one attempt every six seconds, the whole allowance after a minute.
        clock.advance(Duration.ofSeconds(6));
        assertThat(stats(TOKEN)).isEqualTo(200);
        assertThat(stats("wrong-token-0123456789-x")).isEqualTo(401);
        assertThat(stats(TOKEN)).isEqualTo(429);
        clock.advance(FailedTokenThrottle.WINDOW);
        for (int i = 0; i < FailedTokenThrottle.FAILURES; i++) {
            assertThat(stats("wrong-token-0123456789-" + i)).isEqualTo(401);
        }
        assertThat(stats(TOKEN)).isEqualTo(429);
    }

    @Test
    void requests_without_credentials_cost_nothing() {
        for (int i = 0; i < 3 * FailedTokenThrottle.FAILURES; i++) {
            assertThat(http.get("/api/events/stats").statusCode()).isEqualTo(401);
            assertThat(http.get("/").statusCode()).isEqualTo(401); // a browser's first, credential-less load
        }
        assertThat(stats(TOKEN)).isEqualTo(200);
        assertThat(http.get("/", "Authorization", basic(TOKEN)).statusCode()).isEqualTo(200);
    }

    @Test
    void another_address_is_not_slowed_down() throws IOException {
        for (int i = 0; i <= FailedTokenThrottle.FAILURES; i++) {
            stats("wrong-token-0123456789-" + i);
        }
        assertThat(stats(TOKEN)).isEqualTo(429);
        // 127.0.0.2 is loopback too, another client address.
        assertThat(statusFrom("127.0.0.2", "Bearer " + TOKEN)).isEqualTo(200);
    }

    @Test
    void the_table_of_addresses_is_bounded() {
        FailedTokenThrottle throttle = new FailedTokenThrottle(clock);
        for (int i = 0; i < FailedTokenThrottle.MAX_ADDRESSES; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        // Full: new addresses share one bucket, so a flood of addresses cannot grow the table.
        for (int i = 0; i < FailedTokenThrottle.FAILURES; i++) {
            throttle.failed("2001:db8::" + Integer.toHexString(i));
        }
        assertThat(throttle.blocked("2001:db8::ffff")).isPresent();
        assertThat(throttle.blocked("10.0.0.1")).isEmpty();
        // Once the old entries have refilled, they are dropped and a new address gets its own bucket again.
        clock.advance(FailedTokenThrottle.WINDOW.plusSeconds(1));
        throttle.failed("192.0.2.1");
        assertThat(throttle.blocked("192.0.2.1")).isEmpty();
        assertThat(throttle.blocked("2001:db8::ffff")).isEmpty();
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A raw HTTP/1.1 request from {@code localAddress}; the status code of the answer. */
    private int statusFrom(String localAddress, String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/events/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
