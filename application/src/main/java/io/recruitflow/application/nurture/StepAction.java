package io.recruitflow.application.nurture;

import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.recruit.Recruit;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a step other than a message does when it is due (its {@link NurtureStep#action()}), e.g. archive a recruit
 * after a no-show. Bind one with {@code Multibinder.newSetBinder(binder(), StepAction.class)}; the step's action
 * names it. It must be idempotent: after a crash it may run again for the same step.
 */
public interface StepAction {
    /** The action name steps refer to; not {@link NurtureStep#SEND} nor {@link NurtureStep#REST}. */
    String name();

    /** Does it, for a step that is due, open and not cancelled. */
    Result perform(Recruit recruit, NurtureStep step);

    /** What it came to: done, skipped, or waiting until {@code retryAt}. */
    record Result(NurtureStep.Settlement settlement, String why, Optional<Instant> retryAt) {
        public Result {
            Objects.requireNonNull(settlement, "settlement");
            retryAt = retryAt == null ? Optional.empty() : retryAt;
            if (settlement == NurtureStep.Settlement.WAITING && retryAt.isEmpty()) {
                throw new IllegalArgumentException("a waiting action says when to try again");
            }
        }

        public static Result done(String why) {
            return new Result(NurtureStep.Settlement.DONE, why, Optional.empty());
        }

        public static Result skipped(String why) {
            return new Result(NurtureStep.Settlement.SKIPPED, why, Optional.empty());
        }

        public static Result retryAt(Instant at, String why) {
            return new Result(NurtureStep.Settlement.WAITING, why, Optional.of(at));
        }
    }
}
