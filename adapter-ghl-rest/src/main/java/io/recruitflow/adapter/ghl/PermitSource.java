package io.recruitflow.adapter.ghl;

import java.time.Duration;

/**
 * Where the client takes a permit before each request to GHL, per token resource (a location or a company:
 * GHL limits per app and resource). The default ({@link GhlClient#defaultPermitSource}) is an in-process
 * Failsafe rate limiter; several instances sharing one GHL app can plug in a distributed one (e.g.
 * bucket4j on PostgreSQL) through {@link GhlClient#create(GhlClientConfig,
 * io.recruitflow.application.port.CredentialStore, io.recruitflow.domain.shared.Clock, PermitSource)}.
 */
public interface PermitSource {

    /**
     * Takes one permit for {@code owner}, waiting at most {@code maxWait}.
     *
     * @return whether a permit was granted; {@code false} fails the call, unsent, as {@link
     *     io.recruitflow.domain.shared.ExternalFailure.Unavailable}
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean acquire(TokenOwner owner, Duration maxWait) throws InterruptedException;

    /**
     * GHL declared a burst limit for the owner (from {@code X-RateLimit-Max} and
     * {@code X-RateLimit-Interval-Milliseconds}); an implementation adapts down when it is stricter than its own.
     */
    default void serverDeclared(TokenOwner owner, int max, Duration interval) {}
}
