package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.ghl.GhlCall.Effect;
import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The classifier's table: every outcome of a call, for each kind of call, gives one ExternalFailure subtype, and
 * decides whether the client itself tries again and whether the circuit breaker counts it.
 */
class GhlFailuresTest {
    private static final TokenOwner OWNER = TokenOwner.location(new LocationId("loc_abc123"));
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);

    private static GhlCall call(Effect effect) {
        return switch (effect) {
            case IDEMPOTENT -> GhlCall.idempotent("GET /contacts/{id}", OWNER);
            case CREATE -> GhlCall.create("POST /contacts/", OWNER);
            case GRANT -> GhlCall.grant("POST /oauth/token", OWNER);
        };
    }

    private static AttemptFailure answered(Effect effect, int status) {
        ErrorBodyReader.ErrorInfo info = new ErrorBodyReader.ErrorInfo(status, "GHL said no", "trace-" + status);
        return status == 429
                ? AttemptFailure.rateLimited(call(effect), info, Optional.empty(), Instant.EPOCH, false)
                : AttemptFailure.answered(call(effect), info);
    }

    private static Class<? extends ExternalFailure> subtype(String name) {
        return switch (name) {
            case "Rejected" -> ExternalFailure.Rejected.class;
            case "Unavailable" -> ExternalFailure.Unavailable.class;
            case "OutcomeUnknown" -> ExternalFailure.OutcomeUnknown.class;
            case "AccessDenied" -> ExternalFailure.AccessDenied.class;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "HTTP {0} on a {1} call: {2}, retried inside: {3}, unhealthy: {4}")
    @CsvSource({
        "400, IDEMPOTENT, Rejected,       false, false",
        "400, CREATE,     Rejected,       false, false",
        "400, GRANT,      AccessDenied,   false, false",
        "404, IDEMPOTENT, Rejected,       false, false",
        "404, CREATE,     Rejected,       false, false",
        "404, GRANT,      AccessDenied,   false, false",
        "409, IDEMPOTENT, Rejected,       false, false",
        "409, CREATE,     Rejected,       false, false",
        "409, GRANT,      AccessDenied,   false, false",
        "422, IDEMPOTENT, Rejected,       false, false",
        "422, CREATE,     OutcomeUnknown, false, false",
        "422, GRANT,      AccessDenied,   false, false",
        "413, IDEMPOTENT, Rejected,       false, false",
        "413, CREATE,     Rejected,       false, false",
        "413, GRANT,      AccessDenied,   false, false",
        "401, IDEMPOTENT, AccessDenied,   false, false",
        "401, CREATE,     AccessDenied,   false, false",
        "401, GRANT,      AccessDenied,   false, false",
        "403, IDEMPOTENT, AccessDenied,   false, false",
        "403, CREATE,     AccessDenied,   false, false",
        "403, GRANT,      AccessDenied,   false, false",
        "429, IDEMPOTENT, Unavailable,    true,  false",
        "429, CREATE,     Unavailable,    true,  false",
        "429, GRANT,      Unavailable,    true,  false",
        "500, IDEMPOTENT, Unavailable,    true,  true",
        "500, CREATE,     OutcomeUnknown, false, true",
        "500, GRANT,      Unavailable,    false, true",
        "502, IDEMPOTENT, Unavailable,    true,  true",
        "502, CREATE,     OutcomeUnknown, false, true",
        "502, GRANT,      Unavailable,    false, true",
        "503, IDEMPOTENT, Unavailable,    true,  true",
        "503, CREATE,     OutcomeUnknown, false, true",
        "503, GRANT,      Unavailable,    false, true",
        "504, IDEMPOTENT, Unavailable,    true,  true",
        "504, CREATE,     OutcomeUnknown, false, true",
        "504, GRANT,      Unavailable,    false, true",
    })
    void everyStatusOfEveryKindOfCall(
            int status, Effect effect, String expected, boolean retriedInside, boolean unhealthy) {
        AttemptFailure attempt = answered(effect, status);

        ExternalFailure failure = GhlFailures.failure(attempt);

        assertThat(failure).isExactlyInstanceOf(subtype(expected));
        assertThat(GhlFailures.retryInside(attempt, MAX_WAIT)).isEqualTo(retriedInside);
        assertThat(GhlFailures.unhealthy(attempt)).isEqualTo(unhealthy);
        GhlHttpError detail = GhlHttpError.of(failure).orElseThrow();
        assertThat(failure.getCause()).isSameAs(detail);
        assertThat(detail.status()).isEqualTo(status);
        assertThat(detail.reason()).isEqualTo(Reason.ANSWERED);
        assertThat(detail.route()).isEqualTo(call(effect).route());
        assertThat(detail.ghlMessage()).contains("GHL said no");
        assertThat(failure.reference()).contains("trace-" + status);
        assertThat(failure.getMessage())
                .startsWith("GHL " + call(effect).route() + " as LOCATION:loc_abc123: ")
                .contains("(HTTP " + status + ")", "GHL said no", "[traceId trace-" + status + "]");
    }

    @ParameterizedTest(name = "422 on {0}: {1}")
    @CsvSource({
        "POST /contacts/,                      OutcomeUnknown",
        "POST /opportunities/,                 OutcomeUnknown",
        "POST /conversations/messages,         Rejected",
        "POST /calendars/events/appointments,  Rejected",
    })
    void only_the_creates_ghl_carries_out_despite_a_422_are_of_unknown_outcome(String route, String expected) {
        ErrorBodyReader.ErrorInfo info = new ErrorBodyReader.ErrorInfo(422, "Contact has no phone number", "t");
        AttemptFailure attempt = AttemptFailure.answered(GhlCall.create(route, OWNER), info);

        assertThat(GhlFailures.failure(attempt)).isExactlyInstanceOf(subtype(expected));
    }

    @ParameterizedTest(name = "{0} on a {1} call: {2}, retried inside: {3}, unhealthy: {4}")
    @CsvSource({
        "CONNECTION_REFUSED, IDEMPOTENT, Unavailable,    true,  true",
        "CONNECTION_REFUSED, CREATE,     Unavailable,    true,  true",
        "CONNECTION_REFUSED, GRANT,      Unavailable,    true,  true",
        "TIMEOUT,            IDEMPOTENT, Unavailable,    true,  true",
        "TIMEOUT,            CREATE,     OutcomeUnknown, false, true",
        "TIMEOUT,            GRANT,      Unavailable,    false, true",
        "CONNECTION_BROKEN,  IDEMPOTENT, Unavailable,    true,  true",
        "CONNECTION_BROKEN,  CREATE,     OutcomeUnknown, false, true",
        "CONNECTION_BROKEN,  GRANT,      Unavailable,    false, true",
        "UNREADABLE_ANSWER,  IDEMPOTENT, Unavailable,    false, false",
        "UNREADABLE_ANSWER,  CREATE,     OutcomeUnknown, false, false",
        "UNREADABLE_ANSWER,  GRANT,      Unavailable,    false, false",
    })
    void everyTransportOutcomeOfEveryKindOfCall(
            Reason reason, Effect effect, String expected, boolean retriedInside, boolean unhealthy) {
        AttemptFailure attempt = AttemptFailure.transport(call(effect), reason, new IOException("boom"));

        ExternalFailure failure = GhlFailures.failure(attempt);

        assertThat(failure).isExactlyInstanceOf(subtype(expected));
        assertThat(GhlFailures.retryInside(attempt, MAX_WAIT)).isEqualTo(retriedInside);
        assertThat(GhlFailures.unhealthy(attempt)).isEqualTo(unhealthy);
        GhlHttpError detail = GhlHttpError.of(failure).orElseThrow();
        assertThat(detail.reason()).isEqualTo(reason);
        assertThat(detail.status()).isEqualTo(reason == Reason.UNREADABLE_ANSWER ? 200 : 0);
        assertThat(detail.getCause()).hasMessage("boom");
    }

    @ParameterizedTest(name = "{0} on a {1} call: {2}")
    @CsvSource({
        "NO_PERMIT,     IDEMPOTENT, Unavailable",
        "NO_PERMIT,     CREATE,     Unavailable",
        "CIRCUIT_OPEN,  IDEMPOTENT, Unavailable",
        "CIRCUIT_OPEN,  CREATE,     Unavailable",
        "CIRCUIT_OPEN,  GRANT,      Unavailable",
        "INTERRUPTED,   IDEMPOTENT, Unavailable",
        "INTERRUPTED,   CREATE,     Unavailable",
        "INTERRUPTED,   GRANT,      Unavailable",
        "NO_CREDENTIAL, IDEMPOTENT, AccessDenied",
        "NO_CREDENTIAL, CREATE,     AccessDenied",
        "NO_CREDENTIAL, GRANT,      AccessDenied",
    })
    void aCallThatWasNotSentIsNeverAnUnknownOutcome(Reason reason, Effect effect, String expected) {
        Instant later = Instant.parse("2026-02-12T13:00:30Z");
        AttemptFailure attempt = AttemptFailure.notSent(call(effect), reason, "why", later, null);

        ExternalFailure failure = GhlFailures.failure(attempt);

        assertThat(failure).isExactlyInstanceOf(subtype(expected));
        assertThat(GhlFailures.retryInside(attempt, MAX_WAIT)).isFalse();
        assertThat(GhlFailures.unhealthy(attempt)).isFalse();
        assertThat(GhlHttpError.of(failure).orElseThrow().reason()).isEqualTo(reason);
        if (failure instanceof ExternalFailure.Unavailable unavailable) {
            assertThat(unavailable.retryAfter()).contains(later);
        }
    }

    @ParameterizedTest(name = "a {0} call whose 2xx answer names no record: {1}")
    @CsvSource({"IDEMPOTENT, Unavailable", "CREATE, OutcomeUnknown", "GRANT, Unavailable"})
    void aSuccessfulAnswerWithoutWhatTheCallNeeds(Effect effect, String expected) {
        ExternalFailure failure = GhlFailures.unusableAnswer(call(effect), "the answer names no contact", "t-1");

        assertThat(failure).isExactlyInstanceOf(subtype(expected));
        assertThat(failure.reference()).contains("t-1");
        assertThat(GhlHttpError.of(failure).orElseThrow().status()).isEqualTo(200);
        assertThat(failure.getMessage()).contains("the answer names no contact");
    }

    @Test
    void a429CarriesWhenGhlSaidTheCallMayGoThroughAndIsWaitedOutOnlyWhenThatIsSoonEnough() {
        Instant now = Instant.parse("2026-02-12T13:00:00Z");
        ErrorBodyReader.ErrorInfo info = new ErrorBodyReader.ErrorInfo(429, "Too many requests", null);
        AttemptFailure soon =
                AttemptFailure.rateLimited(call(Effect.CREATE), info, Optional.of(Duration.ofSeconds(7)), now, false);
        AttemptFailure late =
                AttemptFailure.rateLimited(call(Effect.CREATE), info, Optional.of(Duration.ofMinutes(5)), now, false);
        AttemptFailure quota = AttemptFailure.rateLimited(call(Effect.IDEMPOTENT), info, Optional.empty(), now, true);

        assertThat(GhlFailures.retryInside(soon, MAX_WAIT)).isTrue();
        assertThat(GhlFailures.retryInside(late, MAX_WAIT)).isFalse();
        assertThat(GhlFailures.retryInside(quota, MAX_WAIT)).isFalse();
        assertThat(((ExternalFailure.Unavailable) GhlFailures.failure(soon)).retryAfter())
                .contains(now.plusSeconds(7));
        assertThat(((ExternalFailure.Unavailable) GhlFailures.failure(late)).retryAfter())
                .contains(now.plus(Duration.ofMinutes(5)));
        ExternalFailure.Unavailable spent = (ExternalFailure.Unavailable) GhlFailures.failure(quota);
        assertThat(spent.retryAfter()).isEmpty();
        assertThat(spent.getMessage()).contains("daily quota exhausted");
    }

    @Test
    void a401IsWorthOneRefreshUnlessItNamesAScopeOrTheTokenIsFresh() {
        AttemptFailure plain = unauthorized("Invalid JWT");
        AttemptFailure scope = AttemptFailure.answered(
                call(Effect.IDEMPOTENT),
                new ErrorBodyReader.ErrorInfo(401, "The token is not authorized for this scope.", null));

        assertThat(GhlFailures.renewAndRepeat(plain, false)).isTrue();
        assertThat(GhlFailures.renewAndRepeat(plain, true)).isFalse();
        assertThat(GhlFailures.renewAndRepeat(scope, false)).isFalse();
        assertThat(GhlFailures.renewAndRepeat(answered(Effect.IDEMPOTENT, 403), false))
                .isFalse();
    }

    @Test
    void onlyA401AboutTheTokenIsWorthARefresh() {
        for (String aboutTheToken : new String[] {"Invalid JWT", "Invalid JWT: token expired", "Unauthorized"}) {
            assertThat(GhlFailures.renewAndRepeat(unauthorized(aboutTheToken), false))
                    .as(aboutTheToken)
                    .isTrue();
        }
        // highlevel-api-docs #74: GHL's IAM answers 401 for routes it does not know; a refresh fixes nothing.
        assertThat(GhlFailures.renewAndRepeat(
                        unauthorized(
                                "This route is not yet supported by the IAM Service. Please update your IAM config."),
                        false))
                .isFalse();
    }

    private static AttemptFailure unauthorized(String message) {
        return AttemptFailure.answered(call(Effect.IDEMPOTENT), new ErrorBodyReader.ErrorInfo(401, message, null));
    }

    @Test
    void ioFailuresTellWhetherTheRequestWentOut() {
        assertThat(GhlFailures.reasonOf(new ConnectException("refused"))).isEqualTo(Reason.CONNECTION_REFUSED);
        assertThat(GhlFailures.reasonOf(new UnknownHostException("services.invalid")))
                .isEqualTo(Reason.CONNECTION_REFUSED);
        assertThat(GhlFailures.reasonOf(new SocketTimeoutException("read timed out")))
                .isEqualTo(Reason.TIMEOUT);
        assertThat(GhlFailures.reasonOf(new SocketException("Connection reset")))
                .isEqualTo(Reason.CONNECTION_BROKEN);
        assertThat(GhlFailures.reasonOf(new EOFException("unexpected end of stream")))
                .isEqualTo(Reason.CONNECTION_BROKEN);
        assertThat(GhlFailures.reasonOf(new com.squareup.moshi.JsonEncodingException("bad json")))
                .isEqualTo(Reason.UNREADABLE_ANSWER);
    }

    @Test
    void messagesAndDetailNeverShowAnEmailAPhoneOrAToken() {
        AttemptFailure attempt = AttemptFailure.answered(
                call(Effect.CREATE),
                new ErrorBodyReader.ErrorInfo(
                        400, "duplicate john.smith@example.com / +14075551234, Bearer eyJhbGciOi.abc", null));

        ExternalFailure failure = GhlFailures.failure(attempt);
        GhlHttpError detail = GhlHttpError.of(failure).orElseThrow();

        for (String text : new String[] {
            failure.getMessage(), detail.getMessage(), detail.ghlMessage().orElseThrow()
        }) {
            assertThat(text)
                    .doesNotContain("john.smith@")
                    .doesNotContain("4075551234")
                    .doesNotContain("eyJhbGciOi")
                    .contains("j***@example.com", "***1234");
        }
    }

    @Test
    void theDetailIsFoundAnywhereInTheCauseChainAndOnlyThere() {
        ExternalFailure failure = GhlFailures.failure(answered(Effect.IDEMPOTENT, 404));
        RuntimeException wrapped = new RuntimeException("while importing", failure);

        assertThat(GhlHttpError.of(wrapped)).map(GhlHttpError::status).contains(404);
        assertThat(GhlHttpError.of(failure)).containsSame((GhlHttpError) failure.getCause());
        assertThat(GhlHttpError.of(new ExternalFailure.Rejected("no GHL detail")))
                .isEmpty();
        assertThat(GhlHttpError.of(null)).isEmpty();
        assertThat(GhlFailures.notFound((ExternalFailure.Rejected) failure)).isTrue();
        assertThat(GhlFailures.notFound(
                        (ExternalFailure.Rejected) GhlFailures.failure(answered(Effect.IDEMPOTENT, 400))))
                .isFalse();
    }
}
