package io.recruitflow.application.port;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable outbox of outbound events: one entry per event and subscription, kept after delivery (so that it can
 * be listed and replayed). Implementations keep entries across restarts and refuse a second entry of the same event
 * id and subscription.
 */
public interface Outbox {

    /**
     * Appends one pending entry of {@code event} per subscription, due at {@code at}, unless that event id is stored
     * for it already; returns how many entries were new.
     */
    int append(RecruitEvent event, Collection<String> subscriptions, Instant at);

    /**
     * Pending entries due at {@code now} that are the first pending entry of their recruit and subscription (no
     * earlier entry of the same recruit waits for that subscription), oldest first: what may be sent now without
     * passing an earlier event of the same recruit.
     */
    List<OutboxEntry> due(Instant now, int limit);

    /** Records a delivery ({@code result} the status line); only a pending entry changes. */
    boolean delivered(long seq, int attempts, String result, Instant at);

    /** Records a failed attempt; the entry is tried again at {@code next}. Only a pending entry changes. */
    boolean retryAt(long seq, int attempts, String result, Instant next);

    /** Records the last failed attempt: the entry is dead, with {@code reason}. Only a pending entry changes. */
    boolean dead(long seq, int attempts, String reason, Instant at);

    Optional<OutboxEntry> find(long seq);

    /** Entries newest first, optionally of one state and one subscription, at most {@code limit}. */
    List<OutboxEntry> list(Optional<OutboxEntry.State> state, Optional<String> subscription, int limit);

    /**
     * Makes the entries of the selection pending again, due at {@code now}, with their attempts reset — delivered
     * and dead ones alike; returns how many. A replayed event keeps its id and its place in its recruit's order.
     *
     * @param eventId one event (every subscription of it, or the one given), or empty for a range of seq
     * @param fromSeq first seq of the range (inclusive), when no event id
     * @param toSeq last seq of the range (inclusive), when no event id
     */
    int replay(Optional<String> eventId, long fromSeq, long toSeq, Optional<String> subscription, Instant now);

    /** Entries per state, every state present. */
    Map<OutboxEntry.State, Long> countByState();
}
