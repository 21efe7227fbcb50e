package io.recruitflow.domain.message;

/**
 * Our idempotency key of an outbound message, chosen by its sender (e.g. {@code intro/<recruit id>}):
 * one key is sent at most once.
 */
public record MessageKey(String value) {
    public MessageKey {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException("message key must be 1..200 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
