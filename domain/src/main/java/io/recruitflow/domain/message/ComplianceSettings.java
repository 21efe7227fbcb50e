package io.recruitflow.domain.message;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a compliance officer may configure.
 *
 * @param margin never start a text closer than this to the end of a window (default 2 minutes), so that a
 *     text decided at 20:59:30 does not reach the phone after 21:00
 * @param switchedOff ids of table rows ({@link SolicitationRules}) that do not apply, e.g. {@code
 *     MS.holidays}; the federal rule cannot be switched off. The service says at start which rows are off.
 * @param horizon how far ahead a deferral may look before the text is refused instead
 */
public record ComplianceSettings(Duration margin, Set<String> switchedOff, Duration horizon) {
    public static final Duration DEFAULT_MARGIN = Duration.ofMinutes(2);
    public static final Duration DEFAULT_HORIZON = Duration.ofDays(31);

    public ComplianceSettings {
        Objects.requireNonNull(margin, "margin");
        if (margin.isNegative() || margin.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the margin must be between 0 and 1 hour, not " + margin);
        }
        switchedOff = Set.copyOf(new TreeSet<>(switchedOff));
        for (String id : switchedOff) {
            SolicitationRule rule = SolicitationRules.byId(id)
                    .orElseThrow(() -> new IllegalArgumentException("no compliance rule '" + id + "'; known: "
                            + SolicitationRules.ALL.stream()
                                    .map(SolicitationRule::id)
                                    .toList()));
            if (rule.state().isEmpty()) {
                throw new IllegalArgumentException("the federal rule " + id + " cannot be switched off");
            }
        }
        Objects.requireNonNull(horizon, "horizon");
        if (horizon.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("the horizon must be at least a day");
        }
    }

    public static ComplianceSettings defaults() {
        return new ComplianceSettings(DEFAULT_MARGIN, Set.of(), DEFAULT_HORIZON);
    }

    public ComplianceSettings withMargin(Duration margin) {
        return new ComplianceSettings(margin, switchedOff, horizon);
    }

    public ComplianceSettings switchingOff(String... ids) {
        Set<String> off = new TreeSet<>(switchedOff);
        off.addAll(List.of(ids));
        return new ComplianceSettings(margin, off, horizon);
    }

    /** One line per switched-off row, for the log at start ("MS.holidays is OFF: ..."). */
    public List<String> describeSwitchedOff() {
        return switchedOff.stream()
                .map(id -> id + " is switched off: "
                        + SolicitationRules.byId(id).orElseThrow().describe())
                .toList();
    }
}
