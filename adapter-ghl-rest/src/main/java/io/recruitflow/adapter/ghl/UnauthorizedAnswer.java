package io.recruitflow.adapter.ghl;

/** GHL answered 401. Thrown through the policies (never retried by them) to the auth layer, which decides. */
final class UnauthorizedAnswer extends RuntimeException {
    final ErrorTranslator.ErrorInfo info;

    UnauthorizedAnswer(ErrorTranslator.ErrorInfo info) {
        super("401", null, false, false);
        this.info = info;
    }
}
