package io.recruitflow.adapter.ghl;

import com.squareup.moshi.JsonDataException;
import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.Timeout;
import dev.failsafe.TimeoutExceededException;
import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.domain.shared.Clock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
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
 * Runs one GHL call through the policies of its token resource and returns the body of a 2xx answer; every
 * other outcome is an {@link AttemptFailure} that {@link GhlFailures} decides about (retry it here, count it
 * against the breaker, and which failure the call ends with). The policies are built once per resource and
 * shared by every call of it, outermost first:
 * <ol>
 *   <li>retry: what {@link GhlFailures#retryInside} allows (429s and refused connections always; 5xx,
 *       timeouts and resets only for idempotent calls); the wait is what a 429's headers imply, else
 *       full-jitter exponential backoff;</li>
 *   <li>circuit breaker: opens after consecutive failures that {@link GhlFailures#unhealthy} names (5xx,
 *       network), so a GHL outage fails fast;</li>
 *   <li>rate limiter: a permit from the {@link PermitSource} (a pluggable gate rather than a Failsafe
 *       policy object, so a distributed limiter can replace it);</li>
 *   <li>per-attempt timeout: cancels the OkHttp call when an attempt takes too long.</li>
 * </ol>
 * 401s are not decided here: they surface as {@link UnauthorizedAnswer} for the auth layer.
 */
final class HttpPipeline {
    private static final Logger log = LoggerFactory.getLogger(HttpPipeline.class);

    private final GhlClientConfig config;
    private final PermitSource permits;
    private final RateBudgets budgets;
    private final ErrorBodyReader errors;
    private final Clock clock;
    private final ConcurrentMap<TokenOwner, Policies> policies = new ConcurrentHashMap<>();

    /** The shared policies of one token resource. */
    private record Policies(
            FailsafeExecutor<Object> retryAndBreaker,
            FailsafeExecutor<Object> attemptTimeout,
            CircuitBreaker<Object> breaker) {}

    HttpPipeline(
            GhlClientConfig config, PermitSource permits, RateBudgets budgets, ErrorBodyReader errors, Clock clock) {
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
     * @throws io.recruitflow.domain.shared.ExternalFailure the call's failure, as {@link GhlFailures} classifies it
     * @throws UnauthorizedAnswer on a 401, for the auth layer to refresh or give up
     */
    <T> T execute(GhlCall call, Supplier<Call<T>> attempt) {
        Policies p = policies.computeIfAbsent(call.owner(), o -> newPolicies());
        try {
            return p.retryAndBreaker().get(ctx -> attempt(p, call, attempt));
        } catch (AttemptFailure f) {
            if (f.reason() == Reason.ANSWERED && f.status() == 401) {
                throw new UnauthorizedAnswer(f);
            }
            throw GhlFailures.failure(f);
        } catch (CircuitBreakerOpenException e) {
            Duration remaining = p.breaker().getRemainingDelay();
            Instant reopens = remaining == null || remaining.isNegative()
                    ? null
                    : clock.now().plus(remaining);
            throw GhlFailures.failure(AttemptFailure.notSent(call, Reason.CIRCUIT_OPEN, null, reopens, e));
        } catch (FailsafeException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw GhlFailures.failure(AttemptFailure.notSent(call, Reason.INTERRUPTED, null, null, e));
        }
    }

    /** Whether the owner's circuit breaker is letting calls through (for tests and health checks). */
    boolean breakerClosed(TokenOwner owner) {
        Policies p = policies.get(owner);
        return p == null || p.breaker().isClosed();
    }

    private <T> T attempt(Policies p, GhlCall call, Supplier<Call<T>> attempt) throws InterruptedException {
        if (call.limited() && !permits.acquire(call.owner(), config.permitTimeout())) {
            throw AttemptFailure.notSent(
                    call,
                    Reason.NO_PERMIT,
                    "none for " + call.owner() + " within " + config.permitTimeout(),
                    null,
                    null);
        }
        if (call.limited()) {
            Instant now = clock.now();
            Optional<Instant> spent = budgets.startDaily(call.owner(), now);
            if (spent.isPresent()) {
                // GHL said the day's quota is spent: a call now would only be answered 429 until the reset.
                throw AttemptFailure.notSent(
                        call,
                        Reason.NO_PERMIT,
                        "GHL's daily quota for " + call.owner() + " is spent; not sent before " + spent.get(),
                        spent.get(),
                        null);
            }
        }
        Response<T> response;
        try {
            Call<T> http = attempt.get();
            response = p.attemptTimeout().get(ctx -> {
                ctx.onCancel(http::cancel);
                return http.execute();
            });
            budgets.record(call.owner(), response.headers(), clock.now());
        } catch (TimeoutExceededException e) {
            throw AttemptFailure.transport(call, Reason.TIMEOUT, e);
        } catch (JsonDataException e) {
            throw AttemptFailure.transport(call, Reason.UNREADABLE_ANSWER, e);
        } catch (FailsafeException e) {
            if (e.getCause() instanceof IOException io) {
                throw AttemptFailure.transport(call, GhlFailures.reasonOf(io), io);
            }
            throw e;
        } finally {
            if (call.limited()) {
                budgets.endDaily(call.owner());
            }
        }
        if (response.isSuccessful()) {
            return response.body();
        }
        ErrorBodyReader.ErrorInfo info = errors.read(response);
        if (response.code() == 429) {
            Instant now = clock.now();
            boolean quotaSpent = RateBudgets.dailyQuotaExhausted(response.headers());
            // A spent daily quota comes back when the day resets, not after the burst window.
            Optional<Duration> wait = quotaSpent
                    ? budgets.dailyResetAt(call.owner())
                            .map(at -> at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO)
                            .or(() -> RateBudgets.retryDelay(response.headers(), now))
                    : RateBudgets.retryDelay(response.headers(), now);
            throw AttemptFailure.rateLimited(call, info, wait, now, quotaSpent);
        }
        throw AttemptFailure.answered(call, info);
    }

    private Policies newPolicies() {
        RetryPolicy<Object> retry = RetryPolicy.builder()
                .handleIf((result, failure) ->
                        failure instanceof AttemptFailure f && GhlFailures.retryInside(f, config.maxRateLimitWait()))
                .withMaxAttempts(config.maxAttempts())
                .withDelayFn(ctx -> delay(ctx.getLastException(), ctx.getAttemptCount()))
                .onRetry(e ->
                        log.debug("GHL retry #{} after {}", e.getAttemptCount(), String.valueOf(e.getLastException())))
                .build();
        CircuitBreaker<Object> breaker = CircuitBreaker.builder()
                .handleIf((result, failure) -> failure instanceof AttemptFailure f && GhlFailures.unhealthy(f))
                .withFailureThreshold(config.breakerFailures())
                .withDelay(config.breakerOpenFor())
                .build();
        Timeout<Object> timeout = Timeout.builder(config.attemptTimeout()).build();
        return new Policies(Failsafe.with(retry, breaker), Failsafe.with(timeout), breaker);
    }

    /** The header-implied wait of a 429, else full jitter: uniform in [0, min(max, base * 2^attempt)). */
    private Duration delay(Throwable last, int attempts) {
        if (last instanceof AttemptFailure f && f.serverDelay.isPresent()) {
            return f.serverDelay.get();
        }
        long capMs = Math.min(
                config.backoffMax().toMillis(),
                config.backoffBase().toMillis() << Math.min(20, Math.max(0, attempts - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, capMs) + 1));
    }
}
