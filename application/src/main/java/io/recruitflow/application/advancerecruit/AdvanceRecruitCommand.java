package io.recruitflow.application.advancerecruit;

import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.Objects;

/** Move a recruit's opportunity to a stage, for a reason (which decides whether moving back is allowed). */
public record AdvanceRecruitCommand(RecruitId recruit, RecruitingStage target, StageChange.Cause cause) {
    public AdvanceRecruitCommand {
        Objects.requireNonNull(recruit, "recruit is required");
        Objects.requireNonNull(target, "target stage is required");
        Objects.requireNonNull(cause, "cause is required");
    }
}
