package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.LOC;
import static io.recruitflow.adapter.ghl.MockGhl.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.GhlAuthException;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.GhlException.Kind;
import io.recruitflow.domain.shared.GhlOutcomeUnknownException;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.RateBudget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Protocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failure behaviour: 429s, 5xx on reads and creates, timeouts, resets, refused connections, typed errors. */
class FailureTest {
    private final MockWebServer server = new MockWebServer();
    private GhlClient ghl;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ghl = MockGhl.client(server);
    }

    @AfterEach
    void stop() {
        ghl.close();
        MockGhl.closeQuietly(server);
    }

    private static ContactDraft draft() {
        return new ContactDraft(
                new LocationId(LOC),
                "John",
                "Smith",
                Optional.of(new EmailAddress("j@example.com")),
                Optional.empty(),
                Set.of(),
                List.of(),
                Optional.empty());
    }

    private static MockResponse contact() {
        return json("{\"contact\":" + MockGhl.contactJson("cont_1") + "}");
    }

    @Test
    void a429IsRetriedAfterTheWaitItsHeadersImplyAndTheBudgetIsExposed() throws Exception {
        server.enqueue(json(429, "{\"statusCode\":429,\"message\":\"Too many requests\"}")
                .setHeader("Retry-After", "1")
                .setHeader("X-RateLimit-Max", "100")
                .setHeader("X-RateLimit-Remaining", "0")
                .setHeader("X-RateLimit-Interval-Milliseconds", "10000"));
        server.enqueue(contact()
                .setHeader("X-RateLimit-Max", "100")
                .setHeader("X-RateLimit-Remaining", "99")
                .setHeader("X-RateLimit-Interval-Milliseconds", "10000")
                .setHeader("X-RateLimit-Limit-Daily", "200000")
                .setHeader("X-RateLimit-Daily-Remaining", "199998"));

        long start = System.nanoTime();
        assertThat(ghl.contacts().find(new ContactId("cont_1"))).isPresent();
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waitedMs).isGreaterThanOrEqualTo(950);
        RateBudget budget =
                ghl.rateBudget(TokenOwner.location(new LocationId(LOC))).orElseThrow();
        assertThat(budget).isEqualTo(new RateBudget(100, 99, Duration.ofSeconds(10), 200_000, 199_998));
        assertThat(ghl.authorization().budget(TokenOwner.location(new LocationId(LOC))))
                .contains(budget);
    }

    @Test
    void a429OnACreateIsRetriedTooBecauseNothingWasDone() throws Exception {
        server.enqueue(json(429, "{}")
                .setHeader("X-Rate-Limit-Limit", "100")
                .setHeader("X-Rate-Limit-Remaining", "0")
                .setHeader("X-Rate-Limit-Reset", "0"));
        server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_1") + "}"));

        assertThat(ghl.contacts().create(draft()).id().value()).isEqualTo("cont_1");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSpentDailyQuotaIsNotRetried() {
        server.enqueue(json(429, "{\"message\":\"daily limit\"}").setHeader("X-RateLimit-Daily-Remaining", "0"));

        GhlException e =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().find(new ContactId("c")));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(429);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a500OnAGetIsRetriedUntilItSucceeds() {
        server.enqueue(json(500, "{\"statusCode\":500,\"message\":\"Internal server error\"}"));
        server.enqueue(json(502, "<html>bad gateway</html>"));
        server.enqueue(contact());

        assertThat(ghl.contacts().find(new ContactId("cont_1"))).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a500OnAGetFailsAsServerErrorOnceAttemptsRunOut() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(
                    json(500, "{\"statusCode\":500,\"message\":\"Internal server error\",\"traceId\":\"tr-500\"}"));
        }

        GhlException e =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().find(new ContactId("cont_1")));

        assertThat(e).isNotInstanceOf(GhlOutcomeUnknownException.class);
        assertThat(e.kind()).isEqualTo(Kind.SERVER_ERROR);
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.traceId()).contains("tr-500");
        assertThat(e.retryable()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void a500OnACreateIsNeverRetriedAndTheOutcomeIsUnknown() {
        server.enqueue(json(500, "{\"statusCode\":500,\"message\":\"Internal server error\"}"));
        server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_dup") + "}"));

        GhlOutcomeUnknownException e = catchThrowableOfType(
                GhlOutcomeUnknownException.class, () -> ghl.contacts().create(draft()));

        assertThat(e.kind()).isEqualTo(Kind.OUTCOME_UNKNOWN);
        assertThat(e.status()).isEqualTo(500);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSendThatTimesOutIsOutcomeUnknownAndSentOnce() {
        server.enqueue(json("{\"conversationId\":\"c\",\"messageId\":\"m\"}").setHeadersDelay(3, TimeUnit.SECONDS));

        long start = System.nanoTime();
        assertThatThrownBy(() ->
                        ghl.conversations().send(OutgoingMessage.sms(new LocationId(LOC), new ContactId("c"), "hi")))
                .isInstanceOf(GhlOutcomeUnknownException.class);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aGetThatTimesOutIsRetried() {
        server.enqueue(contact().setHeadersDelay(3, TimeUnit.SECONDS));
        server.enqueue(contact());

        assertThat(ghl.contacts().find(new ContactId("cont_1"))).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aResetAfterTheRequestIsRetriedForAGetButNotForACreate() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(contact());
        assertThat(ghl.contacts().find(new ContactId("cont_1"))).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_dup") + "}"));
        assertThatThrownBy(() -> ghl.contacts().create(draft())).isInstanceOf(GhlOutcomeUnknownException.class);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aBodyCutShortIsRetriedForAnUpsert() {
        server.enqueue(contact().setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));
        server.enqueue(json("{\"new\":false,\"contact\":" + MockGhl.contactJson("cont_1") + "}"));
        assertThat(ghl.contacts().upsert(draft()).created()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRefusedConnectionIsRetriedEvenForACreate() throws Exception {
        int port = server.getPort();
        server.shutdown();
        MockWebServer later = new MockWebServer();
        later.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_1") + "}"));
        int[] refused = {0};
        GhlClient client = GhlClient.create(
                MockGhl.config(server).build(),
                null,
                Clock.system(),
                GhlClient.defaultPermitSource(MockGhl.config(server).build()),
                b -> b.eventListener(new EventListener() {
                    @Override
                    public void connectFailed(
                            Call call, InetSocketAddress address, Proxy proxy, Protocol protocol, IOException e) {
                        if (refused[0]++ == 0) {
                            try {
                                later.start(port); // GHL comes back before our next attempt
                            } catch (IOException ex) {
                                throw new IllegalStateException(ex);
                            }
                        }
                    }
                }));
        try {
            assertThat(client.contacts().create(draft()).id().value()).isEqualTo("cont_1");
            assertThat(refused[0]).isEqualTo(1);
            assertThat(later.getRequestCount()).isEqualTo(1);
        } finally {
            client.close();
            MockGhl.closeQuietly(later);
        }
    }

    @Test
    void aCreateThatCannotConnectAtAllFailsAsNetworkNotUnknown() throws Exception {
        server.shutdown();

        GhlException e =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().create(draft()));

        assertThat(e).isNotInstanceOf(GhlOutcomeUnknownException.class);
        assertThat(e.kind()).isEqualTo(Kind.NETWORK);
    }

    @Test
    void errorsBecomeTypedFailuresWithGhlsMessage() {
        server.enqueue(json(400, "{\"statusCode\":400,\"message\":\"Bad Request\",\"traceId\":\"t-400\"}"));
        server.enqueue(json(404, "{\"statusCode\":404,\"message\":\"Contact not found\"}"));
        server.enqueue(json(
                422,
                "{\"statusCode\":422,\"message\":[\"email must be an email\",\"phone is invalid: +14075551234\"],"
                        + "\"error\":\"Unprocessable Entity\"}"));
        server.enqueue(
                json(403, "{\"statusCode\":403,\"message\":\"The token does not have access to this location.\"}"));

        GhlException bad = catchThrowableOfType(
                GhlException.class,
                () -> ghl.opportunities()
                        .updateStatus(
                                new io.recruitflow.domain.pipeline.OpportunityId("o"),
                                io.recruitflow.domain.pipeline.OpportunityStatus.WON));
        assertThat(ghl.contacts().find(new ContactId("missing"))).isEmpty();
        GhlException unprocessable =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().create(draft()));
        GhlException forbidden =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().find(new ContactId("c")));

        assertThat(bad.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(bad.traceId()).contains("t-400");
        assertThat(bad.retryable()).isFalse();
        // A 422 on a create is plain UNPROCESSABLE (GHL may still have created it: the app reconciles).
        assertThat(unprocessable).isNotInstanceOf(GhlOutcomeUnknownException.class);
        assertThat(unprocessable.kind()).isEqualTo(Kind.UNPROCESSABLE);
        assertThat(unprocessable.ghlMessage().orElseThrow())
                .contains("email must be an email; phone is invalid")
                .doesNotContain("4075551234".substring(0, 6));
        assertThat(forbidden).isInstanceOf(GhlAuthException.class);
        assertThat(forbidden.kind()).isEqualTo(Kind.FORBIDDEN);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aStaticToken401IsAnAuthFailureWithoutRetry() {
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));

        GhlException e =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().find(new ContactId("c")));

        assertThat(e).isInstanceOf(GhlAuthException.class);
        assertThat(e.kind()).isEqualTo(Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(MockGhl.TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theCircuitBreakerOpensAfterRepeatedFailuresAndFailsFastWithoutSending() throws Exception {
        ghl.close();
        ghl = GhlClient.create(
                MockGhl.config(server)
                        .maxAttempts(1)
                        .circuitBreaker(3, Duration.ofMinutes(1))
                        .build(),
                null,
                Clock.system());
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(503, "{}"));
        }
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> ghl.contacts().find(new ContactId("c"))).isInstanceOf(GhlException.class);
        }
        GhlException e =
                catchThrowableOfType(GhlException.class, () -> ghl.contacts().create(draft()));

        assertThat(e).isNotInstanceOf(GhlOutcomeUnknownException.class);
        assertThat(e.getMessage()).contains("circuit breaker open");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(ghl.breakerClosed(TokenOwner.location(new LocationId(LOC)))).isFalse();
    }

    @Test
    void aLocationWithoutAKnownOrDefaultLocationNamesTheFix() throws Exception {
        ghl.close();
        ghl = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(server.url("/").toString())
                        .oauth("client", "secret", "https://app.example/cb")
                        .build(),
                new CountingTokenStore(),
                Clock.system());

        assertThatThrownBy(() -> ghl.contacts().find(new ContactId("cont_x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default location");
        assertThat(server.getRequestCount()).isZero();
    }
}
