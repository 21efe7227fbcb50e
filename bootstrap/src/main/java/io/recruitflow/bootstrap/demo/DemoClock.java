package io.recruitflow.bootstrap.demo;

import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's clock: starts at a chosen instant, runs at real speed (so speed-to-lead is measured, not
 * invented) and can jump forward to show what happens overnight.
 */
public final class DemoClock implements Clock {
    private final Instant start;
    private final long startNanos = System.nanoTime();
    private final AtomicLong skippedNanos = new AtomicLong();

    public DemoClock(Instant start) {
        this.start = start;
    }

    @Override
    public Instant now() {
        return start.plusNanos(System.nanoTime() - startNanos + skippedNanos.get());
    }

    /** Jumps forward so that {@link #now()} is at least {@code target}. */
    public void advanceTo(Instant target) {
        Duration gap = Duration.between(now(), target);
        if (!gap.isNegative()) {
            skippedNanos.addAndGet(gap.toNanos());
        }
    }
}
