package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Admin API authentication: {@code Authorization: Bearer <token>}, or HTTP Basic with the token as the
 * password (any user name) so that a browser can prompt for it. Compared in constant time over SHA-256
 * digests, which also hides the token's length. Without a configured token nothing is accepted.
 */
final class AdminAuth {

    static final String CHALLENGE_BASIC = "Basic realm=\"recruitflow-admin\", charset=\"UTF-8\"";
    static final String CHALLENGE_BEARER = "Bearer realm=\"recruitflow-admin\"";

    private final Optional<byte[]> expectedDigest;

    AdminAuth(Optional<String> token) {
        this.expectedDigest = token.map(AdminAuth::sha256);
    }

    boolean enabled() {
        return expectedDigest.isPresent();
    }

    boolean authorized(Context ctx) {
        if (expectedDigest.isEmpty()) {
            return false;
        }
        Optional<String> presented = presentedToken(ctx.header("Authorization"));
        // MessageDigest.isEqual is constant-time for equal-length inputs; digests always are.
        return presented.isPresent() && MessageDigest.isEqual(expectedDigest.get(), sha256(presented.get()));
    }

    static Optional<String> presentedToken(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        String scheme = value.substring(0, space);
        String credentials = value.substring(space + 1).strip();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static void challenge(Context ctx) {
        ctx.res().addHeader("WWW-Authenticate", CHALLENGE_BEARER);
        ctx.res().addHeader("WWW-Authenticate", CHALLENGE_BASIC);
        ctx.status(401)
                .contentType("application/json")
                .result(ApiJson.error(
                        "unauthorized", "admin token required (Bearer, or Basic with the token as password)"));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
