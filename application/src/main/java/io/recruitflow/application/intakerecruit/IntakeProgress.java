package io.recruitflow.application.intakerecruit;

import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.StepRecord;
import java.util.List;

/** Where one recruit's intake stands: the steps its journal holds, in their order (none before it opens). */
public record IntakeProgress(List<StepRecord> steps) {
    public IntakeProgress {
        steps = List.copyOf(steps);
    }

    /** Whether the intake needs no more work now: every step done, skipped, failed or deferred to its time. */
    public boolean complete() {
        return !steps.isEmpty() && steps.stream().allMatch(s -> s.state().waitsOnNothing());
    }

    /** How many steps are settled (done, skipped or failed). */
    public long settled() {
        return steps.stream().filter(s -> s.state().settled()).count();
    }

    /** How many steps still need work: every step of an intake not opened yet. */
    public long left() {
        return steps.isEmpty() ? IntakeStep.values().length : steps.size() - settled();
    }
}
