package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.util.Objects;

/**
 * A suspension of every text into a state for a while: a state of emergency the governor declared
 * (Louisiana bans solicitation during one), or a holiday proclaimed for one year only. Honoured like a
 * holiday: texts wait until it ends.
 *
 * @param from when it begins (inclusive)
 * @param until when it ends (exclusive); texts may go again from this instant, inside their windows
 * @param reason what was declared, for the record ("Hurricane Francine, Proclamation 95 JML 2024")
 */
public record DeclaredEmergency(UsState state, Instant from, Instant until, String reason) {
    public DeclaredEmergency {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
        if (!from.isBefore(until)) {
            throw new IllegalArgumentException("an emergency must end after it begins");
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(from) && t.isBefore(until);
    }
}
