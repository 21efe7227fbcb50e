package io.recruitflow.domain.shared;

import java.time.Duration;

/** What is left of a GHL rate limit: burst window and daily quota. */
public record RateBudget(int burstMax, int burstRemaining, Duration burstInterval, long dailyMax, long dailyRemaining) {
    /** The remaining burst budget as a fraction in [0, 1]. */
    public double headroom() {
        return burstMax <= 0 ? 1.0 : Math.max(0, Math.min(1.0, burstRemaining / (double) burstMax));
    }
}
