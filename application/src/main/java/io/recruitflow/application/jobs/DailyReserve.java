package io.recruitflow.application.jobs;

import io.recruitflow.application.port.CallBudget;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The part of a location's daily CRM quota kept for intros (the speed-to-lead steps: contact, opportunity,
 * intro text). Once the daily remaining is down to the reserve, follow-up work (workflow enrollment and the
 * other bulk jobs) waits for the daily reset; once it is spent, intros wait too, so no call is answered "daily
 * limit reached". Either a share of the daily limit ({@code 5%}, the default) or a number of calls.
 *
 * @param percent share of the daily limit kept, 0 to 100 (used when {@code calls} is negative)
 * @param calls   a fixed number of calls kept, or -1
 */
public record DailyReserve(double percent, long calls) {
    public static final DailyReserve DEFAULT = new DailyReserve(5, -1);

    public DailyReserve {
        if (calls < 0 && (Double.isNaN(percent) || percent < 0 || percent > 100)) {
            throw new IllegalArgumentException("a daily reserve is 0% to 100% of the daily limit");
        }
    }

    /** Reads {@code 5%}, {@code 2.5%} or a number of calls such as {@code 1000}. */
    public static DailyReserve parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (s.endsWith("%")) {
                return new DailyReserve(
                        Double.parseDouble(s.substring(0, s.length() - 1).strip()), -1);
            }
            long n = Long.parseLong(s);
            if (n < 0) {
                throw new IllegalArgumentException("a daily reserve is not negative: " + text);
            }
            return new DailyReserve(0, n);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "a daily reserve is a share (5%) or a number of calls (1000), not '" + text + "'");
        }
    }

    /** The number of calls kept out of a daily limit of {@code dailyMax}. */
    public long of(long dailyMax) {
        return calls >= 0 ? calls : (long) Math.ceil(dailyMax * percent / 100.0);
    }

    /**
     * Until when follow-up work waits: the daily reset, while the budget's daily remaining is at or below the
     * reserve. Empty when it may run (or when the CRM did not say when the quota comes back).
     */
    public Optional<Instant> followUpsDeferredUntil(CallBudget budget, Instant now) {
        if (budget.dailyMax() <= 0 || !budget.dailyCurrentAt(now) || budget.dailyRemaining() > of(budget.dailyMax())) {
            return Optional.empty();
        }
        return budget.dailyReset();
    }

    /** Until when every call waits: the daily reset, once the daily quota is spent. */
    public Optional<Instant> spentUntil(CallBudget budget, Instant now) {
        if (!budget.dailyCurrentAt(now) || budget.dailyRemaining() > 0) {
            return Optional.empty();
        }
        return budget.dailyReset();
    }

    @Override
    public String toString() {
        return calls >= 0
                ? calls + " calls"
                : (percent == Math.rint(percent) ? "" + (long) percent : "" + percent) + "%";
    }
}
