package io.recruitflow.domain.shared;

import java.util.Optional;

/**
 * A GHL port call failed. Carries what GHL said (status, message, trace id) and whether trying again
 * later can help. Infrastructure failures are exceptions; business refusals are values.
 *
 * <p>The message never contains a token, a phone number or an email address.
 */
public class GhlException extends RuntimeException {

    /** What kind of failure, from GHL's error table. */
    public enum Kind {
        BAD_REQUEST(false),
        UNAUTHORIZED(false),
        FORBIDDEN(false),
        NOT_FOUND(false),
        UNPROCESSABLE(false),
        RATE_LIMITED(true),
        SERVER_ERROR(true),
        NETWORK(true),
        OUTCOME_UNKNOWN(true);

        private final boolean retryable;

        Kind(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }

        /** The kind for an HTTP status GHL answered with. */
        public static Kind ofStatus(int status) {
            return switch (status) {
                case 400 -> BAD_REQUEST;
                case 401 -> UNAUTHORIZED;
                case 403 -> FORBIDDEN;
                case 404 -> NOT_FOUND;
                case 422 -> UNPROCESSABLE;
                case 429 -> RATE_LIMITED;
                default -> status >= 500 ? SERVER_ERROR : BAD_REQUEST;
            };
        }
    }

    private final Kind kind;
    private final int status;
    private final String ghlMessage;
    private final String traceId;

    public GhlException(Kind kind, int status, String ghlMessage, String traceId, Throwable cause) {
        super(describe(kind, status, ghlMessage, traceId), cause);
        this.kind = kind;
        this.status = status;
        this.ghlMessage = ghlMessage;
        this.traceId = traceId;
    }

    public GhlException(Kind kind, int status, String ghlMessage, String traceId) {
        this(kind, status, ghlMessage, traceId, null);
    }

    private static String describe(Kind kind, int status, String message, String traceId) {
        return "GHL " + kind + (status > 0 ? " (HTTP " + status + ")" : "")
                + (message == null || message.isBlank() ? "" : ": " + message)
                + (traceId == null ? "" : " [traceId " + traceId + "]");
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int status() {
        return status;
    }

    public Optional<String> ghlMessage() {
        return Optional.ofNullable(ghlMessage);
    }

    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    /** Whether the same call may succeed later without any change. */
    public boolean retryable() {
        return kind.retryable();
    }
}
