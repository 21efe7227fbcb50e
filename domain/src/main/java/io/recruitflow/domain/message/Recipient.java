package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Who a message goes to, as far as compliance cares: every time zone they may be in (the window must hold in
 * all), every state whose rules may apply (their rules apply together), and their consent.
 */
public record Recipient(Set<ZoneId> zones, Set<UsState> states, boolean dnd, boolean optedOut) {
    public Recipient {
        zones = Set.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a recipient needs at least one time zone");
        }
        states = Set.copyOf(states);
    }

    /** A recipient in at most one known state. */
    public Recipient(Set<ZoneId> zones, Optional<UsState> state, boolean dnd, boolean optedOut) {
        this(zones, state.map(Set::of).orElse(Set.of()), dnd, optedOut);
    }

    /** Where the recipient may be: every state and zone the compliance rules must consider. */
    public static Recipient at(Whereabouts where, boolean dnd, boolean optedOut) {
        return new Recipient(Set.copyOf(where.zoneIds()), Set.copyOf(where.states()), dnd, optedOut);
    }
}
