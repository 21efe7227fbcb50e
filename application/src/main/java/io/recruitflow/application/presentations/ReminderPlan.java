package io.recruitflow.application.presentations;

import io.recruitflow.domain.message.ComplianceVerdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * When each reminder of a presentation goes, or why it does not: one per offset before the start. A reminder is
 * skipped when its moment has passed by the time the presentation is booked (booked less than the offset ahead),
 * or when its moment falls in the recipient's quiet hours — it is not moved, since a reminder an hour early or
 * late is no longer the reminder the recruit was promised — with the rules that forbid it, as the compliance
 * engine names them.
 */
public final class ReminderPlan {
    private ReminderPlan() {}

    /** One reminder: its offset, its moment, and why it is skipped (empty: it is planned). */
    public record Reminder(Duration offset, Instant at, Optional<String> skipped) {
        public boolean planned() {
            return skipped.isEmpty();
        }
    }

    /**
     * @param start the presentation's start
     * @param now when the plan is made
     * @param offsets how long before the start each reminder goes
     * @param rulesAt the time rules' verdict on a text to the recruit at an instant (consent aside: that is decided
     *     when the reminder goes)
     */
    public static List<Reminder> of(
            Instant start, Instant now, List<Duration> offsets, Function<Instant, ComplianceVerdict> rulesAt) {
        List<Reminder> plan = new ArrayList<>();
        for (Duration offset : offsets) {
            Instant at = start.minus(offset);
            plan.add(new Reminder(offset, at, whySkipped(start, at, now, offset, rulesAt)));
        }
        return List.copyOf(plan);
    }

    private static Optional<String> whySkipped(
            Instant start, Instant at, Instant now, Duration offset, Function<Instant, ComplianceVerdict> rulesAt) {
        if (!start.isAfter(now)) {
            return Optional.of("skipped: the presentation started at " + start);
        }
        if (at.isBefore(now)) {
            return Optional.of("skipped: booked less than " + human(offset) + " before the start, so the "
                    + human(offset) + " reminder's time (" + at + ") had passed");
        }
        ComplianceVerdict verdict = rulesAt.apply(at);
        if (verdict.outcome() == ComplianceVerdict.Outcome.SEND) {
            return Optional.empty();
        }
        String rules =
                verdict.reasons().stream().map(r -> r.rule() + " (" + r + ")").collect(Collectors.joining("; "));
        return Optional.of("skipped: " + at + " is in the recipient's quiet hours — " + rules);
    }

    /** {@code 24h}, {@code 1h}, {@code 90m}, {@code 2d}. */
    public static String human(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0 && d.toDays() > 0 && d.toDays() != 1) {
            return d.toDays() + "d";
        }
        if (d.toMinutes() % 60 == 0) {
            return d.toHours() + "h";
        }
        return d.toMinutes() + "m";
    }
}
