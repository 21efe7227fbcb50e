package io.recruitflow.adapter.ghl;

import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Optional;
import java.util.function.Function;
import retrofit2.Call;

/**
 * Authenticated GHL calls: takes the owner's credential, runs the call through the {@link HttpPipeline} and
 * handles a 401 — once. Whether a 401 is worth a refresh is {@link GhlFailures#renewAndRepeat}'s decision: not
 * when it names a scope, nor on a token this call just refreshed (refreshing cannot fix those, and looping
 * would burn single-use refresh tokens). Otherwise the token is refreshed (single-flight per owner) and the
 * call made once more; a second 401 is final.
 */
final class GhlCalls {
    private final HttpPipeline pipeline;
    private final Credentials credentials;
    private volatile UnitOfWork work = UnitOfWork.direct();

    GhlCalls(HttpPipeline pipeline, Credentials credentials) {
        this.pipeline = pipeline;
        this.credentials = credentials;
    }

    /** Every call runs outside the caller's unit of work, after what it wrote is committed. */
    void runOutside(UnitOfWork work) {
        this.work = java.util.Objects.requireNonNull(work, "work");
    }

    /** Whose token a call on the location uses. */
    TokenOwner as(LocationId location) {
        return credentials.ownerOf(location);
    }

    /** Whose token a call on the agency uses. */
    TokenOwner as(CompanyId company) {
        return credentials.ownerOf(company);
    }

    /** Executes the call; {@code request} builds a fresh Retrofit call from an {@code Authorization} value. */
    <T> T call(GhlCall call, Function<String, Call<T>> request) {
        // Never inside an open transaction: the caller's writes are durable before GHL acts on them, and the
        // credential lease and refreshed tokens below commit at once.
        return work.outside(() -> authenticated(call, request));
    }

    private <T> T authenticated(GhlCall call, Function<String, Call<T>> request) {
        Credentials.Credential credential = credentials.current(call);
        try {
            return pipeline.execute(call, () -> request.apply(credential.header));
        } catch (UnauthorizedAnswer first) {
            if (!GhlFailures.renewAndRepeat(first.attempt, credential.refreshedNow)) {
                throw GhlFailures.failure(first.attempt);
            }
            Optional<Credentials.Credential> refreshed = credentials.afterUnauthorized(call, credential);
            if (refreshed.isEmpty()) {
                throw GhlFailures.failure(first.attempt);
            }
            try {
                return pipeline.execute(call, () -> request.apply(refreshed.get().header));
            } catch (UnauthorizedAnswer second) {
                throw GhlFailures.failure(second.attempt);
            }
        }
    }
}
