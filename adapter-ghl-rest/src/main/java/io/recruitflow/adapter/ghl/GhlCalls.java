package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.GhlAuthException;
import java.util.Optional;
import java.util.function.Function;
import retrofit2.Call;

/**
 * Authenticated GHL calls: takes the owner's credential, runs the call through the {@link HttpPipeline} and
 * handles a 401 — once. A 401 that names a scope, and any 401 on a token this call just refreshed, is a
 * {@link GhlAuthException} at once: refreshing cannot fix it, and looping would burn single-use refresh
 * tokens. Otherwise the token is refreshed (single-flight per owner) and the call made once more; a
 * second 401 is final.
 */
final class GhlCalls {
    private final HttpPipeline pipeline;
    private final Credentials credentials;

    GhlCalls(HttpPipeline pipeline, Credentials credentials) {
        this.pipeline = pipeline;
        this.credentials = credentials;
    }

    /** Executes the call; {@code request} builds a fresh Retrofit call from an {@code Authorization} value. */
    <T> T call(GhlCall call, Function<String, Call<T>> request) {
        Credentials.Credential credential = credentials.current(call.owner());
        try {
            return pipeline.execute(call, () -> request.apply(credential.header));
        } catch (UnauthorizedAnswer first) {
            if (first.info.scopeProblem() || credential.refreshedNow) {
                throw authFailure(call, first);
            }
            Optional<Credentials.Credential> refreshed = credentials.afterUnauthorized(call.owner(), credential);
            if (refreshed.isEmpty()) {
                throw authFailure(call, first);
            }
            try {
                return pipeline.execute(call, () -> request.apply(refreshed.get().header));
            } catch (UnauthorizedAnswer second) {
                throw authFailure(call, second);
            }
        }
    }

    static GhlAuthException authFailure(GhlCall call, UnauthorizedAnswer answer) {
        return new GhlAuthException(
                401,
                call.name() + " as " + call.owner()
                        + (answer.info.message() == null ? "" : ": " + answer.info.message()),
                answer.info.traceId());
    }
}
