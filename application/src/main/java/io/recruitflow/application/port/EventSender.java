package io.recruitflow.application.port;

import io.recruitflow.application.outbound.Subscription;
import java.time.Instant;

/**
 * Sends one event to one subscriber, once: signed, with timeouts, following no redirect (implemented by the HTTP
 * adapter). Retrying is the caller's.
 */
@FunctionalInterface
public interface EventSender {

    /**
     * One attempt at {@code at} (the {@code webhook-timestamp}); never throws for the receiver's failures.
     *
     * @param attempt 1 for the first attempt
     */
    Attempt send(Subscription subscription, RecruitEvent event, int attempt, Instant at);

    /** What an attempt came to; {@code status} is a short line for operators: no response body, no personal data. */
    sealed interface Attempt {
        String status();

        /** The receiver answered 2xx. */
        record Delivered(String status) implements Attempt {}

        /** Anything else: a non-2xx status, a redirect, a timeout, a refused connection, a refused URL. */
        record Failed(String status) implements Attempt {}
    }
}
