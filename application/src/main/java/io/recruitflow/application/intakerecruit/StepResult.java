package io.recruitflow.application.intakerecruit;

import java.time.Instant;
import java.util.Optional;

/** What one run of an intake step came to; the {@link IntakeStepRunner} journals it. */
public sealed interface StepResult {
    /**
     * Done; {@code ref} is the id of what the step made or found in the CRM, {@code detail} what a person
     * should know about how (e.g. that the CRM's match was not the lead's contact).
     */
    record Done(Optional<String> ref, Optional<String> detail) implements StepResult {
        public Done(Optional<String> ref) {
            this(ref, Optional.empty());
        }
    }

    /** Not yet, by rule (quiet hours): a job takes it up at {@code until}; the saga goes on. */
    record Deferred(Instant until, String reason) implements StepResult {}

    /** Not done, by rule (an opt-out, do-not-disturb): settled, and the saga goes on. */
    record Skipped(String reason) implements StepResult {}

    /** Cannot succeed: settled, and the saga stops (later steps are skipped). */
    record Failed(String reason) implements StepResult {}

    /** Try again at {@code at}; when {@code mayHaveHappened}, reconcile before acting again. */
    record RetryAt(Instant at, String reason, boolean mayHaveHappened) implements StepResult {}
}
