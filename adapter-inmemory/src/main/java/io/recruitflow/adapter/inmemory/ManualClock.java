package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link Clock} that stands still until it is moved: tests decide what time it is (quiet hours, backoff). */
public final class ManualClock implements Clock {
    private final AtomicReference<Instant> now;

    public ManualClock(Instant start) {
        now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Starts at a local time in a zone, e.g. {@code ("2026-02-12T10:00", America/New_York)}. */
    public static ManualClock at(String localDateTime, ZoneId zone) {
        return new ManualClock(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    @Override
    public Instant now() {
        return now.get();
    }

    public void advance(Duration by) {
        now.updateAndGet(t -> t.plus(by));
    }

    public void set(Instant t) {
        now.set(Objects.requireNonNull(t, "t"));
    }
}
