package io.recruitflow.domain.shared;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A call to a system outside Recruitflow (the CRM) did not complete. It is the one failure type that
 * crosses the outbound ports: what a caller does about it follows from the subtype alone, so every
 * caller decides with the same rule. The adapter that talks to the system classifies its failures into
 * these four, in one place. Business refusals that are part of the domain are values, not failures.
 *
 * <p>A message never contains a credential, a phone number or an email address.
 */
public abstract sealed class ExternalFailure extends RuntimeException {
    private final String reference;

    private ExternalFailure(String message, String reference, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.reference = reference;
    }

    /** The external system's reference for the failed call (GHL: its traceId), for support requests. */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** The request was refused as it is (invalid, not found, conflicting): repeating it cannot succeed. */
    public static final class Rejected extends ExternalFailure {
        public Rejected(String message, String reference, Throwable cause) {
            super(message, reference, cause);
        }

        public Rejected(String message) {
            this(message, null, null);
        }
    }

    /**
     * The call was not carried out (throttled, the system is down, the connection failed before the
     * request was sent, or a read failed): the same call may succeed later, at {@link #retryAfter()} if
     * the system said when.
     */
    public static final class Unavailable extends ExternalFailure {
        private final Instant retryAfter;

        public Unavailable(String message, Instant retryAfter, String reference, Throwable cause) {
            super(message, reference, cause);
            this.retryAfter = retryAfter;
        }

        public Unavailable(String message) {
            this(message, null, null, null);
        }

        public Optional<Instant> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /**
     * A call that changes something may or may not have been carried out (no answer in time, a broken
     * connection, a server error after the request arrived, an answer that cannot be read). Never repeat
     * it blindly: look the effect up first (reconcile), then act.
     */
    public static final class OutcomeUnknown extends ExternalFailure {
        public OutcomeUnknown(String message, String reference, Throwable cause) {
            super(message, reference, cause);
        }

        public OutcomeUnknown(String message) {
            this(message, null, null);
        }
    }

    /**
     * Recruitflow has no working access to the account (never installed, uninstalled, access revoked or
     * too narrow): nothing changes until a person acts, so retrying soon only wastes calls.
     */
    public static final class AccessDenied extends ExternalFailure {
        public AccessDenied(String message, String reference, Throwable cause) {
            super(message, reference, cause);
        }

        public AccessDenied(String message) {
            this(message, null, null);
        }
    }
}
