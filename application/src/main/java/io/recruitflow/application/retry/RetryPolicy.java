package io.recruitflow.application.retry;

import io.recruitflow.domain.shared.ExternalFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one rule for what follows an {@link ExternalFailure}, applied to every intake step and every
 * message: a refusal is final; anything else is tried again after a capped exponential backoff (or when
 * the CRM said, if later), at most {@link #MAX_ATTEMPTS} times; a call whose outcome is unknown is
 * reconciled before it is repeated.
 */
public final class RetryPolicy {
    /** Attempts before giving up: with the backoff below, about eight and a half minutes of trying. */
    public static final int MAX_ATTEMPTS = 8;

    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private RetryPolicy() {}

    /** What to do next. */
    public sealed interface Next {
        /** Try again at {@code at}; when {@code reconcileFirst}, the effect may have happened: look first. */
        record RetryAt(Instant at, boolean reconcileFirst, String reason) implements Next {}

        /** Stop: it cannot succeed. */
        record GiveUp(String reason) implements Next {}
    }

    /**
     * What follows a failure of the {@code attempts}-th attempt (counting from 1).
     *
     * @param now the moment of the failure
     */
    public static Next after(ExternalFailure failure, int attempts, Instant now) {
        Objects.requireNonNull(failure, "failure");
        String reason = failure.getMessage();
        if (failure instanceof ExternalFailure.Rejected) {
            return new Next.GiveUp(reason);
        }
        if (attempts >= MAX_ATTEMPTS) {
            return new Next.GiveUp("gave up after " + attempts + " attempts: " + reason);
        }
        Instant at = now.plus(backoff(attempts));
        if (failure instanceof ExternalFailure.Unavailable unavailable
                && unavailable.retryAfter().filter(at::isBefore).isPresent()) {
            at = unavailable.retryAfter().get();
        }
        return new Next.RetryAt(at, failure instanceof ExternalFailure.OutcomeUnknown, reason);
    }

    /** 2, 4, 8 … seconds after the 1st, 2nd, 3rd … attempt, at most five minutes. */
    public static Duration backoff(int attempts) {
        Duration d = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 1), 9));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /**
     * The waits between attempts at delivering an outbound event to a subscriber: 5 s, 30 s, 2 min, 10 min, 1 h,
     * 2 h, 4 h, 8 h, 8 h — {@link #EVENT_ATTEMPTS} attempts over about 23 hours, after which the delivery is dead.
     * A receiver's outage is not a CRM failure: it gets longer than a step's minutes, and no refusal is final
     * (a receiver answering 4xx may be fixed and deployed within the day).
     */
    private static final List<Duration> EVENT_BACKOFF = List.of(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(8));

    /** Attempts at delivering one outbound event before it is dead: the first and one after each wait. */
    public static final int EVENT_ATTEMPTS = EVENT_BACKOFF.size() + 1;

    /**
     * After the {@code attempts}-th failed attempt (counting from 1) at delivering an outbound event at {@code now}:
     * when to try again, or empty when that was the last attempt.
     */
    public static Optional<Instant> nextEventAttempt(int attempts, Instant now) {
        if (attempts < 1 || attempts >= EVENT_ATTEMPTS) {
            return attempts < 1 ? Optional.of(now) : Optional.empty();
        }
        return Optional.of(now.plus(EVENT_BACKOFF.get(attempts - 1)));
    }
}
