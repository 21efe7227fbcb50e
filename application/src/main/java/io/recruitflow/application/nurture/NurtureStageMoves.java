package io.recruitflow.application.nurture;

import io.recruitflow.application.advancerecruit.StageMoveListener;
import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.RecruitId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The nurture's view of the moves Recruitflow makes: a recruit moved to another stage cancels the steps of the
 * stage it left (and a contract every cadence), and entering a stage with a cadence starts it.
 */
@Singleton
public class NurtureStageMoves implements StageMoveListener {
    private final Nurture nurture;

    @Inject
    public NurtureStageMoves(Nurture nurture) {
        this.nurture = nurture;
    }

    @Override
    public void moved(RecruitId recruit, Opportunity before, Opportunity after, StageChange.Cause cause) {
        stageMoved(
                nurture,
                recruit,
                before.stage(),
                after.stage(),
                after.updatedAt(),
                cause.name().toLowerCase());
    }

    /** The recruit went from {@code from} to {@code to} (a move of ours, or one GHL reported). */
    public static void stageMoved(
            Nurture nurture,
            RecruitId recruit,
            RecruitingStage from,
            RecruitingStage to,
            java.time.Instant at,
            String by) {
        if (from == to) {
            return;
        }
        nurture.cancel(
                recruit,
                NurtureEvent.stageChanged(
                        to, at, "moved " + from.defaultName() + " → " + to.defaultName() + " (" + by + ")"));
        if (to == RecruitingStage.CONTRACTED) {
            nurture.cancel(recruit, NurtureEvent.of(NurtureEvent.Kind.CONTRACTED, at, "contracted"));
        }
        nurture.stageEntered(recruit, to, at);
    }
}
