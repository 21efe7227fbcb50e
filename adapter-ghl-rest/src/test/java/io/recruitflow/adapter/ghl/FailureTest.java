package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.LOCATION;
import static io.recruitflow.adapter.ghl.MockGhl.detail;
import static io.recruitflow.adapter.ghl.MockGhl.json;
import static io.recruitflow.adapter.ghl.MockGhl.take;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.time.Duration;
import java.time.Instant;
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

/**
 * Failure behaviour on the wire: 429s, 5xx on reads and creates, timeouts, resets, refused connections, and
 * the ExternalFailure subtype each ends as, with GHL's detail ({@link GhlHttpError}) as its cause.
 */
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
                LOCATION,
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
        assertThat(ghl.contacts().find(LOCATION, new ContactId("cont_1"))).isPresent();
        long waitedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(waitedMs).isGreaterThanOrEqualTo(950);
        CallBudget budget = ghl.rateBudget(TokenOwner.location(LOCATION)).orElseThrow();
        assertThat(budget)
                .isEqualTo(new CallBudget(100, 99, Duration.ofSeconds(10), 200_000, 199_998, budget.dailyResetAt()));
        // Without X-RateLimit-Daily-Reset, the quota comes back at GHL's day's end: the next midnight UTC.
        assertThat(budget.dailyResetAt())
                .isAfter(Instant.now())
                .isBeforeOrEqualTo(Instant.now().plus(Duration.ofDays(1)));
        assertThat(budget.dailyResetAt().toEpochMilli() % 86_400_000L).isZero();
        assertThat(ghl.callBudgets().of(LOCATION)).contains(budget);
        assertThat(ghl.callBudgets().known()).containsExactly(java.util.Map.entry(LOCATION, budget));
    }

    @Test
    void onceGhlSaidTheDailyQuotaIsSpentTheNextCallIsNotSentAndWaitsForTheReset() throws Exception {
        Instant reset = Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        server.enqueue(contact()
                .setHeader("X-RateLimit-Limit-Daily", "200000")
                .setHeader("X-RateLimit-Daily-Remaining", "0")
                .setHeader("X-RateLimit-Daily-Reset", Long.toString(reset.toEpochMilli())));
        assertThat(ghl.contacts().find(LOCATION, new ContactId("cont_1"))).isPresent();
        assertThat(ghl.callBudgets().of(LOCATION).orElseThrow().dailyResetAt()).isEqualTo(reset);

        ExternalFailure.Unavailable failure = catchThrowableOfType(
                () -> ghl.contacts().find(LOCATION, new ContactId("cont_1")), ExternalFailure.Unavailable.class);

        assertThat(server.getRequestCount()).as("calls sent").isEqualTo(1);
        assertThat(failure.retryAfter()).contains(reset);
        assertThat(failure.getMessage()).contains("daily quota").contains("not sent");
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
    void aSpentDailyQuotaIsUnavailableUntilTheDailyResetGhlDeclared() {
        java.time.Instant reset = java.time.Instant.now()
                .plus(java.time.Duration.ofHours(5))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        server.enqueue(json(200, "{\"contact\":{\"id\":\"c\",\"locationId\":\"" + LOCATION.value() + "\"}}")
                .setHeader("X-RateLimit-Daily-Remaining", "1")
                .setHeader("X-RateLimit-Daily-Reset", Long.toString(reset.toEpochMilli())));
        server.enqueue(json(429, "{\"message\":\"daily limit\"}").setHeader("X-RateLimit-Daily-Remaining", "0"));
        ghl.contacts().find(LOCATION, new ContactId("c"));

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().find(LOCATION, new ContactId("c")));

        assertThat(e.getMessage()).contains("daily quota exhausted");
        assertThat(e.retryAfter())
                .hasValueSatisfying(
                        at -> assertThat(at).isCloseTo(reset, within(2, java.time.temporal.ChronoUnit.SECONDS)));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aSpentDailyQuotaIsNotRetried() {
        server.enqueue(json(429, "{\"message\":\"daily limit\"}").setHeader("X-RateLimit-Daily-Remaining", "0"));

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().find(LOCATION, new ContactId("c")));

        assertThat(detail(e).status()).isEqualTo(429);
        assertThat(e.getMessage()).contains("daily quota exhausted");
        assertThat(e.retryAfter()).isEmpty(); // GHL did not say when the day's quota comes back
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a500OnAGetIsRetriedUntilItSucceeds() {
        server.enqueue(json(500, "{\"statusCode\":500,\"message\":\"Internal server error\"}"));
        server.enqueue(json(502, "<html>bad gateway</html>"));
        server.enqueue(contact());

        assertThat(ghl.contacts().find(LOCATION, new ContactId("cont_1"))).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void a500OnAGetFailsAsServerErrorOnceAttemptsRunOut() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(
                    json(500, "{\"statusCode\":500,\"message\":\"Internal server error\",\"traceId\":\"tr-500\"}"));
        }

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().find(LOCATION, new ContactId("cont_1")));

        GhlHttpError ghlSaid = detail(e);
        assertThat(ghlSaid.reason()).isEqualTo(Reason.ANSWERED);
        assertThat(ghlSaid.status()).isEqualTo(500);
        assertThat(ghlSaid.route()).isEqualTo("GET /contacts/{id}");
        assertThat(ghlSaid.traceId()).contains("tr-500");
        assertThat(ghlSaid.ghlMessage()).contains("Internal server error");
        assertThat(e.reference()).contains("tr-500");
        assertThat(e.getCause()).isSameAs(ghlSaid);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void a500OnACreateIsNeverRetriedAndTheOutcomeIsUnknown() {
        server.enqueue(json(500, "{\"statusCode\":500,\"message\":\"Internal server error\"}"));
        server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_dup") + "}"));

        ExternalFailure.OutcomeUnknown e = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class, () -> ghl.contacts().create(draft()));

        assertThat(detail(e).status()).isEqualTo(500);
        assertThat(detail(e).route()).isEqualTo("POST /contacts/");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aSendThatTimesOutIsOutcomeUnknownAndSentOnce() {
        server.enqueue(json("{\"conversationId\":\"c\",\"messageId\":\"m\"}").setHeadersDelay(3, TimeUnit.SECONDS));

        long start = System.nanoTime();
        ExternalFailure.OutcomeUnknown e = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class,
                () -> ghl.conversations().send(OutgoingMessage.sms(LOCATION, new ContactId("c"), "hi")));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_500);
        assertThat(detail(e).reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(detail(e).status()).isZero();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aGetThatTimesOutIsRetried() {
        server.enqueue(contact().setHeadersDelay(3, TimeUnit.SECONDS));
        server.enqueue(contact());

        assertThat(ghl.contacts().find(LOCATION, new ContactId("cont_1"))).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aResetAfterTheRequestIsRetriedForAGetButNotForACreate() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(contact());
        assertThat(ghl.contacts().find(LOCATION, new ContactId("cont_1"))).isPresent();
        assertThat(server.getRequestCount()).isEqualTo(2);

        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_dup") + "}"));
        ExternalFailure.OutcomeUnknown e = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class, () -> ghl.contacts().create(draft()));
        assertThat(detail(e).reason()).isEqualTo(Reason.CONNECTION_BROKEN);
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

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().create(draft()));

        assertThat(detail(e).reason()).isEqualTo(Reason.CONNECTION_REFUSED);
        assertThat(detail(e).status()).isZero();
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
        server.enqueue(json(422, "{\"statusCode\":422,\"message\":[\"locationId should not be empty\"]}"));

        ExternalFailure.Rejected bad = catchThrowableOfType(
                ExternalFailure.Rejected.class,
                () -> ghl.opportunities().updateStatus(LOCATION, new OpportunityId("o"), OpportunityStatus.WON));
        assertThat(ghl.contacts().find(LOCATION, new ContactId("missing"))).isEmpty();
        ExternalFailure.OutcomeUnknown unprocessable = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class, () -> ghl.contacts().create(draft()));
        ExternalFailure.AccessDenied forbidden = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.contacts().find(LOCATION, new ContactId("c")));
        ExternalFailure.Rejected unprocessableUpsert = catchThrowableOfType(
                ExternalFailure.Rejected.class, () -> ghl.contacts().upsert(draft()));

        assertThat(detail(bad).status()).isEqualTo(400);
        assertThat(detail(bad).traceId()).contains("t-400");
        assertThat(bad.reference()).contains("t-400");
        // A 422 on a create may still have created the record (GHL docs #64): the outcome is unknown.
        assertThat(detail(unprocessable).status()).isEqualTo(422);
        assertThat(detail(unprocessable).ghlMessage().orElseThrow())
                .contains("email must be an email; phone is invalid")
                .doesNotContain("4075551234".substring(0, 6));
        assertThat(unprocessable.getMessage())
                .contains("email must be an email")
                .doesNotContain("4075551234".substring(0, 6));
        assertThat(detail(forbidden).status()).isEqualTo(403);
        // A 422 on an idempotent call cannot have done anything: a plain refusal.
        assertThat(detail(unprocessableUpsert).status()).isEqualTo(422);
        assertThat(server.getRequestCount()).isEqualTo(5);
    }

    @Test
    void aStaticToken401IsAnAuthFailureWithoutRetry() {
        server.enqueue(json(401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}"));

        ExternalFailure.AccessDenied e = catchThrowableOfType(
                ExternalFailure.AccessDenied.class, () -> ghl.contacts().find(LOCATION, new ContactId("c")));

        assertThat(detail(e).status()).isEqualTo(401);
        assertThat(detail(e).ghlMessage()).contains("Invalid JWT");
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
            assertThatThrownBy(() -> ghl.contacts().find(LOCATION, new ContactId("c")))
                    .isInstanceOf(ExternalFailure.Unavailable.class);
        }
        Instant before = Instant.now();
        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().create(draft()));

        assertThat(e.getMessage()).contains("circuit breaker open");
        assertThat(detail(e).reason()).isEqualTo(Reason.CIRCUIT_OPEN);
        assertThat(e.retryAfter())
                .hasValueSatisfying(
                        at -> assertThat(at).isAfter(before.plusSeconds(50)).isBefore(before.plusSeconds(70)));
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(ghl.breakerClosed(TokenOwner.location(LOCATION))).isFalse();
    }

    @Test
    void aCallNamesItsLocationSoNoDefaultLocationIsNeeded() throws Exception {
        ghl.close();
        CountingCredentialStore store = new CountingCredentialStore();
        LocationId other = new LocationId("loc_other");
        store.tokens.save(new OAuthTokens(
                TokenOwner.location(other), "other-access", "r", Instant.now().plusSeconds(86_400), Set.of()));
        ghl = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(server.url("/").toString())
                        .oauth("client", "secret", "https://app.example/cb")
                        .build(),
                store,
                Clock.system());
        server.enqueue(contact());

        assertThat(ghl.contacts().find(other, new ContactId("cont_1"))).isPresent();
        assertThat(take(server).getHeader("Authorization")).isEqualTo("Bearer other-access");
    }

    @Test
    void noPermitInTimeIsUnavailableAndNothingIsSent() throws Exception {
        ghl.close();
        ghl = GhlClient.create(
                MockGhl.config(server).permitTimeout(Duration.ofMillis(5)).build(),
                null,
                Clock.system(),
                new PermitSource() {
                    @Override
                    public boolean acquire(TokenOwner owner, Duration maxWait) {
                        return false;
                    }
                });

        ExternalFailure.Unavailable e = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().create(draft()));

        assertThat(detail(e).reason()).isEqualTo(Reason.NO_PERMIT);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aCreateAnswerThatNamesNoRecordIsOutcomeUnknown() {
        server.enqueue(json(201, "{\"contact\":{\"firstName\":\"John\"}}"));
        server.enqueue(json("{\"conversationId\":\"conv_1\"}"));

        ExternalFailure.OutcomeUnknown contact = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class, () -> ghl.contacts().create(draft()));
        ExternalFailure.OutcomeUnknown message = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class,
                () -> ghl.conversations().send(OutgoingMessage.sms(LOCATION, new ContactId("c"), "hi")));

        assertThat(detail(contact).reason()).isEqualTo(Reason.UNREADABLE_ANSWER);
        assertThat(detail(contact).status()).isEqualTo(200);
        assertThat(detail(message).route()).isEqualTo("POST /conversations/messages");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a429AfterTheClientsOwnWaitingIsUnavailableUntilWhenGhlSaid() {
        ghl.close();
        ghl = GhlClient.create(MockGhl.config(server).maxAttempts(2).build(), null, Clock.system());
        for (int i = 0; i < 2; i++) {
            server.enqueue(json(429, "{\"statusCode\":429,\"message\":\"Too many requests\"}")
                    .setHeader("Retry-After", "0"));
        }
        server.enqueue(json(429, "{}").setHeader("Retry-After", "120"));

        Instant before = Instant.now();
        ExternalFailure.Unavailable spent = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().find(LOCATION, new ContactId("c")));
        ExternalFailure.Unavailable tooLong = catchThrowableOfType(
                ExternalFailure.Unavailable.class, () -> ghl.contacts().create(draft()));

        assertThat(detail(spent).status()).isEqualTo(429);
        assertThat(spent.retryAfter()).hasValueSatisfying(at -> assertThat(at).isBefore(before.plusSeconds(5)));
        // A wait longer than maxRateLimitWait (60 s) is not waited out in the client: the caller learns when.
        assertThat(tooLong.retryAfter())
                .hasValueSatisfying(
                        at -> assertThat(at).isAfter(before.plusSeconds(110)).isBefore(before.plusSeconds(130)));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }
}
