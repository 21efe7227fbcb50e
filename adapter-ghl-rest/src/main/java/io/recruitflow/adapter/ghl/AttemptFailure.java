package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.GhlException.Kind;
import io.recruitflow.domain.shared.GhlOutcomeUnknownException;
import java.time.Duration;
import java.util.Optional;

/**
 * One failed HTTP attempt that a retry might fix, classified once. The retry policy asks
 * {@link #retryable()}; when retries end, {@link #toGhlException()} is the typed port failure.
 * Never leaves the module.
 */
final class AttemptFailure extends RuntimeException {

    /** What went wrong with the attempt. */
    enum Cause {
        /** 429: always retried, after the wait the headers imply. */
        RATE_LIMITED,
        /** 5xx: GHL may have done the work. */
        SERVER_ERROR,
        /** The TCP connection was refused: nothing was sent, so it is always safe to retry. */
        CONNECT_REFUSED,
        /** No answer in time: the request may have been processed. */
        TIMEOUT,
        /** The connection broke (reset, unexpected end of stream): the request may have been processed. */
        RESET,
        /** A 2xx whose body could not be read: GHL did the work but we cannot tell the result. */
        UNREADABLE
    }

    private final Cause type;
    private final GhlCall call;
    private final int status;
    private final String ghlMessage;
    private final String traceId;
    private final Optional<Duration> serverDelay;
    private final boolean quotaExhausted;

    AttemptFailure(
            Cause cause,
            GhlCall call,
            int status,
            String ghlMessage,
            String traceId,
            Optional<Duration> serverDelay,
            boolean quotaExhausted,
            Throwable source) {
        super(cause + " on " + call.name(), source, false, false);
        this.type = cause;
        this.call = call;
        this.status = status;
        this.ghlMessage = ghlMessage;
        this.traceId = traceId;
        this.serverDelay = serverDelay;
        this.quotaExhausted = quotaExhausted;
    }

    Cause kind() {
        return type;
    }

    /** The wait a 429's headers asked for, if they said. */
    Optional<Duration> serverDelay() {
        return serverDelay;
    }

    /**
     * Whether another attempt is safe and useful. A 429 and a refused connection always are (nothing was
     * done); a 5xx, a timeout or a reset only for idempotent calls, because a create may have happened.
     */
    boolean retryable(Duration maxRateLimitWait) {
        return switch (type) {
            case RATE_LIMITED ->
                !quotaExhausted
                        && serverDelay
                                .map(d -> d.compareTo(maxRateLimitWait) <= 0)
                                .orElse(true);
            case CONNECT_REFUSED -> true;
            case SERVER_ERROR, TIMEOUT, RESET -> call.idempotent();
            case UNREADABLE -> false;
        };
    }

    /** Whether this failure says GHL (or the way to it) is unhealthy, for the circuit breaker. */
    boolean unhealthy() {
        return type == Cause.SERVER_ERROR
                || type == Cause.CONNECT_REFUSED
                || type == Cause.TIMEOUT
                || type == Cause.RESET;
    }

    /** The typed port failure once no (further) retry is made. */
    GhlException toGhlException() {
        String detail = ghlMessage != null ? ghlMessage : describe();
        if (!call.idempotent()
                && (type == Cause.SERVER_ERROR
                        || type == Cause.TIMEOUT
                        || type == Cause.RESET
                        || type == Cause.UNREADABLE)) {
            // A non-idempotent create may have happened: never retried blindly, the caller reconciles.
            return new GhlOutcomeUnknownException(status, call.name() + ": " + detail, traceId, this);
        }
        Kind kind = switch (type) {
            case RATE_LIMITED -> Kind.RATE_LIMITED;
            case SERVER_ERROR, UNREADABLE -> Kind.SERVER_ERROR;
            case CONNECT_REFUSED, TIMEOUT, RESET -> Kind.NETWORK;
        };
        return new GhlException(kind, status, call.name() + ": " + detail, traceId, this);
    }

    private String describe() {
        return switch (type) {
            case RATE_LIMITED -> quotaExhausted ? "daily quota exhausted" : "rate limited";
            case SERVER_ERROR -> "server error";
            case CONNECT_REFUSED -> "connection refused";
            case TIMEOUT -> "no answer in time";
            case RESET -> "connection broken";
            case UNREADABLE -> "unreadable answer";
        };
    }
}
