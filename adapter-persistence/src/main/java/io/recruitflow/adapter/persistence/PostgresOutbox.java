package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/** {@link Outbox} on PostgreSQL (table {@code outbound_events}, migration V25). */
final class PostgresOutbox implements Outbox {
    private static final String COLUMNS = "seq, event_id, subscription, type, recruit_id, location_id, contact_id,"
            + " occurred_at, source, stage, detail_keys, detail_values, state, attempts, next_attempt_at, last_result,"
            + " settled_at, created_at";

    private final Jdbi jdbi;

    PostgresOutbox(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public int append(RecruitEvent event, Collection<String> subscriptions, Instant at) {
        return jdbi.inTransaction(h -> appendAll(h, List.of(event), subscriptions, at));
    }

    /**
     * Appends the events for every subscription inside {@code h}'s transaction (one JDBC batch): for a store that
     * writes the fact the events report in the same commit.
     */
    static int appendAll(Handle h, List<RecruitEvent> events, Collection<String> subscriptions, Instant at) {
        if (events.isEmpty() || subscriptions.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO outbound_events (event_id, subscription, type, recruit_id,"
                + " location_id, contact_id, occurred_at, source, stage, detail_keys, detail_values, next_attempt_at,"
                + " created_at) VALUES (:id, :subscription, :type, :recruit, :location, :contact, :occurredAt, :source,"
                + " :stage, :keys, :values, :at, :at) ON CONFLICT (event_id, subscription) DO NOTHING");
        for (RecruitEvent e : events) {
            List<String> keys = new ArrayList<>(e.details().keySet());
            List<String> values = new ArrayList<>(e.details().values());
            for (String subscription : subscriptions) {
                batch.bind("id", e.id())
                        .bind("subscription", subscription)
                        .bind("type", e.type().wire())
                        .bind("recruit", e.recruit().value())
                        .bind("location", e.location().value())
                        .bind("contact", e.contact().map(ContactId::value).orElse(null))
                        .bind("occurredAt", Timestamp.from(e.occurredAt()))
                        .bind("source", e.source())
                        .bind("stage", e.stage().map(Enum::name).orElse(null))
                        .bindArray("keys", String.class, keys)
                        .bindArray("values", String.class, values)
                        .bind("at", Timestamp.from(at))
                        .add();
            }
        }
        int added = 0;
        for (int n : batch.execute()) {
            added += Math.max(n, 0);
        }
        return added;
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbound_events d WHERE d.state ="
                        + " 'PENDING' AND d.next_attempt_at <= :now AND NOT EXISTS (SELECT 1 FROM outbound_events p"
                        + " WHERE p.state = 'PENDING' AND p.subscription = d.subscription AND p.recruit_id ="
                        + " d.recruit_id AND p.seq < d.seq) ORDER BY d.next_attempt_at, d.seq LIMIT :limit")
                .bind("now", Timestamp.from(now))
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    @Override
    public boolean delivered(long seq, int attempts, String result, Instant at) {
        return settle(seq, "DELIVERED", attempts, result, at, at);
    }

    @Override
    public boolean retryAt(long seq, int attempts, String result, Instant next) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbound_events SET attempts = :attempts, last_result ="
                                + " :result, next_attempt_at = :next WHERE seq = :seq AND state = 'PENDING'")
                        .bind("seq", seq)
                        .bind("attempts", attempts)
                        .bind("result", result)
                        .bind("next", Timestamp.from(next))
                        .execute())
                == 1;
    }

    @Override
    public boolean dead(long seq, int attempts, String reason, Instant at) {
        return settle(seq, "DEAD", attempts, reason, at, at);
    }

    private boolean settle(long seq, String state, int attempts, String result, Instant settledAt, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbound_events SET state = :state, attempts = :attempts,"
                                + " last_result = :result, settled_at = :settledAt, next_attempt_at = :at WHERE seq ="
                                + " :seq AND state = 'PENDING'")
                        .bind("seq", seq)
                        .bind("state", state)
                        .bind("attempts", attempts)
                        .bind("result", result)
                        .bind("settledAt", Timestamp.from(settledAt))
                        .bind("at", Timestamp.from(at))
                        .execute())
                == 1;
    }

    @Override
    public Optional<OutboxEntry> find(long seq) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbound_events WHERE seq = :seq")
                .bind("seq", seq)
                .map((rs, ctx) -> entry(rs))
                .findOne());
    }

    @Override
    public List<OutboxEntry> list(Optional<OutboxEntry.State> state, Optional<String> subscription, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM outbound_events WHERE (CAST(:state AS"
                        + " text) IS NULL OR state = :state) AND (CAST(:subscription AS text) IS NULL OR subscription ="
                        + " :subscription) ORDER BY seq DESC LIMIT :limit")
                .bind("state", state.map(Enum::name).orElse(null))
                .bind("subscription", subscription.orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> entry(rs))
                .list());
    }

    @Override
    public int replay(Optional<String> eventId, long fromSeq, long toSeq, Optional<String> subscription, Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE outbound_events SET state = 'PENDING', attempts = 0,"
                        + " next_attempt_at = :now, settled_at = NULL, last_result = 'replayed' WHERE (CASE WHEN"
                        + " CAST(:event AS text) IS NULL THEN seq BETWEEN :from AND :to ELSE event_id = :event END)"
                        + " AND (CAST(:subscription AS text) IS NULL OR subscription = :subscription)")
                .bind("event", eventId.orElse(null))
                .bind("from", fromSeq)
                .bind("to", toSeq)
                .bind("subscription", subscription.orElse(null))
                .bind("now", Timestamp.from(now))
                .execute());
    }

    @Override
    public Map<OutboxEntry.State, Long> countByState() {
        Map<OutboxEntry.State, Long> counts = new EnumMap<>(OutboxEntry.State.class);
        for (OutboxEntry.State s : OutboxEntry.State.values()) {
            counts.put(s, 0L);
        }
        jdbi.useHandle(h -> h.createQuery("SELECT state, count(*) AS n FROM outbound_events GROUP BY state")
                .map((rs, ctx) -> Map.entry(OutboxEntry.State.valueOf(rs.getString("state")), rs.getLong("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
        return counts;
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        Map<String, String> details = new LinkedHashMap<>();
        String[] keys = strings(rs.getArray("detail_keys"));
        String[] values = strings(rs.getArray("detail_values"));
        for (int i = 0; i < keys.length; i++) {
            details.put(keys[i], values[i]);
        }
        String type = rs.getString("type");
        RecruitEvent event = new RecruitEvent(
                RecruitEventType.ofWire(type)
                        .orElseThrow(() -> new IllegalStateException("unknown outbound event type " + type)),
                new RecruitId(rs.getObject("recruit_id", UUID.class)),
                new LocationId(rs.getString("location_id")),
                Rows.optionalString(rs, "contact_id").map(ContactId::new),
                Rows.instant(rs, "occurred_at"),
                rs.getString("source"),
                Rows.optionalString(rs, "stage").map(RecruitingStage::valueOf),
                details);
        return new OutboxEntry(
                rs.getLong("seq"),
                rs.getString("subscription"),
                event,
                OutboxEntry.State.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                Rows.instant(rs, "next_attempt_at"),
                Rows.optionalString(rs, "last_result"),
                Rows.optionalInstant(rs, "settled_at"),
                Rows.instant(rs, "created_at"));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
