package io.recruitflow.domain.appointment;

import java.time.Instant;
import java.util.Objects;

/** A free interval of a calendar, {@code [start, end)}. */
public record Slot(Instant start, Instant end) implements Comparable<Slot> {
    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot must end after it starts");
        }
    }

    @Override
    public int compareTo(Slot other) {
        return start.compareTo(other.start);
    }
}
