package io.recruitflow.adapter.ghl;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What GHL, or the way to it, did to one call: the route, the HTTP status, GHL's message and its traceId.
 * Every {@link io.recruitflow.domain.shared.ExternalFailure} this client throws carries one as its cause, so
 * that embedders and metrics can tell a 404 from a 422, or a timeout from a refused connection, while the
 * core decides from the failure's subtype alone. Find it with {@link #of(Throwable)}.
 *
 * <p>Never thrown on its own. Its message, like GHL's message it quotes, is redacted ({@link Redactor}): it
 * never contains a token, a phone number or an email address.
 */
public final class GhlHttpError extends Exception {

    /** What happened to the call. */
    public enum Reason {
        /** GHL answered with an error status ({@link #status()}). */
        ANSWERED,
        /** The connection was refused or the host was not found: nothing was sent. */
        CONNECTION_REFUSED,
        /** No answer in time: the request may have been processed. */
        TIMEOUT,
        /** The connection broke (a reset, an unexpected end of stream): the request may have been processed. */
        CONNECTION_BROKEN,
        /** A 2xx answer that cannot be read, or that lacks what the call needs (an id, a token). */
        UNREADABLE_ANSWER,
        /** The client's rate limiter gave no permit in time: not sent. */
        NO_PERMIT,
        /** The circuit breaker is open after repeated failures of GHL: not sent. */
        CIRCUIT_OPEN,
        /** No usable credential for the account (none stored, none renewable): not sent. */
        NO_CREDENTIAL,
        /** Another instance holds the lease to refresh the credential and its new one did not come in time: not sent. */
        RENEWAL_BUSY,
        /** The calling thread was interrupted while it waited (for a permit or a retry): not sent again. */
        INTERRUPTED
    }

    private final Reason reason;
    private final String route;
    private final int status;
    private final String ghlMessage;
    private final String traceId;

    GhlHttpError(Reason reason, String route, int status, String ghlMessage, String traceId, Throwable cause) {
        super(describe(reason, route, status, ghlMessage, traceId), cause, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.route = Objects.requireNonNull(route, "route");
        this.status = status;
        this.ghlMessage = Redactor.redact(ghlMessage);
        this.traceId = traceId;
    }

    /** The GHL error detail in {@code failure}'s cause chain (itself included), if there is one. */
    public static Optional<GhlHttpError> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof GhlHttpError e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Reason reason() {
        return reason;
    }

    /** The call, as method and path template, e.g. {@code POST /contacts/} or {@code GET /contacts/{id}}. */
    public String route() {
        return route;
    }

    /** The HTTP status GHL answered with (200 for an unusable 2xx answer), or 0 when no answer arrived. */
    public int status() {
        return status;
    }

    /** GHL's message (the strings of a 422 joined by "; "), redacted. */
    public Optional<String> ghlMessage() {
        return Optional.ofNullable(ghlMessage);
    }

    /** GHL's traceId of the call, for support requests. */
    public Optional<String> traceId() {
        return Optional.ofNullable(traceId);
    }

    private static String describe(Reason reason, String route, int status, String message, String traceId) {
        String redacted = Redactor.redact(message);
        return route + ": " + reason + (status > 0 ? " (HTTP " + status + ")" : "")
                + (redacted == null || redacted.isBlank() ? "" : ": " + redacted)
                + (traceId == null ? "" : " [traceId " + traceId + "]");
    }
}
