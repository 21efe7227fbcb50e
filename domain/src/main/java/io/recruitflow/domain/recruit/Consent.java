package io.recruitflow.domain.recruit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether we may message the recruit. Do-not-disturb (set in GHL) and an opt-out (the recruit texted
 * STOP) each block every text; an opt-out is permanent until the recruit opts back in.
 *
 * <p>{@code dndChangedAt} is the CRM's time of the last change of do-not-disturb we applied: news older
 * than that never overwrites it (GHL delivers its webhooks in no particular order).
 */
public record Consent(boolean dnd, Optional<Instant> optedOutAt, Optional<Instant> dndChangedAt) {
    public static final Consent GRANTED = new Consent(false, Optional.empty(), Optional.empty());

    public Consent {
        Objects.requireNonNull(optedOutAt, "optedOutAt");
        Objects.requireNonNull(dndChangedAt, "dndChangedAt");
    }

    public Consent(boolean dnd, Optional<Instant> optedOutAt) {
        this(dnd, optedOutAt, Optional.empty());
    }

    public boolean optedOut() {
        return optedOutAt.isPresent();
    }

    /** Whether any text may be sent at all. */
    public boolean allowsTexts() {
        return !dnd && !optedOut();
    }

    public Consent withDnd(boolean dnd) {
        return new Consent(dnd, optedOutAt, dndChangedAt);
    }

    /**
     * What the CRM said about do-not-disturb at {@code at}. News older than the last change applied changes
     * nothing. DND on is applied; DND off only when {@code mayClear} — an explicit do-not-disturb change,
     * not a contact update that merely lacks the DND of a channel. When in doubt, we do not text.
     */
    public Consent dndReported(boolean on, boolean mayClear, Instant at) {
        Objects.requireNonNull(at, "at");
        if (dndChangedAt.filter(at::isBefore).isPresent()) {
            return this;
        }
        if (on) {
            return new Consent(true, optedOutAt, Optional.of(at));
        }
        return mayClear ? new Consent(false, optedOutAt, Optional.of(at)) : this;
    }

    public Consent optOut(Instant at) {
        return optedOut() ? this : new Consent(dnd, Optional.of(at), dndChangedAt);
    }

    /**
     * The recruit texted START or UNSTOP at {@code at} (CTIA): Recruitflow's own opt-out, which always comes from
     * a reply, is lifted when the START is newer than it. Do-not-disturb is GHL's (set by an operator, the carrier
     * or GHL's own keyword handling) and stays as it is: it is cleared in GHL, never by a reply here.
     */
    public Consent optIn(Instant at) {
        Objects.requireNonNull(at, "at");
        if (optedOutAt.filter(at::isAfter).isEmpty()) {
            return this;
        }
        return new Consent(dnd, Optional.empty(), dndChangedAt);
    }
}
