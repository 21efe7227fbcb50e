package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RoundRobinTurns} as a row per location in {@code routing_turns}: taking turns is one upsert that locks the
 * row until its transaction ends, so two instances admitting recruits of one location at once take distinct turns,
 * and a restart continues the count.
 */
final class PostgresRoundRobinTurns implements RoundRobinTurns {
    private final Jdbi jdbi;

    PostgresRoundRobinTurns(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public long take(LocationId location, int count) {
        return jdbi.inTransaction(h -> take(h, location, count));
    }

    /** {@link #take} on the caller's handle, in its transaction (an admission's). */
    static long take(Handle h, LocationId location, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return h.createQuery("""
                        INSERT INTO routing_turns (location_id, turns) VALUES (:location, :count)
                        ON CONFLICT (location_id) DO UPDATE SET turns = routing_turns.turns + EXCLUDED.turns
                        RETURNING turns - :count
                        """)
                .bind("location", location.value())
                .bind("count", (long) count)
                .mapTo(Long.class)
                .one();
    }
}
