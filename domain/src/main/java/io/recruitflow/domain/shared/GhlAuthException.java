package io.recruitflow.domain.shared;

/**
 * GHL refused the credentials: the token is invalid even after a refresh, the refresh token was
 * refused, the token lacks a scope, or the app was uninstalled. Refreshing again cannot fix it.
 */
public class GhlAuthException extends GhlException {
    public GhlAuthException(int status, String ghlMessage, String traceId) {
        super(status == 403 ? Kind.FORBIDDEN : Kind.UNAUTHORIZED, status, ghlMessage, traceId);
    }
}
