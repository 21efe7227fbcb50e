package io.recruitflow.application.stalls;

import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How long a recruit may stay in a stage before they are said to be stalled, per stage (a stage without a limit
 * never stalls; Contracted never does). Defaults: Lead 1 day (the intake should have moved them within minutes),
 * Contacted 8 days (the follow-up cadence's last step is on day 7), Interested 3 days, Presentation Scheduled 2
 * days after the presentation's end (before it, a booked recruit is not idle).
 *
 * @param limits the limit of each stage that has one
 * @param every how often the stages are looked at (default 15 minutes)
 */
public record StallSettings(Map<RecruitingStage, Duration> limits, Duration every) {
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);

    public StallSettings {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(every, "every");
        EnumMap<RecruitingStage, Duration> copy = new EnumMap<>(RecruitingStage.class);
        limits.forEach((stage, limit) -> {
            if (stage == RecruitingStage.CONTRACTED) {
                throw new IllegalArgumentException("Contracted is where recruiting ends: it takes no stall limit");
            }
            if (limit == null
                    || limit.compareTo(Duration.ofMinutes(1)) < 0
                    || limit.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException(
                        "the stall limit of " + stage.defaultName() + " must be 1m to 365d, not " + limit);
            }
            copy.put(stage, limit);
        });
        limits = java.util.Collections.unmodifiableMap(copy);
        if (every.compareTo(Duration.ofSeconds(1)) < 0 || every.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("stalls are looked for every 1s to 1d, not " + every);
        }
    }

    public static StallSettings defaults() {
        return new StallSettings(
                Map.of(
                        RecruitingStage.LEAD, Duration.ofDays(1),
                        RecruitingStage.CONTACTED, Duration.ofDays(8),
                        RecruitingStage.INTERESTED, Duration.ofDays(3),
                        RecruitingStage.PRESENTATION_SCHEDULED, Duration.ofDays(2)),
                DEFAULT_EVERY);
    }

    /** The stage a setting names: its default name ("Presentation Scheduled") or enum name, case aside. */
    public static RecruitingStage stageNamed(String name) {
        String wanted = name.strip().replace('_', ' ').toLowerCase(Locale.ROOT);
        for (RecruitingStage stage : RecruitingStage.values()) {
            if (stage.defaultName().toLowerCase(Locale.ROOT).equals(wanted)) {
                return stage;
            }
        }
        throw new IllegalArgumentException("unknown stage '" + name.strip()
                + "'; the stages are Lead, Contacted, Interested, Presentation Scheduled");
    }
}
