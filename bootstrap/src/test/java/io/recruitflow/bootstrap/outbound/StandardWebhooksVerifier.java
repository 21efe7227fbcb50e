package io.recruitflow.bootstrap.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A verifier of Standard Webhooks signatures written from the specification's text (standard-webhooks spec.md,
 * "Verifying webhook authenticity" and the reference libraries' {@code verify}), independently of Recruitflow's
 * sender: neither {@code com.svix:svix} nor a standardwebhooks artifact is available in this build's repository, so
 * the check is implemented here with javax.crypto and shares no code with {@code StandardWebhooksSender}.
 *
 * <ul>
 *   <li>the secret is {@code whsec_} followed by base64; the HMAC key is the decoded bytes;
 *   <li>the signed content is {@code webhook-id + "." + webhook-timestamp + "." + body} (the raw body);
 *   <li>the signature is base64 of HMAC-SHA256 over it; {@code webhook-signature} is a space-delimited list of
 *       {@code v1,<signature>} and any one matching (compared in constant time) verifies the message;
 *   <li>the timestamp (Unix seconds) must be within the tolerance (5 minutes) of the verifier's now.
 * </ul>
 */
final class StandardWebhooksVerifier {
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    StandardWebhooksVerifier(String secret) {
        if (!secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
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
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class VerificationException extends RuntimeException {
        VerificationException(String message) {
            super(message);
        }
    }
}
