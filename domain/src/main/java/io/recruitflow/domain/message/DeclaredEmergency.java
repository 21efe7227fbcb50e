package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.util.Objects;

/**
 * A suspension of every text into a state for a while: a state of emergency the governor declared
 * (Louisiana bans solicitation during one), or a holiday proclaimed for one year only. Honoured like a
 * holiday: texts wait until it ends.
 *
 * @param from when it begins (inclusive)
 * @param until when it ends (exclusive); texts may go again from this instant, inside their windows
 * @param reason what was declared, for the record ("Hurricane Francine, Proclamation 95 JML 2024")
 */
public record DeclaredEmergency(UsState state, Instant from, Instant until, String reason) {
    /** By state (postal code), then start, then end. */
    public static final java.util.Comparator<DeclaredEmergency> ORDER = java.util.Comparator.comparing(
                    (DeclaredEmergency e) -> e.state().name())
            .thenComparing(DeclaredEmergency::from)
            .thenComparing(DeclaredEmergency::until);

    public DeclaredEmergency {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("an emergency must end after it begins");
        }
    }

    /**
     * The end of {@code day} everywhere in {@code state}: midnight after it in the state's westernmost zone (the
     * zones of its area codes, {@link AreaCodes}), so that "until December 10" holds through the 10th for every
     * resident.
     */
    public static Instant endOfDay(UsState state, java.time.LocalDate day) {
        return zonesOf(state).stream()
                .map(zone -> day.plusDays(1).atStartOfDay(zone).toInstant())
                .max(Instant::compareTo)
                .orElseThrow();
    }

    /** The start of {@code day} anywhere in {@code state}: midnight in its easternmost zone. */
    public static Instant startOfDay(UsState state, java.time.LocalDate day) {
        return zonesOf(state).stream()
                .map(zone -> day.atStartOfDay(zone).toInstant())
                .min(Instant::compareTo)
                .orElseThrow();
    }

    /**
     * A bound of a suspension of {@code state} as an operator writes it: an ISO-8601 instant with an offset
     * ({@code 2026-12-10T18:00:00Z}), or a date ({@code 2026-12-10}) — as an end, the end of that day everywhere
     * in the state ({@link #endOfDay}); as a start, its beginning anywhere in it ({@link #startOfDay}). Empty
     * when the text is neither.
     */
    public static java.util.Optional<Instant> bound(String raw, UsState state, boolean end) {
        String text = raw.strip();
        try {
            return java.util.Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException notAnInstant) {
            try {
                java.time.LocalDate day = java.time.LocalDate.parse(text);
                return java.util.Optional.of(end ? endOfDay(state, day) : startOfDay(state, day));
            } catch (java.time.format.DateTimeParseException notADate) {
                return java.util.Optional.empty();
            }
        }
    }

    private static java.util.Set<java.time.ZoneId> zonesOf(UsState state) {
        java.util.Set<java.time.ZoneId> zones = new java.util.HashSet<>();
        AreaCodes.ALL.stream().filter(a -> a.state() == state).forEach(a -> zones.addAll(a.zones()));
        if (zones.isEmpty()) {
            zones.addAll(Whereabouts.CONTIGUOUS_US);
        }
        return zones;
    }

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
