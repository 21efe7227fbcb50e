package io.recruitflow.application.port;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What is left of the CRM's call budget for one account, as the CRM last declared it: the short burst
 * window and the daily quota, with the moment the daily quota comes back when the CRM said ({@code null}
 * when it did not).
 */
public record CallBudget(
        int burstMax,
        int burstRemaining,
        Duration burstInterval,
        long dailyMax,
        long dailyRemaining,
        Instant dailyResetAt) {

    /** A budget whose daily reset the CRM did not declare. */
    public CallBudget(int burstMax, int burstRemaining, Duration burstInterval, long dailyMax, long dailyRemaining) {
        this(burstMax, burstRemaining, burstInterval, dailyMax, dailyRemaining, null);
    }

    /** The remaining burst budget as a fraction in [0, 1]. */
    public double headroom() {
        return burstMax <= 0 ? 1.0 : Math.max(0, Math.min(1.0, burstRemaining / (double) burstMax));
    }

    /** When the daily quota comes back, if the CRM said. */
    public Optional<Instant> dailyReset() {
        return Optional.ofNullable(dailyResetAt);
    }

    /**
     * Whether the daily figures still hold at {@code now}: not once the declared reset has passed (the next
     * answer will say the new day's figures).
     */
    public boolean dailyCurrentAt(Instant now) {
        return dailyResetAt == null || now.isBefore(dailyResetAt);
    }
}
