package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.optionalInstant;
import static io.recruitflow.adapter.persistence.Rows.optionalString;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.domain.shared.PersonalData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link EventInbox} on PostgreSQL. {@link #storeAll} is one transaction: one batched
 * {@code INSERT ... ON CONFLICT (webhook_id) DO NOTHING} whose per-row counts say which events were new,
 * plus the duplicate counter; it returns only after the commit, so the receiver may then acknowledge.
 * Any database failure there becomes {@link InboxUnavailableException}: nothing was stored.
 *
 * <p>Rows are never deleted, so a {@code webhookId} is recognised as a duplicate for as long as the
 * database lives — longer than any replay window the receiver accepts ({@code RECRUITFLOW_WEBHOOK_MAX_AGE}).
 * Whoever adds pruning must keep ids at least that long.
 */
final class PostgresEventInbox implements EventInbox {
    private final Jdbi jdbi;

    PostgresEventInbox(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public List<Stored> storeAll(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        try {
            return jdbi.inTransaction(h -> {
                PreparedBatch batch = h.prepareBatch("""
                        INSERT INTO inbox_events (webhook_id, event_type, location_id, contact_id, event_time, raw_body,
                            received_at, status)
                        VALUES (:webhookId, :type, :location, :contact, :eventTime, :body, :receivedAt, 'PENDING')
                        ON CONFLICT (webhook_id) DO NOTHING
                        """);
                // Insert in webhookId order: two concurrent batches sharing ids then wait on each other
                // instead of deadlocking. Answers keep the caller's order.
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < events.size(); i++) {
                    order.add(i);
                }
                order.sort(Comparator.comparing((Integer i) -> events.get(i).webhookId())
                        .thenComparing(i -> i));
                for (int i : order) {
                    IncomingEvent e = events.get(i);
                    batch.bind("webhookId", e.webhookId())
                            .bind("type", e.type())
                            .bind("location", e.locationId().orElse(null))
                            .bind("contact", e.contactId().orElse(null))
                            .bind("eventTime", ts(e.timestamp()))
                            .bind("body", e.rawBody())
                            .bind("receivedAt", ts(e.receivedAt()))
                            .add();
                }
                int[] counts = batch.execute();
                Stored[] result = new Stored[events.size()];
                long duplicates = 0;
                for (int k = 0; k < counts.length; k++) {
                    // No reWriteBatchedInserts on the pool: each statement reports its own count (1 or 0).
                    // A repeat within the batch conflicts with its first copy and counts 0 too.
                    if (counts[k] == 1) {
                        result[order.get(k)] = Stored.STORED;
                    } else {
                        result[order.get(k)] = Stored.DUPLICATE;
                        duplicates++;
                    }
                }
                if (duplicates > 0) {
                    h.createUpdate("UPDATE inbox_counters SET value = value + :n WHERE name = 'duplicates'")
                            .bind("n", duplicates)
                            .execute();
                }
                return List.of(result);
            });
        } catch (JdbiException e) {
            Optional<String> refused = refusedState(e);
            if (refused.isPresent()) {
                throw new EventRefusedException(
                        "PostgreSQL refused "
                                + (events.size() == 1 ? "the event" : "an event of the batch of " + events.size())
                                + " (SQLSTATE " + refused.get() + "); nothing was stored",
                        e);
            }
            throw new InboxUnavailableException(
                    "the inbox could not store " + events.size() + " event(s); nothing was stored", e);
        }
    }

    /**
     * The SQLSTATE of a failure that the data itself causes, so that the same row fails every time: class 22
     * (data exception, e.g. a NUL character in text), 23 (integrity constraint violation) and 54 (program limit
     * exceeded, e.g. an index entry too large). Anything else (connection lost, read-only, deadlock, shutdown)
     * is the store's state and may pass.
     */
    static Optional<String> refusedState(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"))) {
                    return Optional.of(state);
                }
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<InboxEvent> find(String webhookId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM inbox_events WHERE webhook_id = :id")
                .bind("id", webhookId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<InboxEvent> due(Instant now, int limit) {
        // The head of each contact's queue is its oldest pending event; only a due head is returned, so a
        // contact's later events wait while its earlier one is backing off. Events without a contact stand alone.
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM (
                            SELECT DISTINCT ON (coalesce(contact_id, webhook_id)) *
                              FROM inbox_events
                             WHERE status = 'PENDING'
                             ORDER BY coalesce(contact_id, webhook_id), event_time, seq
                        ) head
                        WHERE next_attempt_at IS NULL OR next_attempt_at <= :now
                        ORDER BY event_time, seq
                        LIMIT :limit
                        """)
                .bind("now", ts(now))
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public void markProcessed(String webhookId) {
        mark(webhookId, """
                UPDATE inbox_events SET status = 'PROCESSED', attempts = attempts + 1, next_attempt_at = NULL,
                    updated_at = now()
                WHERE webhook_id = :id
                """, null, null);
    }

    @Override
    public void markIgnored(String webhookId, String reason) {
        mark(webhookId, """
                UPDATE inbox_events SET status = 'IGNORED', last_error = :error, next_attempt_at = NULL,
                    updated_at = now()
                WHERE webhook_id = :id
                """, PersonalData.mask(reason), null);
    }

    @Override
    public void markFailed(String webhookId, String error, Instant retryAt) {
        Objects.requireNonNull(retryAt, "retryAt");
        mark(webhookId, """
                UPDATE inbox_events SET attempts = attempts + 1, failures = failures + 1, last_error = :error,
                    next_attempt_at = :retryAt, updated_at = now()
                WHERE webhook_id = :id AND status = 'PENDING'
                """, PersonalData.mask(error), retryAt);
    }

    @Override
    public void markDead(String webhookId, String error) {
        mark(webhookId, """
                UPDATE inbox_events SET status = 'DEAD', attempts = attempts + 1, last_error = :error,
                    next_attempt_at = NULL, updated_at = now()
                WHERE webhook_id = :id
                """, PersonalData.mask(error), null);
    }

    private void mark(String webhookId, String sql, String error, Instant retryAt) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate(sql)
                    .bind("id", webhookId)
                    .bind("error", error)
                    .bind("retryAt", ts(retryAt))
                    .execute();
            if (updated == 0 && !exists(h, webhookId)) {
                throw new IllegalArgumentException("no inbox event " + webhookId);
            }
        });
    }

    private static boolean exists(Handle h, String webhookId) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM inbox_events WHERE webhook_id = :id)")
                .bind("id", webhookId)
                .mapTo(Boolean.class)
                .one();
    }

    @Override
    public InboxStats stats() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT count(*) AS stored,
                               (SELECT value FROM inbox_counters WHERE name = 'duplicates') AS duplicates,
                               count(*) FILTER (WHERE status = 'PROCESSED') AS processed,
                               coalesce(sum(failures), 0) AS failed,
                               count(*) FILTER (WHERE status = 'DEAD') AS dead,
                               count(*) FILTER (WHERE status = 'IGNORED') AS ignored
                          FROM inbox_events
                        """)
                .map((rs, ctx) -> new InboxStats(
                        rs.getLong("stored"),
                        rs.getLong("duplicates"),
                        rs.getLong("processed"),
                        rs.getLong("failed"),
                        rs.getLong("dead"),
                        rs.getLong("ignored")))
                .one());
    }

    @Override
    public List<InboxEvent> list(InboxStatus status, int limit) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM inbox_events WHERE status = :status ORDER BY seq DESC LIMIT :limit")
                        .bind("status", status.name())
                        .bind("limit", limit)
                        .map((rs, ctx) -> map(rs))
                        .list());
    }

    private static InboxEvent map(ResultSet rs) throws SQLException {
        IncomingEvent event = new IncomingEvent(
                rs.getString("webhook_id"),
                rs.getString("event_type"),
                optionalString(rs, "location_id"),
                optionalString(rs, "contact_id"),
                instant(rs, "event_time"),
                rs.getBytes("raw_body"),
                instant(rs, "received_at"));
        return new InboxEvent(
                event,
                InboxStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                optionalString(rs, "last_error"),
                optionalInstant(rs, "next_attempt_at"));
    }
}
