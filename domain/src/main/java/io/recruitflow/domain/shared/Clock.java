package io.recruitflow.domain.shared;

import java.time.Instant;

/** The current instant. A port so that tests and simulations control time. */
@FunctionalInterface
public interface Clock {
    Instant now();

    /** The system clock. */
    static Clock system() {
        return Instant::now;
    }
}
