package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What went wrong with one attempt of a call (or why the call was not attempted), as facts only: what GHL
 * or the connection did ({@link GhlHttpError}) and what a 429's headers said about waiting. {@link
 * GhlFailures} decides what follows from it. Thrown through the Failsafe policies, never out of the module.
 */
final class AttemptFailure extends RuntimeException {
    final GhlCall call;
    final GhlHttpError error;
    /** The wait a 429's headers asked for, if they said. */
    final Optional<Duration> serverDelay;
    /** When GHL (or the client's circuit breaker) will let the call through again, if known. */
    final Optional<Instant> retryAt;
    /** A 429 whose headers say the daily quota is spent (waiting seconds will not help). */
    final boolean quotaExhausted;

    private AttemptFailure(
            GhlCall call,
            GhlHttpError error,
            Optional<Duration> serverDelay,
            Optional<Instant> retryAt,
            boolean quotaExhausted) {
        super(error.getMessage(), error, false, false);
        this.call = Objects.requireNonNull(call, "call");
        this.error = error;
        this.serverDelay = serverDelay;
        this.retryAt = retryAt;
        this.quotaExhausted = quotaExhausted;
    }

    /** GHL answered with an error status. */
    static AttemptFailure answered(GhlCall call, ErrorBodyReader.ErrorInfo info) {
        return new AttemptFailure(
                call,
                new GhlHttpError(Reason.ANSWERED, call.route(), info.status(), info.message(), info.traceId(), null),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /** GHL answered 429. */
    static AttemptFailure rateLimited(
            GhlCall call, ErrorBodyReader.ErrorInfo info, Optional<Duration> wait, Instant now, boolean quotaSpent) {
        return new AttemptFailure(
                call,
                new GhlHttpError(Reason.ANSWERED, call.route(), info.status(), info.message(), info.traceId(), null),
                wait,
                wait.map(now::plus),
                quotaSpent);
    }

    /** No answer arrived, or a 2xx whose body cannot be read (status 200 then: Retrofit does not say which). */
    static AttemptFailure transport(GhlCall call, Reason reason, Throwable source) {
        int status = reason == Reason.UNREADABLE_ANSWER ? 200 : 0;
        return new AttemptFailure(
                call,
                new GhlHttpError(reason, call.route(), status, null, null, source),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    /** The call was not sent: no permit, an open circuit, no credential, an interrupted wait. */
    static AttemptFailure notSent(GhlCall call, Reason reason, String why, Instant retryAt, Throwable source) {
        return new AttemptFailure(
                call,
                new GhlHttpError(reason, call.route(), 0, why, null, source),
                Optional.empty(),
                Optional.ofNullable(retryAt),
                false);
    }

    /** GHL answered 2xx but not what the call needs (an id, a token). */
    static AttemptFailure unusable(GhlCall call, String what, String traceId) {
        return new AttemptFailure(
                call,
                new GhlHttpError(Reason.UNREADABLE_ANSWER, call.route(), 200, what, traceId, null),
                Optional.empty(),
                Optional.empty(),
                false);
    }

    Reason reason() {
        return error.reason();
    }

    int status() {
        return error.status();
    }
}
