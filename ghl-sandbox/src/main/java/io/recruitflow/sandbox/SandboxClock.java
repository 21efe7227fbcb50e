package io.recruitflow.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox's clock: the configured one (the system's, or a test's simulated clock) plus however far
 * {@code POST /_sandbox/clock} has moved it forward. Token expiry, timestamps, free slots and webhook
 * retries all read it, so moving it makes simulated time pass for all of them at once.
 */
final class SandboxClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetMillis = new AtomicLong();

    SandboxClock(Clock base) {
        this.base = base;
    }

    /** Moves the clock forward; it never goes back. */
    Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward");
        }
        offsetMillis.addAndGet(by.toMillis());
        return instant();
    }

    /** How far the clock has been moved beyond the configured one. */
    Duration offset() {
        return Duration.ofMillis(offsetMillis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(offsetMillis.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetMillis.get();
    }
}
