package io.recruitflow.domain.message;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * A day a state's law names as a holiday, as a rule for finding it in any year: a fixed date (July 4), the
 * n-th or last weekday of a month (the fourth Thursday of November), or a day counted from Easter (Good
 * Friday, Mardi Gras).
 */
public sealed interface Holiday {

    String name();

    /** The date the holiday falls on in {@code year}, before any weekend observance rule. */
    LocalDate in(int year);

    /** Whether a state's observance rule (Sunday to Monday, Saturday to Friday) moves this holiday. */
    boolean moves();

    /** January 1, July 4: a fixed date, which may fall on a weekend and be observed on a weekday. */
    record Fixed(String name, Month month, int day, boolean moves) implements Holiday {
        public Fixed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(month, "month");
            LocalDate.of(2024, month, day); // fails for a day the month never has (2024 is a leap year)
        }

        @Override
        public LocalDate in(int year) {
            return LocalDate.of(year, month, day);
        }
    }

    /**
     * The {@code n}-th {@code weekday} of {@code month} ({@code n = -1}: the last), plus {@code plusDays}:
     * Election Day is the Tuesday after the first Monday of November, i.e. first Monday plus one day.
     */
    record NthWeekday(String name, Month month, DayOfWeek weekday, int n, int plusDays) implements Holiday {
        public NthWeekday {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(weekday, "weekday");
            if (n == 0 || n < -1 || n > 5) {
                throw new IllegalArgumentException("n must be 1..5 or -1 (last), not " + n);
            }
        }

        @Override
        public LocalDate in(int year) {
            LocalDate first = LocalDate.of(year, month, 1);
            LocalDate date = n == -1
                    ? first.with(TemporalAdjusters.lastInMonth(weekday))
                    : first.with(TemporalAdjusters.dayOfWeekInMonth(n, weekday));
            return date.plusDays(plusDays);
        }

        @Override
        public boolean moves() {
            return false;
        }
    }

    /** A day counted from Western (Gregorian) Easter Sunday: Good Friday is -2, Mardi Gras -47. */
    record FromEaster(String name, int days) implements Holiday {
        public FromEaster {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public LocalDate in(int year) {
            return easter(year).plusDays(days);
        }

        @Override
        public boolean moves() {
            return false;
        }
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
