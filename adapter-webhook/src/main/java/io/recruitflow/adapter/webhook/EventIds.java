package io.recruitflow.adapter.webhook;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The id of a webhook event that carries no {@code webhookId}. */
final class EventIds {
    private EventIds() {}

    /**
     * GHL's payloads carry a {@code webhookId}; should one not, the SHA-256 of the signed bytes stands
     * in, so that a redelivery of the same bytes is still recognised as a duplicate instead of lost.
     */
    static String derived(byte[] body) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
