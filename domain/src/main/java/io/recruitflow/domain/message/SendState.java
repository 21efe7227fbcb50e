package io.recruitflow.domain.message;

/**
 * An outbound message's life: {@code PLANNED → SENDING → SENT | UNKNOWN | FAILED}, or
 * {@code PLANNED → REFUSED} by compliance. {@code SENDING} and {@code UNKNOWN} are never resent
 * automatically: GHL may have the message, so its conversation is read first.
 */
public enum SendState {
    PLANNED,
    SENDING,
    SENT,
    UNKNOWN,
    FAILED,
    REFUSED;

    public boolean finished() {
        return this == SENT || this == FAILED || this == REFUSED;
    }
}
