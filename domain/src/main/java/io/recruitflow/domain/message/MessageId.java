package io.recruitflow.domain.message;

/** A GHL message id. */
public record MessageId(String value) {
    public MessageId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("MessageId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
