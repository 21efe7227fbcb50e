package io.recruitflow.application.intakerecruit;

import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepRecord;

/**
 * What one intake step does, and how it reconciles when an earlier attempt may have had its effect. The
 * {@link IntakeStepRunner} journals, retries and stops; a step only acts. Failures of the CRM are
 * thrown as {@link io.recruitflow.domain.shared.ExternalFailure}s and handled by the runner.
 */
public interface IntakeStepAction {
    IntakeStep step();

    /**
     * Runs the step for the recruit.
     *
     * @param previous the step's journal entry before this attempt: {@code previous.attempts() > 0} means an
     *     earlier attempt may have reached the CRM
     */
    StepResult perform(Recruit recruit, StepRecord previous);

    /**
     * Whether the step may simply be done again after a crash, so it needs no durable "started" mark before it
     * acts (an upsert, an enrollment: the CRM makes them idempotent). A step that creates or sends must reconcile
     * instead, and answers {@code false}.
     */
    default boolean repeatable() {
        return false;
    }

    /**
     * Whether the step itself makes what the unit of work wrote durable right before each CRM call it makes, as the
     * message sender does for a text it marks {@code SENDING}: the step's "started" mark then rides on that commit,
     * and the runner adds none of its own before the step.
     */
    default boolean commitsBeforeItsCalls() {
        return false;
    }
}
