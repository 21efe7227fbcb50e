package io.recruitflow.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable inbox of verified GHL webhook events, unique on {@code webhookId}. Storing must be
 * durable (committed) before the receiver acknowledges, because GHL does not redeliver after a 2xx.
 *
 * <p>Dedupe must outlast the receiver's replay window: the receiver accepts a {@code timestamp} up to
 * {@code RECRUITFLOW_WEBHOOK_MAX_AGE} old (2 h by default, because GHL retries with the original timestamp
 * for about 70 minutes), and only the inbox can tell a replay inside that window from a new event. So an
 * implementation keeps every stored {@code webhookId} for at least that long, finished events included;
 * Recruitflow's own inboxes never delete one.
 */
public interface EventInbox {

    /** Whether an event was new or a repeat. */
    enum Stored {
        STORED,
        DUPLICATE
    }

    /**
     * Stores the events in one commit, answering per event in the same order.
     *
     * @throws InboxUnavailableException when nothing could be stored now (the receiver answers 429 so GHL
     *     retries)
     * @throws EventRefusedException when an event can never be stored as it is (nothing of the batch was
     *     stored; the receiver then stores the events one by one, so that only the refused one fails)
     */
    List<Stored> storeAll(List<IncomingEvent> events);

    default Stored store(IncomingEvent event) {
        return storeAll(List.of(event)).get(0);
    }

    Optional<InboxEvent> find(String webhookId);

    /**
     * Pending events whose next attempt is due, at most one per contact — the oldest unfinished one — so
     * that a contact's events are applied in order. Oldest first.
     */
    List<InboxEvent> due(Instant now, int limit);

    void markProcessed(String webhookId);

    void markIgnored(String webhookId, String reason);

    /** Records a failed attempt; the event is tried again at {@code retryAt}. */
    void markFailed(String webhookId, String error, Instant retryAt);

    /** Gives up on the event; it stays in the inbox for an operator. */
    void markDead(String webhookId, String error);

    InboxStats stats();

    /** Events in a status, newest first. */
    List<InboxEvent> list(InboxStatus status, int limit);

    /**
     * The inbox can never hold this event, or one event of the batch, as it is: its content breaks a rule of
     * the store (PostgreSQL refuses a NUL character in text, an index entry over its size limit, ...).
     * Retrying cannot help, unlike {@link InboxUnavailableException}. The message must not quote the content.
     */
    final class EventRefusedException extends RuntimeException {
        public EventRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The inbox cannot store events now (database down). */
    final class InboxUnavailableException extends RuntimeException {
        public InboxUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
