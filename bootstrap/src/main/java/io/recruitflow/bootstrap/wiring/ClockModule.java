package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import io.recruitflow.domain.shared.Clock;
import java.util.Objects;

/** The clock every service reads: the system's in production, a simulated one in the demo and tests. */
public final class ClockModule extends AbstractModule {
    private final Clock clock;

    public ClockModule(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
    }
}
