package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Admin authentication with the one admin token. The admin API takes it only as
 * {@code Authorization: Bearer <token>} ({@link #bearer}); the dashboard page also takes HTTP Basic with the
 * token as the password (any user name), the one scheme a browser can prompt for ({@link #bearerOrBasic}).
 * Basic stays off the API because a browser attaches cached Basic credentials to every request to the
 * origin — including a form another site makes it submit — and never attaches a bearer token by itself.
 * Compared in constant time over SHA-256 digests, which also hides the token's length. Without a
 * configured token nothing is accepted.
 */
final class AdminAuth {

    static final String CHALLENGE_BEARER = "Bearer realm=\"recruitflow-admin\"";

    private final Optional<byte[]> expectedDigest;
    private final FailedTokenThrottle throttle;

    AdminAuth(Optional<String> token, FailedTokenThrottle throttle) {
        this.expectedDigest = token.map(AdminAuth::sha256);
        this.throttle = throttle;
    }

    /**
     * How long the client must wait before a token it presents is checked, because it presented too many
     * wrong ones (see {@link FailedTokenThrottle}); empty when it may now, or when it presents none.
     */
    Optional<Duration> throttled(Context ctx) {
        return ctx.header("Authorization") == null ? Optional.empty() : throttle.blocked(ctx.ip());
    }

    boolean enabled() {
        return expectedDigest.isPresent();
    }

    /** The admin API's check: a bearer token only. */
    boolean bearer(Context ctx) {
        return matches(ctx, bearerToken(ctx.header("Authorization")));
    }

    /** A page's check (a browser's GET): a bearer token, or Basic with the token as the password. */
    boolean bearerOrBasic(Context ctx) {
        String authorization = ctx.header("Authorization");
        return matches(ctx, bearerToken(authorization).or(() -> basicPassword(authorization)));
    }

    /** Whether the presented token is the admin token; a wrong one (not a missing one) counts as a failure. */
    private boolean matches(Context ctx, Optional<String> presented) {
        // MessageDigest.isEqual is constant-time for equal-length inputs; digests always are.
        boolean matches = expectedDigest.isPresent()
                && presented.isPresent()
                && MessageDigest.isEqual(expectedDigest.get(), sha256(presented.get()));
        if (!matches && ctx.header("Authorization") != null) {
            throttle.failed(ctx.ip());
        }
        return matches;
    }

    static boolean isBasic(String authorization) {
        return credentials(authorization, "Basic").isPresent();
    }

    static Optional<String> bearerToken(String authorization) {
        return credentials(authorization, "Bearer");
    }

    static Optional<String> basicPassword(String authorization) {
        return credentials(authorization, "Basic").flatMap(credentials -> {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        });
    }

    /** The credentials after {@code scheme} in an Authorization header; empty for another scheme. */
    private static Optional<String> credentials(String authorization, String scheme) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(scheme)) {
            return Optional.empty();
        }
        String credentials = value.substring(space + 1).strip();
        return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
    }

    /** The API's 401: only the bearer scheme is offered, so a browser never prompts for Basic here. */
    static void challenge(Context ctx, String message) {
        ctx.res().addHeader("WWW-Authenticate", CHALLENGE_BEARER);
        ctx.status(401).contentType("application/json").result(ApiJson.error("unauthorized", message));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
