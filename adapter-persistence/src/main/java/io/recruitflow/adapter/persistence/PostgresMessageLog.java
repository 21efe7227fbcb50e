package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.optionalInstant;
import static io.recruitflow.adapter.persistence.Rows.optionalString;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link MessageLog} on PostgreSQL. {@link #transition} is one {@code UPDATE ... WHERE state = :expected}:
 * of two workers moving a message from {@code PLANNED} to {@code SENDING}, exactly one updates a row and
 * may send. {@code SENDING} and {@code UNKNOWN} rows are never picked by {@link #due}: GHL may have them.
 */
final class PostgresMessageLog implements MessageLog {
    private final Jdbi jdbi;

    PostgresMessageLog(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public MessageRecord plan(MessageRecord record) {
        return jdbi.inTransaction(h -> {
            h.createUpdate("""
                            INSERT INTO messages (message_key, location_id, contact_id, channel, body, subject, state,
                                not_before, message_id, conversation_id, detail, attempts, created_at, updated_at,
                                delivery_status, delivery_reason, delivery_retryable, delivery_reported_at)
                            VALUES (:key, :location, :contact, :channel, :body, :subject, :state, :notBefore,
                                :messageId, :conversationId, :detail, :attempts, :createdAt, :updatedAt,
                                :deliveryStatus, :deliveryReason, :deliveryRetryable, :deliveryReportedAt)
                            ON CONFLICT (message_key) DO NOTHING
                            """)
                    .bind("key", record.key().value())
                    .bind("location", record.location().value())
                    .bind("contact", record.contact().value())
                    .bind("channel", record.channel().name())
                    .bind("body", record.body())
                    .bind("subject", record.subject().orElse(null))
                    .bind("state", record.state().name())
                    .bind("notBefore", ts(record.notBefore()))
                    .bind("messageId", record.messageId().map(MessageId::value).orElse(null))
                    .bind(
                            "conversationId",
                            record.conversationId().map(ConversationId::value).orElse(null))
                    .bind("detail", record.detail().orElse(null))
                    .bind("attempts", record.attempts())
                    .bind("createdAt", ts(record.createdAt()))
                    .bind("updatedAt", ts(record.updatedAt()))
                    .bind("deliveryStatus", deliveryStatus(record))
                    .bind(
                            "deliveryReason",
                            record.delivery().flatMap(Delivery::reason).orElse(null))
                    .bind(
                            "deliveryRetryable",
                            record.delivery().map(Delivery::retryable).orElse(false))
                    .bind("deliveryReportedAt", ts(record.delivery().map(Delivery::reportedAt)))
                    .execute();
            return find(h, record.key()).orElseThrow();
        });
    }

    @Override
    public Optional<MessageRecord> find(MessageKey key) {
        return jdbi.withHandle(h -> find(h, key));
    }

    @Override
    public boolean transition(MessageKey key, SendState expected, MessageRecord next) {
        return jdbi.withHandle(h -> update(h, key, expected, next));
    }

    @Override
    public boolean transition(MessageKey key, SendState expected, MessageRecord next, ComplianceEntry decision) {
        if (!decision.message().equals(key)) {
            throw new IllegalArgumentException("the decision is for " + decision.message() + ", not " + key);
        }
        return jdbi.inTransaction(h -> {
            if (!update(h, key, expected, next)) {
                return false;
            }
            PostgresComplianceRecord.insert(h, decision);
            return true;
        });
    }

    private static boolean update(Handle h, MessageKey key, SendState expected, MessageRecord next) {
        if (!next.key().equals(key)) {
            throw new IllegalArgumentException("the next record has key " + next.key() + ", not " + key);
        }
        return h.createUpdate("""
                        UPDATE messages SET location_id = :location, contact_id = :contact, channel = :channel,
                            body = :body, subject = :subject, state = :state, not_before = :notBefore,
                            message_id = :messageId, conversation_id = :conversationId, detail = :detail,
                            attempts = :attempts, updated_at = :updatedAt, delivery_status = :deliveryStatus,
                            delivery_reason = :deliveryReason, delivery_retryable = :deliveryRetryable,
                            delivery_reported_at = :deliveryReportedAt
                        WHERE message_key = :key AND state = :expected
                        """)
                        .bind("key", key.value())
                        .bind("expected", expected.name())
                        .bind("location", next.location().value())
                        .bind("contact", next.contact().value())
                        .bind("channel", next.channel().name())
                        .bind("body", next.body())
                        .bind("subject", next.subject().orElse(null))
                        .bind("state", next.state().name())
                        .bind("notBefore", ts(next.notBefore()))
                        .bind(
                                "messageId",
                                next.messageId().map(MessageId::value).orElse(null))
                        .bind(
                                "conversationId",
                                next.conversationId().map(ConversationId::value).orElse(null))
                        .bind("detail", next.detail().orElse(null))
                        .bind("attempts", next.attempts())
                        .bind("updatedAt", ts(next.updatedAt()))
                        .bind("deliveryStatus", deliveryStatus(next))
                        .bind(
                                "deliveryReason",
                                next.delivery().flatMap(Delivery::reason).orElse(null))
                        .bind(
                                "deliveryRetryable",
                                next.delivery().map(Delivery::retryable).orElse(false))
                        .bind("deliveryReportedAt", ts(next.delivery().map(Delivery::reportedAt)))
                        .execute()
                == 1;
    }

    @Override
    public List<Instant> possiblySentSince(ContactId contact, Channel channel, Instant since) {
        // A SENT record's updatedAt is when GHL accepted it; a SENDING or UNKNOWN one's, when it was handed over.
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT m.updated_at FROM messages m
                         WHERE m.contact_id = :contact AND m.channel = :channel AND m.state IN ('SENT', 'SENDING', 'UNKNOWN') AND m.updated_at >= :since
                           AND NOT (m.message_key LIKE 'crm/%' AND EXISTS (
                               SELECT 1 FROM messages o WHERE o.message_id = m.message_id AND o.message_key NOT LIKE 'crm/%'))
                         ORDER BY m.updated_at
                        """)
                .bind("contact", contact.value())
                .bind("channel", channel.name())
                .bind("since", ts(since))
                .map((rs, ctx) -> instant(rs, "updated_at"))
                .list());
    }

    @Override
    public List<MessageRecord> due(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM messages
                         WHERE state = 'PLANNED' AND (not_before IS NULL OR not_before <= :now)
                         ORDER BY created_at, message_key
                         LIMIT :limit
                        """)
                .bind("now", ts(now))
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public Map<SendState, Long> countByState(Optional<LocationId> location) {
        return Rows.countsBy(jdbi, SendState.class, """
                SELECT state, count(*) FROM messages
                 WHERE (CAST(:location AS text) IS NULL OR location_id = :location) AND message_key NOT LIKE 'crm/%'
                 GROUP BY state
                """, location);
    }

    @Override
    public Optional<MessageRecord> findByMessageId(MessageId id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM messages WHERE message_id = :id
                         ORDER BY (message_key LIKE 'crm/%'), created_at LIMIT 1
                        """)
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<MessageRecord> ofContact(ContactId contact) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT * FROM messages WHERE contact_id = :contact ORDER BY created_at, message_key")
                .bind("contact", contact.value())
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public Map<DeliveryStatus, Long> countByDelivery(Optional<LocationId> location) {
        return Rows.countsBy(jdbi, DeliveryStatus.class, """
                SELECT COALESCE(delivery_status, 'PENDING'), count(*) FROM messages
                 WHERE (CAST(:location AS text) IS NULL OR location_id = :location) AND message_key NOT LIKE 'crm/%'
                   AND (state = 'SENT' OR delivery_status IS NOT NULL)
                 GROUP BY COALESCE(delivery_status, 'PENDING')
                """, location);
    }

    @Override
    public List<MessageRecord> notDelivered(Optional<LocationId> location, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM messages
                         WHERE delivery_status IN ('UNDELIVERED', 'FAILED') AND message_key NOT LIKE 'crm/%'
                           AND (CAST(:location AS text) IS NULL OR location_id = :location)
                         ORDER BY delivery_reported_at DESC, message_key
                         LIMIT :limit
                        """)
                .bind("location", location.map(LocationId::value).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    private static String deliveryStatus(MessageRecord record) {
        return record.delivery().map(d -> d.status().name()).orElse(null);
    }

    private static Optional<MessageRecord> find(Handle h, MessageKey key) {
        return h.createQuery("SELECT * FROM messages WHERE message_key = :key")
                .bind("key", key.value())
                .map((rs, ctx) -> map(rs))
                .findOne();
    }

    private static MessageRecord map(ResultSet rs) throws SQLException {
        return new MessageRecord(
                new MessageKey(rs.getString("message_key")),
                new LocationId(rs.getString("location_id")),
                new ContactId(rs.getString("contact_id")),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("body"),
                optionalString(rs, "subject"),
                SendState.valueOf(rs.getString("state")),
                optionalInstant(rs, "not_before"),
                optionalString(rs, "message_id").map(MessageId::new),
                optionalString(rs, "conversation_id").map(ConversationId::new),
                optionalString(rs, "detail"),
                rs.getInt("attempts"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                delivery(rs));
    }

    private static Optional<Delivery> delivery(ResultSet rs) throws SQLException {
        Optional<String> status = optionalString(rs, "delivery_status");
        if (status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Delivery(
                DeliveryStatus.valueOf(status.get()),
                optionalString(rs, "delivery_reason"),
                rs.getBoolean("delivery_retryable"),
                optionalInstant(rs, "delivery_reported_at").orElseThrow()));
    }

    /**
     * Marks every {@code SENDING} message {@code UNKNOWN}: for a start after a crash when no other instance
     * can be sending (the embedded database's data directory is locked to this process). An {@code UNKNOWN}
     * message is reconciled against GHL's conversation at once, while a {@code SENDING} one waits until it
     * can no longer be in flight. Returns how many were marked.
     */
    public int interruptInFlight(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE messages SET state = 'UNKNOWN', "
                        + "detail = 'interrupted: the process stopped during the send', updated_at = :now "
                        + "WHERE state = 'SENDING'")
                .bind("now", ts(now))
                .execute());
    }
}
