package io.recruitflow.adapter.ghl;

import com.squareup.moshi.JsonEncodingException;
import io.recruitflow.adapter.ghl.GhlCall.Effect;
import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.domain.shared.ExternalFailure;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The one place that decides what a failed GHL call means, in the manner of stripe-java's {@code
 * HttpClient.shouldRetry}: whether the client tries the attempt again itself ({@link #retryInside}), whether
 * it counts against the circuit breaker ({@link #unhealthy}), whether a 401 is worth a token refresh ({@link
 * #renewAndRepeat}), and which {@link ExternalFailure} the call finally fails with ({@link #failure}). No
 * other class builds an {@code ExternalFailure}.
 *
 * <p>The final failure, by what happened and what the call does ({@link Effect}):
 *
 * <table>
 *   <caption>failure per outcome</caption>
 *   <tr><th>outcome</th><th>IDEMPOTENT</th><th>CREATE</th><th>GRANT (OAuth token endpoint)</th></tr>
 *   <tr><td>400, 404, 409, other 4xx</td><td>Rejected</td><td>Rejected</td><td>AccessDenied</td></tr>
 *   <tr><td>422</td><td>Rejected</td><td>OutcomeUnknown for a contact or opportunity create (GHL may have
 *       created it, docs #64), else Rejected</td>
 *       <td>AccessDenied</td></tr>
 *   <tr><td>401 (after a refresh, naming a scope, static token), 403, no credential</td><td>AccessDenied</td>
 *       <td>AccessDenied</td><td>AccessDenied</td></tr>
 *   <tr><td>429 after the client's own waiting, refused connection, no permit, open circuit, another instance
 *       refreshing the tokens, interrupted</td>
 *       <td>Unavailable</td><td>Unavailable</td><td>Unavailable</td></tr>
 *   <tr><td>5xx, timeout, broken connection, unusable 2xx answer</td><td>Unavailable</td>
 *       <td>OutcomeUnknown</td><td>Unavailable (the single-use secret may be spent)</td></tr>
 * </table>
 *
 * <p>{@code Unavailable.retryAfter()} is when a 429's headers (or the open circuit breaker) say the call may
 * go through again; {@code reference()} is GHL's traceId; the cause is the {@link GhlHttpError}.
 */
final class GhlFailures {
    /**
     * The creates GHL is known to carry out while answering 422 (highlevel-api-docs #64 for contacts; the same
     * for opportunities). A text or an appointment refused with 422 (no phone, slot taken) was not made.
     */
    static final Set<String> CREATED_DESPITE_422 = Set.of("POST /contacts/", "POST /opportunities/");

    private static final String RECONCILE = "; it may have been carried out: look it up before repeating";

    private GhlFailures() {}

    /** What an I/O failure of an attempt says: nothing sent (connect), no answer (timeout), broken, unreadable. */
    static Reason reasonOf(IOException e) {
        if (e instanceof JsonEncodingException) {
            return Reason.UNREADABLE_ANSWER;
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return Reason.CONNECTION_REFUSED;
        }
        if (e instanceof InterruptedIOException) { // SocketTimeoutException, OkHttp's call timeout, our cancel
            return Reason.TIMEOUT;
        }
        return Reason.CONNECTION_BROKEN;
    }

    /**
     * Whether the client makes another attempt itself. A 429 and a refused connection always (nothing was
     * done), unless the wait the 429 asks for is longer than {@code maxRateLimitWait} or the daily quota is
     * spent; a 5xx, a timeout or a broken connection only when the call is idempotent, because a create may
     * have happened and a grant may have spent its secret. Nothing else: a 4xx cannot succeed as it is, and
     * an unreadable answer means the call was carried out.
     */
    static boolean retryInside(AttemptFailure f, Duration maxRateLimitWait) {
        return switch (f.reason()) {
            case ANSWERED -> {
                if (f.status() == 429) {
                    yield !f.quotaExhausted
                            && f.serverDelay
                                    .map(d -> d.compareTo(maxRateLimitWait) <= 0)
                                    .orElse(true);
                }
                yield f.status() >= 500 && f.call.idempotent();
            }
            case CONNECTION_REFUSED -> true;
            case TIMEOUT, CONNECTION_BROKEN -> f.call.idempotent();
            case UNREADABLE_ANSWER, NO_PERMIT, CIRCUIT_OPEN, NO_CREDENTIAL, RENEWAL_BUSY, INTERRUPTED -> false;
        };
    }

    /** Whether the failure says GHL (or the way to it) is unhealthy: what opens the circuit breaker. */
    static boolean unhealthy(AttemptFailure f) {
        return switch (f.reason()) {
            case ANSWERED -> f.status() >= 500;
            case CONNECTION_REFUSED, TIMEOUT, CONNECTION_BROKEN -> true;
            case UNREADABLE_ANSWER, NO_PERMIT, CIRCUIT_OPEN, NO_CREDENTIAL, RENEWAL_BUSY, INTERRUPTED -> false;
        };
    }

    /**
     * After a 401: whether to refresh the token and make the call once more. Only when the 401 is about the
     * token: GHL says nothing more than "Unauthorized", or names the token or its JWT ("Invalid JWT", "token
     * expired"). Not when it names a missing scope (a refresh keeps the scopes), nor for GHL's other 401s such
     * as "This route is not yet supported by the IAM Service" (highlevel-api-docs #74): a refresh spends the
     * single-use refresh token and fixes nothing. Not either when the token was renewed for this very call (a
     * loop would burn refresh tokens).
     */
    static boolean renewAndRepeat(AttemptFailure unauthorized, boolean tokenJustRenewed) {
        if (unauthorized.status() != 401 || tokenJustRenewed) {
            return false;
        }
        String message = unauthorized.error.ghlMessage().orElse("").strip().toLowerCase(Locale.ROOT);
        if (message.contains("scope")) {
            return false;
        }
        return message.isEmpty()
                || message.equals("unauthorized")
                || message.contains("jwt")
                || message.contains("token")
                || message.contains("expired");
    }

    /** The failure a call ends with. */
    static ExternalFailure failure(AttemptFailure f) {
        GhlHttpError e = f.error;
        Effect effect = f.call.effect();
        String reference = e.traceId().orElse(null);
        return switch (e.reason()) {
            case ANSWERED -> answered(f, effect, reference);
            case CONNECTION_REFUSED, NO_PERMIT, CIRCUIT_OPEN, RENEWAL_BUSY, INTERRUPTED ->
                new ExternalFailure.Unavailable(message(f, describe(e.reason())), f.retryAt.orElse(null), reference, e);
            case TIMEOUT, CONNECTION_BROKEN, UNREADABLE_ANSWER -> {
                if (effect == Effect.CREATE) {
                    yield new ExternalFailure.OutcomeUnknown(
                            message(f, describe(e.reason()) + RECONCILE), reference, e);
                }
                yield new ExternalFailure.Unavailable(
                        message(f, describe(e.reason()) + spent(effect)), null, reference, e);
            }
            case NO_CREDENTIAL -> new ExternalFailure.AccessDenied(message(f, "no usable credential"), reference, e);
        };
    }

    /**
     * Whether GHL's token endpoint refused the grant itself ({@code invalid_grant}): the refresh token is spent,
     * revoked or unknown, and only a new install gives access back. Not a refused client id or secret.
     */
    static boolean grantRefused(ExternalFailure failure) {
        return failure instanceof ExternalFailure.AccessDenied
                && GhlHttpError.of(failure)
                        .filter(h -> h.reason() == Reason.ANSWERED && (h.status() == 400 || h.status() == 401))
                        .flatMap(GhlHttpError::ghlMessage)
                        .map(m -> m.toLowerCase(Locale.ROOT))
                        .filter(m -> m.contains("invalid_grant") || m.contains("invalid grant"))
                        .isPresent();
    }

    /** Whether the refusal is GHL's 404: a read of a record that is not there answers empty instead. */
    static boolean notFound(ExternalFailure.Rejected e) {
        return GhlHttpError.of(e).filter(h -> h.status() == 404).isPresent();
    }

    /** GHL's refusal of a second opportunity for a contact in a pipeline (a 400 that names the duplicate). */
    static boolean duplicateOpportunity(ExternalFailure.Rejected e) {
        return GhlHttpError.of(e)
                .filter(h -> h.status() == 400)
                .flatMap(GhlHttpError::ghlMessage)
                .filter(m -> m.toLowerCase(Locale.ROOT).contains("duplicate opportunity"))
                .isPresent();
    }

    /** A 2xx answer that lacks what the call needs: a create's record id, a token, a contact. */
    static ExternalFailure unusableAnswer(GhlCall call, String what, String traceId) {
        return failure(AttemptFailure.unusable(call, what, traceId));
    }

    private static ExternalFailure answered(AttemptFailure f, Effect effect, String reference) {
        GhlHttpError e = f.error;
        int status = e.status();
        if (status == 429) {
            return new ExternalFailure.Unavailable(
                    message(f, f.quotaExhausted ? "daily quota exhausted" : "rate limited"),
                    f.retryAt.orElse(null),
                    reference,
                    e);
        }
        if (status >= 500) {
            return effect == Effect.CREATE
                    ? new ExternalFailure.OutcomeUnknown(message(f, "server error" + RECONCILE), reference, e)
                    : new ExternalFailure.Unavailable(message(f, "server error" + spent(effect)), null, reference, e);
        }
        if (status == 401 || status == 403) {
            return new ExternalFailure.AccessDenied(
                    message(f, status == 401 ? "unauthorized" : "forbidden"), reference, e);
        }
        if (effect == Effect.GRANT) {
            // invalid_grant and friends: the code or refresh token is spent, revoked or wrong.
            return new ExternalFailure.AccessDenied(message(f, "grant refused"), reference, e);
        }
        if (status == 422 && effect == Effect.CREATE && CREATED_DESPITE_422.contains(e.route())) {
            // GHL answers some creates with 422 and creates the record anyway (highlevel-api-docs #64).
            return new ExternalFailure.OutcomeUnknown(
                    message(f, "unprocessable, yet GHL may have created it: look it up before repeating"),
                    reference,
                    e);
        }
        return new ExternalFailure.Rejected(message(f, refusal(status)), reference, e);
    }

    private static String refusal(int status) {
        return switch (status) {
            case 400 -> "bad request";
            case 404 -> "not found";
            case 409 -> "conflict";
            case 422 -> "unprocessable";
            default -> "refused";
        };
    }

    private static String describe(Reason reason) {
        return switch (reason) {
            case ANSWERED -> "error answer";
            case CONNECTION_REFUSED -> "connection refused, not sent";
            case TIMEOUT -> "no answer in time";
            case CONNECTION_BROKEN -> "connection broken";
            case UNREADABLE_ANSWER -> "unusable answer";
            case NO_PERMIT -> "no client-side rate-limit permit in time, not sent";
            case CIRCUIT_OPEN -> "circuit breaker open after repeated GHL failures, not sent";
            case NO_CREDENTIAL -> "no usable credential";
            case RENEWAL_BUSY -> "another instance is refreshing the OAuth tokens, not sent";
            case INTERRUPTED -> "interrupted";
        };
    }

    private static String spent(Effect effect) {
        return effect == Effect.GRANT ? "; the code or refresh token may be spent" : "";
    }

    /** {@code GHL <route> as <owner>: <what> (HTTP <status>): <GHL's message> [traceId <id>]}, redacted. */
    private static String message(AttemptFailure f, String what) {
        GhlHttpError e = f.error;
        return "GHL " + e.route() + " as " + f.call.owner() + ": " + what
                + (e.status() > 0 ? " (HTTP " + e.status() + ")" : "")
                + e.ghlMessage().map(m -> ": " + m).orElse("")
                + e.traceId().map(t -> " [traceId " + t + "]").orElse("");
    }
}
