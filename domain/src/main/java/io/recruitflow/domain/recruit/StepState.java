package io.recruitflow.domain.recruit;

/**
 * Where an intake step stands. {@code STARTED} and {@code UNKNOWN} mean a GHL call may or may not have
 * happened: such a step is reconciled against GHL before anything is repeated.
 */
public enum StepState {
    PENDING,
    STARTED,
    DONE,
    DEFERRED,
    SKIPPED,
    UNKNOWN,
    FAILED;

    /** Whether the step needs no more work. */
    public boolean settled() {
        return this == DONE || this == SKIPPED || this == FAILED;
    }

    /**
     * Whether the step needs no work now: settled, or deferred (a job takes it up at its time). An intake
     * whose steps all wait on nothing is complete for now.
     */
    public boolean waitsOnNothing() {
        return settled() || this == DEFERRED;
    }
}
