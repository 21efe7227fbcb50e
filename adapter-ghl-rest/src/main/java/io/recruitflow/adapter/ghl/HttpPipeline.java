package io.recruitflow.adapter.ghl;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.GhlAuthException;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.GhlException.Kind;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;

/**
 * Runs one GHL call through the policies of its token resource and turns the outcome into a result or a
 * typed failure. The policies are built once per resource and shared by every call of it, outermost first:
 * <ol>
 *   <li>retry: 429s and refused connections always; 5xx, timeouts and resets only for idempotent calls;
 *       the wait is what a 429's headers imply, else full-jitter exponential backoff;</li>
 *   <li>circuit breaker: opens after consecutive 5xx/network failures, so a GHL outage fails fast;</li>
 *   <li>rate limiter: a permit from the {@link PermitSource} (a pluggable gate rather than a Failsafe
 *       policy object, so a distributed limiter can replace it);</li>
 *   <li>per-attempt timeout: cancels the OkHttp call when an attempt takes too long.</li>
 * </ol>
 * 401s are not handled here: they surface as {@link UnauthorizedAnswer} for the auth layer.
 */
final class HttpPipeline {
    private static final Logger log = LoggerFactory.getLogger(HttpPipeline.class);

    private final GhlClientConfig config;
    private final PermitSource permits;
    private final RateBudgets budgets;
    private final ErrorTranslator errors;
    private final Clock clock;
    private final ConcurrentMap<TokenOwner, Policies> policies = new ConcurrentHashMap<>();

    /** The shared policies of one token resource. */
    private record Policies(
            FailsafeExecutor<Object> retryAndBreaker,
            FailsafeExecutor<Object> attemptTimeout,
            CircuitBreaker<Object> breaker) {}

    HttpPipeline(
            GhlClientConfig config, PermitSource permits, RateBudgets budgets, ErrorTranslator errors, Clock clock) {
        this.config = config;
        this.permits = permits;
        this.budgets = budgets;
        this.errors = errors;
        this.clock = clock;
    }

    /**
     * Executes the call (a fresh Retrofit {@link Call} per attempt) and returns the body of a 2xx answer
     * (null when there is none).
     *
     * @throws GhlException         the typed failure; {@link io.recruitflow.domain.shared.GhlOutcomeUnknownException}
     *                              when a non-idempotent create may have happened
     * @throws UnauthorizedAnswer   on a 401, for the auth layer to refresh or give up
     */
    <T> T execute(GhlCall call, Supplier<Call<T>> attempt) {
        Policies p = policies.computeIfAbsent(call.owner(), o -> newPolicies());
        try {
            return p.retryAndBreaker().get(ctx -> attempt(p, call, attempt));
        } catch (AttemptFailure f) {
            throw f.toGhlException();
        } catch (CircuitBreakerOpenException e) {
            throw new GhlException(
                    Kind.SERVER_ERROR,
                    0,
                    call.name() + ": circuit breaker open after repeated GHL failures for " + call.owner()
                            + "; not sent",
                    null,
                    e);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new GhlException(Kind.NETWORK, 0, call.name() + ": interrupted", null, e);
        }
    }

    /** Whether the owner's circuit breaker is letting calls through (for tests and health checks). */
    boolean breakerClosed(TokenOwner owner) {
        Policies p = policies.get(owner);
        return p == null || p.breaker().isClosed();
    }

