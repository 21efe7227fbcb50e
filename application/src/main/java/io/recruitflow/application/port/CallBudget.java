package io.recruitflow.application.port;

import java.time.Duration;

/**
 * What is left of the CRM's call budget for one account, as the CRM last declared it: the short burst
 * window and the daily quota.
 */
public record CallBudget(int burstMax, int burstRemaining, Duration burstInterval, long dailyMax, long dailyRemaining) {
    /** The remaining burst budget as a fraction in [0, 1]. */
    public double headroom() {
        return burstMax <= 0 ? 1.0 : Math.max(0, Math.min(1.0, burstRemaining / (double) burstMax));
    }
}
