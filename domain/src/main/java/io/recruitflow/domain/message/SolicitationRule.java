package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One row of the table of telephone-solicitation rules ({@link SolicitationRules}): the federal rule or one
 * state's restriction of the time of day, the day of the week, the holidays or the frequency of texts. Every
 * row names its source (statute or official page) and, where sources disagree, says which reading it takes
 * (always the stricter). A compliance officer may switch a row off by its {@link #id()}.
 */
public sealed interface SolicitationRule {

    /** A stable identifier, {@code US.hours}, {@code FL.cap}, {@code AL.holidays}: what configuration names. */
    String id();

    /** The state whose law this is; empty for the federal rule, which applies everywhere. */
    Optional<UsState> state();

    /** The statute or official source, with its address. */
    String source();

    /** Where sources disagree or the reading is conservative, why this row says what it says; else empty. */
    String note();

    /** The rule in one sentence, for people. */
    String describe();

    /** {@code US} for the federal rule, else the state's postal code. */
    default String jurisdiction() {
        return state().map(UsState::code).orElse("US");
    }

    /** Local hours {@code [start, end)} during which a text may be sent. */
    record Window(LocalTime start, LocalTime end) {
        public Window {
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (!start.isBefore(end)) {
                throw new IllegalArgumentException("a window must start before it ends: " + start + "–" + end);
            }
        }

        @Override
        public String toString() {
            return start + "–" + end;
        }
    }

    /**
     * Texts only inside a window of local time, per weekday. A weekday without a window is not restricted
     * by this row (a ban on the whole day is a {@link DayBan}). The window must hold in every zone the
     * recipient may be in and, when the law names a clock of its own ("Central Standard Time"), in
     * {@code alsoIn} as well.
     */
    record CallingHours(
            String id,
            Optional<UsState> state,
            Map<DayOfWeek, Window> windows,
            Set<ZoneId> alsoIn,
            String source,
            String note)
            implements SolicitationRule {
        public CallingHours {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(state, "state");
            windows = Map.copyOf(windows);
            alsoIn = Set.copyOf(alsoIn);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(note, "note");
            if (windows.isEmpty()) {
                throw new IllegalArgumentException(id + ": calling hours need at least one weekday");
            }
        }

        public Optional<Window> on(DayOfWeek day) {
            return Optional.ofNullable(windows.get(day));
        }

        @Override
        public String describe() {
            Map<Window, Set<DayOfWeek>> byWindow = new java.util.LinkedHashMap<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                Window w = windows.get(day);
                if (w != null) {
                    byWindow.computeIfAbsent(w, k -> new TreeSet<>()).add(day);
                }
            }
            String hours = byWindow.entrySet().stream()
                    .map(e -> e.getKey() + (e.getValue().size() == 7 ? "" : " " + dayNames(e.getValue())))
                    .collect(Collectors.joining(", "));
            String clock = alsoIn.isEmpty()
                    ? ""
                    : " (and in " + alsoIn.stream().map(ZoneId::getId).sorted().collect(Collectors.joining(", ")) + ")";
            return jurisdiction() + ": texts only " + hours + " recipient time" + clock;
        }
    }

    /** No texts at all on these weekdays (Sunday, mostly), in any zone the recipient may be in. */
    record DayBan(String id, UsState home, Set<DayOfWeek> days, String source, String note)
            implements SolicitationRule {
        public DayBan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(home, "home");
            days = Set.copyOf(days);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public Optional<UsState> state() {
            return Optional.of(home);
        }

        @Override
        public String describe() {
            return jurisdiction() + ": no texts on " + dayNames(days);
        }
    }

    /**
     * No texts on the state's holidays: on the day a holiday falls and, where the state's observance rule
     * moves it off a weekend, on the day it is observed as well (both are banned; the conservative reading).
     */
    record HolidayBan(
            String id,
            UsState home,
            List<Holiday> holidays,
            boolean sundayToMonday,
            boolean saturdayToFriday,
            String source,
            String note)
            implements SolicitationRule {
        public HolidayBan {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(home, "home");
            holidays = List.copyOf(holidays);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public Optional<UsState> state() {
            return Optional.of(home);
        }

        /** The holiday that makes {@code date} a banned day, if any. */
        public Optional<String> holidayOn(LocalDate date) {
            // A January 1 that falls on a Saturday is observed on December 31 of the year before.
            for (int year = date.getYear(); year <= date.getYear() + 1; year++) {
                for (Holiday holiday : holidays) {
                    LocalDate actual = holiday.in(year);
                    if (actual.equals(date)) {
                        return Optional.of(holiday.name());
                    }
                    if (holiday.moves() && observed(actual).equals(date)) {
                        return Optional.of(holiday.name() + " (observed)");
                    }
                }
            }
            return Optional.empty();
        }

        private LocalDate observed(LocalDate actual) {
            if (sundayToMonday && actual.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return actual.plusDays(1);
            }
            if (saturdayToFriday && actual.getDayOfWeek() == DayOfWeek.SATURDAY) {
                return actual.minusDays(1);
            }
            return actual;
        }

        @Override
        public String describe() {
            return jurisdiction() + ": no texts on state holidays";
        }
    }

    /** At most {@code max} texts to one recipient in any {@code per} (a rolling window, all subjects). */
    record FrequencyCap(String id, UsState home, int max, Duration per, String source, String note)
            implements SolicitationRule {
        public FrequencyCap {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(home, "home");
            if (max < 1) {
                throw new IllegalArgumentException(id + ": a cap allows at least one text");
            }
            Objects.requireNonNull(per, "per");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(note, "note");
        }

        @Override
        public Optional<UsState> state() {
            return Optional.of(home);
        }

        @Override
        public String describe() {
            return jurisdiction() + " allows at most " + max + " texts per " + per.toHours() + " h";
        }
    }

    private static String dayNames(Set<DayOfWeek> days) {
        return new TreeSet<>(days)
                .stream()
                        .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
                        .collect(Collectors.joining(", "));
    }

    /** Every weekday with the same window. */
    static Map<DayOfWeek, Window> everyDay(LocalTime start, LocalTime end) {
        Map<DayOfWeek, Window> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            map.put(day, new Window(start, end));
        }
        return map;
    }
}
