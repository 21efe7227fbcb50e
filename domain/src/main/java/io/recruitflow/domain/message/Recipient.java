package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a message goes to, as far as compliance cares: the time zones they may be in (a number can map to
 * two; the window must hold in all), the state whose rules apply, and their consent.
 */
public record Recipient(Set<ZoneId> zones, Optional<UsState> state, boolean dnd, boolean optedOut) {
    public Recipient {
        zones = Set.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a recipient needs at least one time zone");
        }
        Objects.requireNonNull(state, "state");
    }
}
