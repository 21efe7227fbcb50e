package io.recruitflow.application.port;

/**
 * Where the core announces its own events to subscribers (outbound webhooks). The implementation stores each event
 * durably in the outbox before it returns; delivery happens later, retried, in order per recruit.
 *
 * <p>Publishing is idempotent: an event's id derives from its type, recruit and source ({@link RecruitEvent#id()}),
 * so publishing the same fact again (a retried job, a re-applied webhook, two callers reporting the same no-show)
 * stores nothing new. Publish after the fact is stored, never before: a fact that failed to store must not be
 * announced.
 */
@FunctionalInterface
public interface RecruitEvents {

    void publish(RecruitEvent event);

    /**
     * Whether anything listens: when not, publishing does nothing, and a publisher may skip the reads it would make
     * only to build the event (so a set-up without subscribers pays no query for events).
     */
    default boolean enabled() {
        return true;
    }

    /** Publishes nothing: for set-ups without subscribers, and tests. */
    static RecruitEvents none() {
        return new RecruitEvents() {
            @Override
            public void publish(RecruitEvent event) {}

            @Override
            public boolean enabled() {
                return false;
            }
        };
    }
}
