package io.recruitflow.application.presentations;

import io.recruitflow.application.nurture.StepAction;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The last step of a presentation's reminders, due at its start: a reminder still waiting then (held by a cap, a
 * reply under review, a retry) is skipped, so none goes after the start. A skipped step is no longer open, so the
 * message gate refuses its text even if its delivery job comes later.
 */
@Singleton
public class PresentationStarted implements StepAction {
    public static final String NAME = "presentation-started";

    private final NurtureSteps steps;
    private final Clock clock;

    @Inject
    public PresentationStarted(NurtureSteps steps, Clock clock) {
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result perform(Recruit recruit, NurtureStep step) {
        String run = step.key().substring(0, step.key().lastIndexOf('/') + 1);
        int skipped = 0;
        for (NurtureStep s : steps.ofRecruit(recruit.id())) {
            if (s.key().startsWith(run)
                    && !s.key().equals(step.key())
                    && s.status().open()) {
                steps.settle(
                        s.key(),
                        NurtureStep.Settlement.SKIPPED,
                        "skipped: the presentation started before this reminder could go",
                        clock.now());
                skipped++;
            }
        }
        return Result.done(
                skipped == 0
                        ? "the presentation started"
                        : "the presentation started; " + skipped + " late reminder(s) skipped");
    }
}
