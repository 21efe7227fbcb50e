package io.recruitflow.application.intakerecruit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IntakeProgressTest {
    static final RecruitId RECRUIT = RecruitId.random();
    static final Instant AT = Instant.parse("2026-02-12T15:00:00Z");

    static StepRecord pending(IntakeStep step) {
        return StepRecord.pending(RECRUIT, step, AT);
    }

    @Test
    void anIntakeNotOpenedYetIsNotCompleteAndHasEveryStepLeft() {
        IntakeProgress none = new IntakeProgress(List.of());

        assertThat(none.complete()).isFalse();
        assertThat(none.settled()).isZero();
        assertThat(none.left()).isEqualTo(IntakeStep.values().length);
    }

    @Test
    void anIntakeIsCompleteWhenEveryStepWaitsOnNothingADeferredOneIncluded() {
        IntakeProgress progress = new IntakeProgress(List.of(
                pending(IntakeStep.UPSERT_CONTACT).started(AT).done(Optional.of("c_1"), AT),
                pending(IntakeStep.CREATE_OPPORTUNITY).skipped("no pipeline", AT),
                pending(IntakeStep.SEND_INTRO).deferred(AT.plusSeconds(3600), "quiet hours", AT),
                pending(IntakeStep.ENROLL_WORKFLOW).failed("refused", AT)));

        assertThat(progress.complete()).isTrue();
        assertThat(progress.settled()).isEqualTo(3);
        assertThat(progress.left()).isEqualTo(1); // the deferred intro still has work, at its time
    }

    @Test
    void aPendingOrRunningStepLeavesTheIntakeIncomplete() {
        IntakeProgress progress = new IntakeProgress(List.of(
                pending(IntakeStep.UPSERT_CONTACT).started(AT).done(Optional.empty(), AT),
                pending(IntakeStep.CREATE_OPPORTUNITY).started(AT)));

        assertThat(progress.complete()).isFalse();
        assertThat(progress.settled()).isEqualTo(1);
        assertThat(progress.left()).isEqualTo(1);
    }
}
