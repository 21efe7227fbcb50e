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

/**
 * {@link EventInbox} on PostgreSQL. {@link #storeAll} is one transaction: one
 * {@code INSERT ... SELECT FROM unnest(arrays) ON CONFLICT (webhook_id) DO NOTHING RETURNING webhook_id} for the
 * whole batch, whose returned ids say which events were new,
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
                // Insert in webhookId order: two concurrent batches sharing ids then wait on each other
                // instead of deadlocking. Answers keep the caller's order.
                Integer[] order = new Integer[events.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(
                        order,
                        Comparator.comparing((Integer i) -> events.get(i).webhookId())
                                .thenComparing(i -> i));
                int n = order.length;
                String[] ids = new String[n];
                String[] types = new String[n];
                String[] locations = new String[n];
                String[] contacts = new String[n];
                String[] times = new String[n];
                byte[][] bodies = new byte[n][];
                String[] received = new String[n];
                for (int k = 0; k < n; k++) {
                    IncomingEvent e = events.get(order[k]);
                    ids[k] = e.webhookId();
                    types[k] = e.type();
                    locations[k] = e.locationId().orElse(null);
                    contacts[k] = e.contactId().orElse(null);
                    times[k] = e.timestamp().toString();
                    bodies[k] = e.rawBody();
                    received[k] = e.receivedAt().toString();
                }
                // One statement for the whole batch (arrays, not one INSERT per row): a single parse, plan and
                // round trip, and per-row answers from RETURNING. A repeat within the batch conflicts with its
                // first copy, which alone is returned.
                java.util.Set<String> inserted = new java.util.HashSet<>(n * 2);
                java.sql.Connection c = h.getConnection();
                try (java.sql.PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO inbox_events (webhook_id, event_type, location_id, contact_id, event_time, raw_body,
                            received_at, status)
                        SELECT e.id, e.type, e.location, e.contact, CAST(e.event_time AS timestamptz), e.body,
                            CAST(e.received AS timestamptz), 'PENDING'
                          FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
                                CAST(? AS text[]), CAST(? AS bytea[]), CAST(? AS text[]))
                               WITH ORDINALITY AS e(id, type, location, contact, event_time, body, received, ord)
                         ORDER BY e.ord
                        ON CONFLICT (webhook_id) DO NOTHING
                        RETURNING webhook_id
                        """)) {
                    insert.setArray(1, c.createArrayOf("text", ids));
                    insert.setArray(2, c.createArrayOf("text", types));
                    insert.setArray(3, c.createArrayOf("text", locations));
                    insert.setArray(4, c.createArrayOf("text", contacts));
                    insert.setArray(5, c.createArrayOf("text", times));
                    insert.setArray(6, c.createArrayOf("bytea", bodies));
                    insert.setArray(7, c.createArrayOf("text", received));
                    try (ResultSet rs = insert.executeQuery()) {
                        while (rs.next()) {
                            inserted.add(rs.getString(1));
                        }
                    }
                }
                Stored[] result = new Stored[n];
                long duplicates = 0;
                for (int k = 0; k < n; k++) {
                    // The first copy of an id (in this order) is the one stored; any later copy is a duplicate.
                    if (inserted.remove(ids[k])) {
                        result[order[k]] = Stored.STORED;
                    } else {
                        result[order[k]] = Stored.DUPLICATE;
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
        } catch (JdbiException | SQLException e) {
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
        // Walked oldest first on inbox_events_due, each checked against its contact's earlier pending events on
        // inbox_events_pending: the cost follows the limit, not the backlog (V26).
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM inbox_events e
                         WHERE e.status = 'PENDING'
                           AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= :now)
                           AND NOT EXISTS (
                               SELECT 1 FROM inbox_events earlier
                                WHERE earlier.status = 'PENDING'
                                  AND coalesce(earlier.contact_id, earlier.webhook_id)
                                      = coalesce(e.contact_id, e.webhook_id)
                                  AND (earlier.event_time, earlier.seq) < (e.event_time, e.seq))
                         ORDER BY e.event_time, e.seq
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
