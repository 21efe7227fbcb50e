package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Objects;

/** What running a job came to. */
public sealed interface JobOutcome {

    /** Finished; nothing more to do for this job. */
    record Done() implements JobOutcome {}

    /** Run it again at {@code at} (backoff after a retryable failure, or the next step of a saga). */
    record RunAgainAt(Instant at, String reason) implements JobOutcome {
        public RunAgainAt {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Give up: the job cannot succeed; {@code reason} is kept for an operator. */
    record GiveUp(String reason) implements JobOutcome {}
}
