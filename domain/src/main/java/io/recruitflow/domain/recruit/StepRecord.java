package io.recruitflow.domain.recruit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The journal entry of one intake step of one recruit: its state, how many times it was started, the
 * GHL id it produced ({@code ref}: contact, opportunity or message id), a detail (the reason for a
 * skip, deferral or failure, or how a done step was done when a person should know) and, for a deferred step,
 * when it may run.
 */
public record StepRecord(
        RecruitId recruit,
        IntakeStep step,
        StepState state,
        int attempts,
        Optional<String> ref,
        Optional<String> detail,
        Optional<Instant> notBefore,
        Instant updatedAt) {
    public StepRecord {
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public static StepRecord pending(RecruitId recruit, IntakeStep step, Instant at) {
        return new StepRecord(
                recruit, step, StepState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(), at);
    }

    public StepRecord started(Instant at) {
        return new StepRecord(
                recruit, step, StepState.STARTED, attempts + 1, ref, Optional.empty(), Optional.empty(), at);
    }

    public StepRecord done(Optional<String> newRef, Instant at) {
        return done(newRef, Optional.empty(), at);
    }

    /** Done, with what a person should know about how it was done. */
    public StepRecord done(Optional<String> newRef, Optional<String> why, Instant at) {
        return new StepRecord(recruit, step, StepState.DONE, attempts, newRef.or(() -> ref), why, Optional.empty(), at);
    }

    public StepRecord deferred(Instant until, String why, Instant at) {
        return new StepRecord(
                recruit, step, StepState.DEFERRED, attempts, ref, Optional.of(why), Optional.of(until), at);
    }

    public StepRecord skipped(String why, Instant at) {
        return new StepRecord(recruit, step, StepState.SKIPPED, attempts, ref, Optional.of(why), Optional.empty(), at);
    }

    public StepRecord unknown(String why, Instant at) {
        return new StepRecord(recruit, step, StepState.UNKNOWN, attempts, ref, Optional.of(why), Optional.empty(), at);
    }

    public StepRecord failed(String why, Instant at) {
        return new StepRecord(recruit, step, StepState.FAILED, attempts, ref, Optional.of(why), Optional.empty(), at);
    }

    /** Back to pending after a retryable failure, to run again no earlier than {@code notBefore}. */
    public StepRecord retryAt(Instant when, String why, Instant at) {
        return new StepRecord(recruit, step, StepState.PENDING, attempts, ref, Optional.of(why), Optional.of(when), at);
    }
}
