package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.EventInbox.Stored;
import io.recruitflow.application.port.InboxEvent;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.application.port.InboxStatus;
import io.recruitflow.application.port.IncomingEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventInbox} must do. Events here are received in the order of their timestamps, so
 * "oldest" and "newest" mean the same by either. A new event is due at once; {@code DEAD}, {@code IGNORED}
 * and {@code PROCESSED} events are finished and never block a contact's later events.
 * {@link InboxStats#failed()} counts failed attempts ({@link EventInbox#markFailed} calls).
 */
public abstract class EventInboxContract {

    /** A new, empty inbox; called once per test. */
    protected abstract EventInbox newEventInbox();

    private EventInbox inbox;

    @BeforeEach
    void createInbox() {
        inbox = newEventInbox();
    }

    private static Optional<String> contact(String id) {
        return Optional.of(id);
    }

    private static List<String> ids(List<InboxEvent> events) {
        return events.stream().map(e -> e.event().webhookId()).toList();
    }

    @Test
    void a_stored_event_is_pending_with_its_data_intact() {
        IncomingEvent incoming = event("wh_1", contact("ct_1"), at(0));

        assertThat(inbox.store(incoming)).isEqualTo(Stored.STORED);

        InboxEvent stored = inbox.find("wh_1").orElseThrow();
        assertThat(stored.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(stored.attempts()).isZero();
        assertThat(stored.lastError()).isEmpty();
        IncomingEvent e = stored.event();
        assertThat(e.webhookId()).isEqualTo("wh_1");
        assertThat(e.type()).isEqualTo(incoming.type());
        assertThat(e.locationId()).isEqualTo(incoming.locationId());
        assertThat(e.contactId()).isEqualTo(incoming.contactId());
        assertThat(e.timestamp()).isEqualTo(incoming.timestamp());
        assertThat(e.receivedAt()).isEqualTo(incoming.receivedAt());
        assertThat(e.rawBody()).isEqualTo(incoming.rawBody());
        assertThat(inbox.find("wh_none")).isEmpty();
    }

    @Test
    void storeAll_answers_per_event_in_order_and_refuses_repeats_within_the_batch() {
        List<Stored> answers = inbox.storeAll(List.of(
                event("wh_1", contact("ct_1"), at(0)),
                event("wh_2", contact("ct_2"), at(1)),
                event("wh_1", contact("ct_1"), at(0))));

        assertThat(answers).containsExactly(Stored.STORED, Stored.STORED, Stored.DUPLICATE);
        assertThat(inbox.stats()).isEqualTo(new InboxStats(2, 1, 0, 0, 0, 0));
    }

    @Test
    void a_repeat_in_a_later_batch_is_a_duplicate_and_leaves_the_stored_event_alone() {
        inbox.storeAll(List.of(event("wh_1", contact("ct_1"), at(0))));
        inbox.markFailed("wh_1", "GHL 503", at(30));

        List<Stored> answers =
                inbox.storeAll(List.of(event("wh_2", contact("ct_2"), at(1)), event("wh_1", contact("ct_1"), at(0))));

        assertThat(answers).containsExactly(Stored.STORED, Stored.DUPLICATE);
        assertThat(inbox.store(event("wh_2", contact("ct_2"), at(1)))).isEqualTo(Stored.DUPLICATE);
        InboxEvent first = inbox.find("wh_1").orElseThrow();
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.nextAttemptAt()).contains(at(30));
        InboxStats stats = inbox.stats();
        assertThat(stats.stored()).isEqualTo(2);
        assertThat(stats.duplicates()).isEqualTo(2);
    }

    @Test
    void a_finished_events_webhook_id_stays_a_duplicate_long_after_the_receivers_replay_window() {
        inbox.store(event("wh_1", contact("ct_1"), at(0)));
        inbox.markProcessed("wh_1");

        // GHL's retries come within ~70 minutes; the receiver accepts timestamps up to 2 hours old. A replay a
        // day later, with the same id, must still be recognised.
        assertThat(inbox.store(event("wh_1", contact("ct_1"), at(26 * 60)))).isEqualTo(Stored.DUPLICATE);
        assertThat(inbox.find("wh_1").orElseThrow().status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(inbox.stats().stored()).isEqualTo(1);
    }

    @Test
    void storeAll_of_nothing_answers_nothing() {
        assertThat(inbox.storeAll(List.of())).isEmpty();
        assertThat(inbox.stats()).isEqualTo(new InboxStats(0, 0, 0, 0, 0, 0));
    }

    @Test
    void concurrent_stores_of_one_event_store_it_once() {
        List<Stored> answers = Concurrently.run(8, i -> () -> inbox.store(event("wh_race", contact("ct_1"), at(0))));

        assertThat(answers).filteredOn(a -> a == Stored.STORED).hasSize(1);
        assertThat(inbox.stats().stored()).isEqualTo(1);
        assertThat(inbox.stats().duplicates()).isEqualTo(7);
    }

    @Test
    void due_returns_the_oldest_pending_event_of_each_contact_oldest_first() {
        inbox.storeAll(List.of(
                event("wh_a1", contact("ct_a"), at(0)),
                event("wh_b1", contact("ct_b"), at(1)),
                event("wh_a2", contact("ct_a"), at(2)),
                event("wh_n1", Optional.empty(), at(3)),
                event("wh_n2", Optional.empty(), at(4)),
                event("wh_b2", contact("ct_b"), at(5))));

        assertThat(ids(inbox.due(at(10), 10))).containsExactly("wh_a1", "wh_b1", "wh_n1", "wh_n2");
        assertThat(ids(inbox.due(at(10), 2))).containsExactly("wh_a1", "wh_b1");

        inbox.markProcessed("wh_a1");
        assertThat(ids(inbox.due(at(10), 10))).containsExactly("wh_b1", "wh_a2", "wh_n1", "wh_n2");
    }

    @Test
    void a_failed_event_is_due_again_at_its_retry_time_and_holds_back_its_contacts_later_events() {
        inbox.storeAll(List.of(
                event("wh_a1", contact("ct_a"), at(0)),
                event("wh_a2", contact("ct_a"), at(1)),
                event("wh_b1", contact("ct_b"), at(2))));

        inbox.markFailed("wh_a1", "GHL 503 Service Unavailable", at(30));

        InboxEvent failed = inbox.find("wh_a1").orElseThrow();
        assertThat(failed.status()).isEqualTo(InboxStatus.PENDING);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("GHL 503 Service Unavailable");
        assertThat(failed.nextAttemptAt()).contains(at(30));
        // wh_a2 must wait: the contact's events are applied in order.
        assertThat(ids(inbox.due(at(10), 10))).containsExactly("wh_b1");
        assertThat(ids(inbox.due(at(30), 10))).containsExactly("wh_a1", "wh_b1");

        inbox.markFailed("wh_a1", "GHL 502", at(60));
        assertThat(inbox.find("wh_a1").orElseThrow().attempts()).isEqualTo(2);
        assertThat(inbox.stats().failed()).isEqualTo(2);
        assertThat(ids(inbox.due(at(59), 10))).containsExactly("wh_b1");
    }

    @Test
    void a_dead_event_is_kept_with_its_error_and_no_longer_blocks_its_contact() {
        inbox.storeAll(List.of(event("wh_a1", contact("ct_a"), at(0)), event("wh_a2", contact("ct_a"), at(1))));

        inbox.markDead("wh_a1", "gave up after 10 attempts: GHL 500");

        InboxEvent dead = inbox.find("wh_a1").orElseThrow();
        assertThat(dead.status()).isEqualTo(InboxStatus.DEAD);
        assertThat(dead.lastError()).contains("gave up after 10 attempts: GHL 500");
        assertThat(ids(inbox.due(at(10), 10))).containsExactly("wh_a2");
        assertThat(ids(inbox.list(InboxStatus.DEAD, 10))).containsExactly("wh_a1");
        assertThat(inbox.stats().dead()).isEqualTo(1);
    }

    @Test
    void processed_and_ignored_events_are_finished_and_counted() {
        inbox.storeAll(List.of(
                event("wh_1", contact("ct_1"), at(0)),
                event("wh_2", contact("ct_2"), at(1)),
                event("wh_3", contact("ct_3"), at(2))));

        inbox.markProcessed("wh_1");
        inbox.markIgnored("wh_2", "type AppInstall is not handled");

        assertThat(inbox.find("wh_1").orElseThrow().status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(inbox.find("wh_2").orElseThrow().status()).isEqualTo(InboxStatus.IGNORED);
        assertThat(ids(inbox.due(at(10), 10))).containsExactly("wh_3");
        assertThat(inbox.stats()).isEqualTo(new InboxStats(3, 0, 1, 0, 0, 1));
    }

    @Test
    void a_failed_then_processed_event_counts_both() {
        inbox.store(event("wh_1", contact("ct_1"), at(0)));

        inbox.markFailed("wh_1", "timeout", at(5));
        inbox.markProcessed("wh_1");

        assertThat(inbox.find("wh_1").orElseThrow().status()).isEqualTo(InboxStatus.PROCESSED);
        assertThat(inbox.due(at(10), 10)).isEmpty();
        assertThat(inbox.stats()).isEqualTo(new InboxStats(1, 0, 1, 1, 0, 0));
    }

    @Test
    void list_returns_the_events_of_a_status_newest_first() {
        inbox.storeAll(List.of(
                event("wh_1", contact("ct_1"), at(0)),
                event("wh_2", contact("ct_2"), at(1)),
                event("wh_3", contact("ct_3"), at(2)),
                event("wh_4", contact("ct_4"), at(3))));
        inbox.markProcessed("wh_2");

        assertThat(ids(inbox.list(InboxStatus.PENDING, 10))).containsExactly("wh_4", "wh_3", "wh_1");
        assertThat(ids(inbox.list(InboxStatus.PENDING, 2))).containsExactly("wh_4", "wh_3");
        assertThat(ids(inbox.list(InboxStatus.PROCESSED, 10))).containsExactly("wh_2");
        assertThat(inbox.list(InboxStatus.IGNORED, 10)).isEmpty();
    }
}
