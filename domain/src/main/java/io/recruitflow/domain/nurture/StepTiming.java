package io.recruitflow.domain.nurture;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a cadence step is due, counted from the start of the cadence (the moment the recruit entered its stage):
 * {@code after: 4h} (a duration: {@code 90m}, {@code 4h}, {@code 1d}, {@code PT4H}), or {@code at: next-morning}
 * (the next day at 09:00 in the recruit's time zone), {@code at: next-morning 10:30}, {@code at: +3d 09:30} (the
 * third day after at 09:30). Compliance decides the instant it may really go; this is the earliest.
 */
public sealed interface StepTiming {

    /** The earliest instant of the step for a cadence started at {@code start}, for a recruit in {@code zone}. */
    Instant dueAt(Instant start, ZoneId zone);

    /** As written in the configuration. */
    String describe();

    /** A fixed time after the start. */
    record After(Duration delay) implements StepTiming {
        public After {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative() || delay.compareTo(Duration.ofDays(90)) > 0) {
                throw new IllegalArgumentException("a step's delay must be 0 to 90 days, not " + delay);
            }
        }

        @Override
        public Instant dueAt(Instant start, ZoneId zone) {
            return start.plus(delay);
        }

        @Override
        public String describe() {
            return "after " + Durations.format(delay);
        }
    }

    /** A local time of day, {@code days} days after the start's day, in the recruit's zone. */
    record At(int days, LocalTime time) implements StepTiming {
        public At {
            Objects.requireNonNull(time, "time");
            if (days < 1 || days > 90) {
                throw new IllegalArgumentException("a step's day must be 1 to 90 days after the start, not " + days);
            }
        }

        @Override
        public Instant dueAt(Instant start, ZoneId zone) {
            return start.atZone(zone)
                    .toLocalDate()
                    .plusDays(days)
                    .atTime(time)
                    .atZone(zone)
                    .toInstant();
        }

        @Override
        public String describe() {
            return days == 1 && time.equals(MORNING) ? "at next-morning" : "at +" + days + "d " + time;
        }
    }

    LocalTime MORNING = LocalTime.of(9, 0);

    /** {@code after: DURATION}. */
    static StepTiming after(String text) {
        return new After(Durations.parse(text));
    }

    /** {@code at: next-morning [HH:mm]} or {@code at: +Nd HH:mm}. */
    static StepTiming at(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher next = NEXT_MORNING.matcher(t);
        if (next.matches()) {
            return new At(1, next.group(1) == null ? MORNING : time(next.group(1), text));
        }
        Matcher days = DAYS_AT.matcher(t);
        if (days.matches()) {
            return new At(Integer.parseInt(days.group(1)), time(days.group(2), text));
        }
        throw new IllegalArgumentException(
                "'" + text + "' is not a time of a step: use next-morning, next-morning 10:30 or +3d 09:30");
    }

    private static LocalTime time(String hhmm, String text) {
        try {
            return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "': " + hhmm + " is not a time of day (HH:mm)");
        }
    }

    Pattern NEXT_MORNING = Pattern.compile("next-morning(?:\\s+(\\d{1,2}:\\d{2}))?");
    Pattern DAYS_AT = Pattern.compile("\\+(\\d{1,2})d\\s+(\\d{1,2}:\\d{2})");

    /** Durations as the configuration writes them. */
    final class Durations {
        private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

        private Durations() {}

        /** {@code 90s}, {@code 15m}, {@code 4h}, {@code 1d}, {@code 1h30m} or ISO-8601 {@code PT4H}. */
        public static Duration parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("p")) {
                try {
                    return Duration.parse(t.toUpperCase(Locale.ROOT));
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a duration");
                }
            }
            Matcher m = SHORT.matcher(t);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.find()) {
                if (m.start() != end) {
                    break;
                }
                long n = Long.parseLong(m.group(1));
                total = total.plus(
                        switch (m.group(2)) {
                            case "ms" -> Duration.ofMillis(n);
                            case "s" -> Duration.ofSeconds(n);
                            case "m" -> Duration.ofMinutes(n);
                            case "h" -> Duration.ofHours(n);
                            default -> Duration.ofDays(n);
                        });
                end = m.end();
            }
            if (end == 0 || end != t.length()) {
                throw new IllegalArgumentException("'" + text + "' is not a duration: use 90m, 4h, 1d, 1h30m or PT4H");
            }
            return total;
        }

        public static String format(Duration d) {
            if (d.isZero()) {
                return "0m";
            }
            if (d.toHours() % 24 == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
                return d.toDays() + "d";
            }
            if (d.toMinutesPart() == 0 && d.toSecondsPart() == 0) {
                return d.toHours() + "h";
            }
            if (d.toSecondsPart() == 0) {
                return d.toMinutes() + "m";
            }
            return d.toSeconds() + "s";
        }
    }
}
