package io.recruitflow.bootstrap.extension;

import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock the test moves; it starts at a New York local time, so quiet hours do not depend on when tests run. */
final class MutableClock implements Clock {
    private Instant now;

    MutableClock(String localNewYorkTime) {
        now = LocalDateTime.parse(localNewYorkTime)
                .atZone(ZoneId.of("America/New_York"))
                .toInstant();
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    synchronized void advance(Duration d) {
        now = now.plus(d);
    }
}
