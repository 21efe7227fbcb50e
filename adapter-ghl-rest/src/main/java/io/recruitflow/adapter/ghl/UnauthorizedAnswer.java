package io.recruitflow.adapter.ghl;

/**
 * GHL answered 401. Thrown out of the {@link HttpPipeline} (never retried by its policies) to the auth layer,
 * which refreshes the token or gives up as {@link GhlFailures} decides.
 */
final class UnauthorizedAnswer extends RuntimeException {
    final AttemptFailure attempt;

    UnauthorizedAnswer(AttemptFailure attempt) {
        super("401", null, false, false);
        this.attempt = attempt;
    }
}
