package io.recruitflow.bootstrap.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * A verifier of Standard Webhooks signatures that shares no code with Recruitflow's sender: the expected signature
 * is computed by Svix's reference implementation ({@code com.svix.Webhook#sign}, from the authors of the
 * specification), and the headers are read as the specification's "Verifying webhook authenticity" says:
 *
 * <ul>
 *   <li>the secret is {@code whsec_} followed by base64;
 *   <li>the signed content is {@code webhook-id + "." + webhook-timestamp + "." + body} (the raw body);
 *   <li>{@code webhook-signature} is a space-delimited list of {@code v1,<base64 signature>}, and any one matching
 *       (compared in constant time) verifies the message;
 *   <li>the timestamp (Unix seconds) must be within the tolerance (5 minutes) of the verifier's now — checked here
 *       against the test's simulated clock, which is why the library's own {@code verify} (it reads the system
 *       clock) is not called.
 * </ul>
 */
final class StandardWebhooksVerifier {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final com.svix.Webhook svix;

    StandardWebhooksVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        try {
            this.svix = new com.svix.Webhook(secret);
        } catch (com.svix.exceptions.EmptyWebhookSecretException e) {
            throw new IllegalArgumentException("an empty secret", e);
        }
    }

    /** Throws {@link VerificationException} unless the message is authentic and fresh at {@code now}. */
    void verify(String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            throw new VerificationException("missing required headers");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new VerificationException("invalid timestamp");
        }
        Instant at = Instant.ofEpochSecond(seconds);
        if (at.isBefore(now.minus(TOLERANCE))) {
            throw new VerificationException("message timestamp too old");
        }
        if (at.isAfter(now.plus(TOLERANCE))) {
            throw new VerificationException("message timestamp too new");
        }
        byte[] expected = sign(id, timestamp, body);
        for (String candidate : signatureHeader.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new VerificationException("no matching signature found");
    }

    private byte[] sign(String id, String timestamp, byte[] body) {
        try {
            String signature = svix.sign(id, Long.parseLong(timestamp), new String(body, StandardCharsets.UTF_8));
            return Base64.getDecoder().decode(signature.substring("v1,".length()));
        } catch (com.svix.exceptions.WebhookSigningException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class VerificationException extends RuntimeException {
        VerificationException(String message) {
            super(message);
        }
    }
}
