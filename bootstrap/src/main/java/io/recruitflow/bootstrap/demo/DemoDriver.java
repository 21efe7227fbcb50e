package io.recruitflow.bootstrap.demo;

import io.recruitflow.application.applyghlevent.GhlEvent;
import java.time.Instant;

/** What the demo needs from the world it runs in: work the queue, move time, and make GHL report events. */
public interface DemoDriver {
    /** Runs every job that is due now, until none is. */
    void runDueWork();

    /** Moves time forward to {@code instant} (if it is in the future). */
    void advanceTo(Instant instant);

    /** Delivers an event the way GHL would report it. */
    void deliver(GhlEvent event);
}
