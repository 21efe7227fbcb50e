package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.shared.ProcessedEvents;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/** {@link ProcessedEvents} on PostgreSQL: the primary key decides, so two racing markers cannot both win. */
final class PostgresProcessedEvents implements ProcessedEvents {
    private final Jdbi jdbi;

    PostgresProcessedEvents(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean markProcessed(String eventId) {
        return jdbi.withHandle(h ->
                h.createUpdate("INSERT INTO processed_events (event_id) VALUES (:id) ON CONFLICT (event_id) DO NOTHING")
                                .bind("id", requireId(eventId))
                                .execute()
                        == 1);
    }

    @Override
    public boolean isProcessed(String eventId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM processed_events WHERE event_id = :id)")
                .bind("id", requireId(eventId))
                .mapTo(Boolean.class)
                .one());
    }

    private static String requireId(String eventId) {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("event id is blank");
        }
        return eventId;
    }
}
