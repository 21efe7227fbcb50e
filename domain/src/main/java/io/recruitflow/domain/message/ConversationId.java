package io.recruitflow.domain.message;

/** A GHL conversation id. */
public record ConversationId(String value) {
    public ConversationId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ConversationId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
