package io.recruitflow.domain.pipeline;

import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A recruit found idle in a stage longer than its limit: in {@code stage} since {@code idleSince} (the last change
 * of their opportunity, or the end of their presentation), allowed {@code limit}, seen at {@code detectedAt}. One
 * per recruit, stage and {@code idleSince}: a recruit who moves and stalls again is a new alert. What {@code
 * RecruitStalledListener}s hear; ids, a stage and instants only, no personal data.
 */
public record StallAlert(
        RecruitId recruit,
        LocationId location,
        RecruitingStage stage,
        Instant idleSince,
        Duration limit,
        Instant detectedAt) {
    public StallAlert {
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(idleSince, "idleSince");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(detectedAt, "detectedAt");
    }

    /** When the recruit became stalled: the end of the stage's allowance. */
    public Instant stalledAt() {
        return idleSince.plus(limit);
    }
}