    private <T> T attempt(Policies p, GhlCall call, Supplier<Call<T>> attempt) throws InterruptedException {
        if (call.limited() && !permits.acquire(call.owner(), config.permitTimeout())) {
            // Nothing was sent: a plain, retryable RATE_LIMITED, even for a create.
            throw new GhlException(
                    Kind.RATE_LIMITED,
                    0,
                    call.name() + ": no client-side rate-limit permit for " + call.owner() + " within "
                            + config.permitTimeout(),
                    null);
        }
        Call<T> http = attempt.get();
        Response<T> response;
        try {
            response = p.attemptTimeout().get(ctx -> {
                ctx.onCancel(http::cancel);
                return http.execute();
            });
        } catch (TimeoutExceededException e) {
            throw failure(AttemptFailure.Cause.TIMEOUT, call, e);
        } catch (JsonDataException e) {
            throw failure(AttemptFailure.Cause.UNREADABLE, call, e);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof IOException io) {
                throw failure(classify(io), call, io);
            }
            throw e;
        }
        budgets.record(call.owner(), response.headers());
        if (response.isSuccessful()) {
            return response.body();
        }
        ErrorTranslator.ErrorInfo info = errors.read(response);
        int status = response.code();
        if (status == 401) {
            throw new UnauthorizedAnswer(info);
        }
        if (status == 403) {
            throw new GhlAuthException(
                    403, call.name() + (info.message() == null ? "" : ": " + info.message()), info.traceId());
        }
        if (status == 429) {
            Optional<Duration> wait = RateBudgets.retryDelay(response.headers(), clock.now());
            throw new AttemptFailure(
                    AttemptFailure.Cause.RATE_LIMITED,
                    call,
                    429,
                    info.message(),
                    info.traceId(),
                    wait,
                    RateBudgets.dailyQuotaExhausted(response.headers()),
                    null);
        }
        if (status >= 500) {
            throw new AttemptFailure(
                    AttemptFailure.Cause.SERVER_ERROR,
                    call,
                    status,
                    info.message(),
                    info.traceId(),
                    Optional.empty(),
                    false,
                    null);
        }
        throw errors.toException(call, info);
    }

    private static AttemptFailure failure(AttemptFailure.Cause cause, GhlCall call, Throwable source) {
        return new AttemptFailure(cause, call, 0, null, null, Optional.empty(), false, source);
    }

    /** Which I/O failures left the request unsent (connect), unanswered (timeout) or broken (reset). */
    private static AttemptFailure.Cause classify(IOException e) {
        if (e instanceof JsonEncodingException) {
            return AttemptFailure.Cause.UNREADABLE;
        }
        if (e instanceof ConnectException || e instanceof UnknownHostException) {
            return AttemptFailure.Cause.CONNECT_REFUSED;
        }
        if (e instanceof InterruptedIOException) { // SocketTimeoutException, OkHttp's call timeout, our cancel
            return AttemptFailure.Cause.TIMEOUT;
        }
        return AttemptFailure.Cause.RESET;
    }

    private Policies newPolicies() {
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf((result, failure) ->
                        failure instanceof AttemptFailure f && f.retryable(config.maxRateLimitWait()))
                .withMaxAttempts(config.maxAttempts())
                .withDelayFn(ctx -> delay(ctx.getLastException(), ctx.getAttemptCount()))
                .onRetry(e ->
                        log.debug("GHL retry #{} after {}", e.getAttemptCount(), String.valueOf(e.getLastException())))
                .build();
        CircuitBreaker<Object> breaker = CircuitBreaker.builder()
                .handleIf((result, failure) -> failure instanceof AttemptFailure f && f.unhealthy())
                .withFailureThreshold(config.breakerFailures())
                .withDelay(config.breakerOpenFor())
                .build();
        Timeout<Object> timeout = Timeout.builder(config.attemptTimeout()).build();
        return new Policies(Failsafe.with(retry, breaker), Failsafe.with(timeout), breaker);
    }

    /** The header-implied wait of a 429, else full jitter: uniform in [0, min(max, base * 2^attempt)). */
    private Duration delay(Throwable last, int attempts) {
        if (last instanceof AttemptFailure f && f.serverDelay().isPresent()) {
            return f.serverDelay().get();
        }
        long capMs = Math.min(
                config.backoffMax().toMillis(),
                config.backoffBase().toMillis() << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, capMs) + 1));
    }
}
