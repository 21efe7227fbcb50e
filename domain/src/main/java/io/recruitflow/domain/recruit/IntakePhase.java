package io.recruitflow.domain.recruit;

import java.util.List;

/**
 * The two phases of an intake. The first phase (contact, intro text, opportunity) runs at speed-to-lead
 * priority, in a job per recruit; the follow-up (workflow enrolment) at bulk priority, in one batch per location
 * for many recruits at once, so that a new lead's first text never waits behind other leads' follow-up steps.
 */
public enum IntakePhase {
    FIRST(List.of(IntakeStep.UPSERT_CONTACT, IntakeStep.SEND_INTRO, IntakeStep.CREATE_OPPORTUNITY)),
    FOLLOW_UP(List.of(IntakeStep.ENROLL_WORKFLOW));

    private final List<IntakeStep> steps;

    IntakePhase(List<IntakeStep> steps) {
        this.steps = steps;
    }

    /** The phase's steps, in the order they run. */
    public List<IntakeStep> steps() {
        return steps;
    }

    public static IntakePhase of(IntakeStep step) {
        return FIRST.steps.contains(step) ? FIRST : FOLLOW_UP;
    }
}
