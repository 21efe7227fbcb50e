package io.recruitflow.domain.recruit;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether we may message the recruit. Do-not-disturb (set in GHL) and an opt-out (the recruit texted
 * STOP) each block every text; an opt-out is permanent until the recruit opts back in.
 */
public record Consent(boolean dnd, Optional<Instant> optedOutAt) {
    public static final Consent GRANTED = new Consent(false, Optional.empty());

    public boolean optedOut() {
        return optedOutAt.isPresent();
    }

    /** Whether any text may be sent at all. */
    public boolean allowsTexts() {
        return !dnd && !optedOut();
    }

    public Consent withDnd(boolean dnd) {
        return new Consent(dnd, optedOutAt);
    }

    public Consent optOut(Instant at) {
        return optedOut() ? this : new Consent(dnd, Optional.of(at));
    }
}
