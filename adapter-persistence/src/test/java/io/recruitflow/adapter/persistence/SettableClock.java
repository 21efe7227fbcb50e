package io.recruitflow.adapter.persistence;

import com.github.kagkarlsson.scheduler.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A db-scheduler clock that tests move by hand. */
final class SettableClock implements Clock {
    private final AtomicReference<Instant> now;

    SettableClock(Instant start) {
        now = new AtomicReference<>(start.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public Instant now() {
        return now.get();
    }

    void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }
}
