package io.recruitflow.domain.nurture;

/**
 * A nurture step's life: {@code PLANNED → SENDING → SENT} for a message (or {@code PLANNED → DONE} for another
 * action), {@code → SKIPPED} when it could not or need not be done (compliance refused it, the CRM refused it,
 * nothing to do any more), {@code → CANCELLED} when news stored before it left made it pointless.
 *
 * <p>{@code SENDING} means the step's message was let out at least once at the moment of sending (its gate
 * {@linkplain NurtureSteps#claim claimed} it): news stored after that no longer stops that attempt, but does stop
 * any later one.
 */
public enum StepStatus {
    PLANNED,
    SENDING,
    SENT,
    DONE,
    SKIPPED,
    CANCELLED;

    /** Still to be done: planned, or on its way out. */
    public boolean open() {
        return this == PLANNED || this == SENDING;
    }
}
