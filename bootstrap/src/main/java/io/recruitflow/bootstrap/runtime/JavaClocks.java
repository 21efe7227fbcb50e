package io.recruitflow.bootstrap.runtime;

import io.recruitflow.domain.shared.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Our {@link Clock} as a {@link java.time.Clock}, for libraries that take the JDK's (the GHL sandbox). */
public final class JavaClocks {
    private JavaClocks() {}

    /** A UTC {@link java.time.Clock} that reads {@code clock}, so both move together (simulations, tests). */
    public static java.time.Clock of(Clock clock) {
        return new java.time.Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.now();
            }
        };
    }
}
