package io.recruitflow.domain.shared;

/**
 * A non-idempotent GHL create (contact, opportunity, message, appointment) failed in a way that leaves
 * open whether GHL performed it: a timeout, a reset, a 5xx, or GHL's "422 but created" quirk. It is
 * never retried blindly; the caller reconciles (looks the record up, reads the conversation) first.
 */
public class GhlOutcomeUnknownException extends GhlException {
    public GhlOutcomeUnknownException(int status, String ghlMessage, String traceId, Throwable cause) {
        super(Kind.OUTCOME_UNKNOWN, status, ghlMessage, traceId, cause);
    }
}
