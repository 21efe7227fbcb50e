package io.recruitflow.domain.message;

/**
 * How far a text got after the CRM accepted it, as the CRM reports it: {@code PENDING} (queued),
 * {@code SENT} (handed to the carrier), then one of the final outcomes {@code DELIVERED}, {@code READ},
 * {@code UNDELIVERED} (the carrier could not deliver it) or {@code FAILED} (it never left).
 */
public enum DeliveryStatus {
    PENDING(0),
    SENT(1),
    DELIVERED(2),
    UNDELIVERED(2),
    FAILED(2),
    READ(3);

    private final int rank;

    DeliveryStatus(int rank) {
        this.rank = rank;
    }

    /** Whether this is an outcome: nothing but {@code READ} comes after it. */
    public boolean isFinal() {
        return rank >= 2;
    }

    /** {@code UNDELIVERED} or {@code FAILED}: the text did not reach the phone. */
    public boolean notDelivered() {
        return this == UNDELIVERED || this == FAILED;
    }

    int rank() {
        return rank;
    }
}
