package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.IncomingEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitterTest {

    private final FakeEventInbox inbox = new FakeEventInbox();
    private GroupCommitter committer;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private GroupCommitter committer(Duration window, int maxBatch, int capacity, int writers) {
        committer = new GroupCommitter(inbox, InboxListener.none(), window, maxBatch, capacity, writers, meters);
        committer.start();
        return committer;
    }

    @AfterEach
    void close() {
        if (committer != null) {
            committer.close(Duration.ofSeconds(2));
        }
    }

    @Test
    void events_queued_while_a_commit_runs_are_stored_together() throws Exception {
        inbox.commitCost(Duration.ofMillis(50));
        GroupCommitter c = committer(Duration.ofMillis(2), 500, 1000, 1);
        List<CompletableFuture<EventInbox.Stored>> results = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            results.add(c.submit(event("e" + i)));
        }
        for (CompletableFuture<EventInbox.Stored> r : results) {
            assertThat(r.get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
        }
        assertThat(inbox.size()).isEqualTo(200);
        assertThat(inbox.storeAllCalls()).isLessThanOrEqualTo(3);
    }

    @Test
    void a_webhook_id_twice_in_one_batch_is_stored_once_and_the_second_is_a_duplicate() throws Exception {
        inbox.commitCost(Duration.ofMillis(50));
        GroupCommitter c = committer(Duration.ofMillis(20), 500, 1000, 1);
        CompletableFuture<EventInbox.Stored> blocker = c.submit(event("first")); // keeps the writer busy
        CompletableFuture<EventInbox.Stored> a = c.submit(event("same"));
        CompletableFuture<EventInbox.Stored> b = c.submit(event("same"));
        assertThat(blocker.get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
        assertThat(List.of(a.get(5, TimeUnit.SECONDS), b.get(5, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(EventInbox.Stored.STORED, EventInbox.Stored.DUPLICATE);
        assertThat(inbox.size()).isEqualTo(2);
    }

    @Test
    void a_failed_commit_fails_every_event_of_the_batch_and_the_next_batch_succeeds() throws Exception {
        GroupCommitter c = committer(Duration.ZERO, 10, 100, 1);
        inbox.down();
        CompletableFuture<EventInbox.Stored> failed = c.submit(event("x"));
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EventInbox.InboxUnavailableException.class);
        inbox.up();
        assertThat(c.submit(event("x")).get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
    }

    @Test
    void one_refused_event_fails_alone_and_the_rest_of_its_batch_is_stored() throws Exception {
        inbox.refuse("bad");
        inbox.commitCost(Duration.ofMillis(50));
        GroupCommitter c = committer(Duration.ofMillis(20), 500, 1000, 1);
        CompletableFuture<EventInbox.Stored> blocker = c.submit(event("first")); // the others queue behind it
        CompletableFuture<EventInbox.Stored> a = c.submit(event("a"));
        CompletableFuture<EventInbox.Stored> bad = c.submit(event("bad"));
        CompletableFuture<EventInbox.Stored> b = c.submit(event("b"));
        CompletableFuture<EventInbox.Stored> badAgain = c.submit(event("bad"));

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
        assertThat(a.get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
        assertThat(b.get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
        for (CompletableFuture<EventInbox.Stored> refused : List.of(bad, badAgain)) {
            assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(EventInbox.EventRefusedException.class);
        }
        assertThat(inbox.all()).extracting(IncomingEvent::webhookId).containsExactly("first", "a", "b");
        assertThat(meters.counter("webhook.inbox.batch.retried").count()).isEqualTo(1);
    }

    @Test
    void an_unavailable_store_fails_the_whole_batch_without_trying_its_events_one_by_one() throws Exception {
        GroupCommitter c = committer(Duration.ofMillis(20), 500, 1000, 1);
        inbox.down();
        List<CompletableFuture<EventInbox.Stored>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            results.add(c.submit(event("down" + i)));
        }
        for (CompletableFuture<EventInbox.Stored> r : results) {
            assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(EventInbox.InboxUnavailableException.class);
        }
        assertThat(inbox.storeAttempts()).isLessThanOrEqualTo(2); // one commit per batch, nothing row by row
        assertThat(meters.counter("webhook.inbox.batch.retried").count()).isZero();
    }

    @Test
    void when_the_store_goes_down_during_the_one_by_one_retry_the_events_left_fail_as_unavailable_untried()
            throws Exception {
        List<List<String>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeEventInbox flaky = new FakeEventInbox() {
            @Override
            public List<Stored> storeAll(List<IncomingEvent> batch) {
                calls.add(batch.stream().map(IncomingEvent::webhookId).toList());
                if (batch.size() > 1) {
                    throw new EventRefusedException("one of them is bad (test)", null);
                }
                if (batch.get(0).webhookId().equals("y")) {
                    throw new InboxUnavailableException("the database went away (test)", null);
                }
                return super.storeAll(batch);
            }
        };
        flaky.commitCost(Duration.ofMillis(50));
        committer = new GroupCommitter(flaky, InboxListener.none(), Duration.ofMillis(20), 500, 1000, 1, meters);
        committer.start();
        CompletableFuture<EventInbox.Stored> x = committer.submit(event("x"));
        CompletableFuture<EventInbox.Stored> y = committer.submit(event("y"));
        CompletableFuture<EventInbox.Stored> z = committer.submit(event("z"));

        assertThat(x.get(5, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
        for (CompletableFuture<EventInbox.Stored> r : List.of(y, z)) {
            assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(EventInbox.InboxUnavailableException.class);
        }
        assertThat(calls).containsExactly(List.of("x", "y", "z"), List.of("x"), List.of("y"));
    }

    @Test
    void an_inbox_answering_the_wrong_number_of_outcomes_fails_the_batch() {
        committer = new GroupCommitter(
                new FakeEventInbox() {
                    @Override
                    public List<Stored> storeAll(List<IncomingEvent> batch) {
                        return List.of();
                    }
                },
                InboxListener.none(),
                Duration.ZERO,
                10,
                100,
                1,
                new SimpleMeterRegistry());
        committer.start();
        assertThatThrownBy(() -> committer.submit(event("x")).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_full_queue_refuses_at_once_and_a_closed_committer_refuses_everything() throws Exception {
        inbox.commitCost(Duration.ofMillis(200));
        GroupCommitter c = committer(Duration.ZERO, 1, 2, 1);
        List<CompletableFuture<EventInbox.Stored>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            results.add(c.submit(event("q" + i)));
        }
        assertThat(results).anySatisfy(r -> assertThat(r).isCompletedExceptionally());
        c.close(Duration.ofSeconds(5));
        assertThatThrownBy(() -> c.submit(event("late")).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(EventInbox.InboxUnavailableException.class);
        // Closing committed what was queued in time.
        for (CompletableFuture<EventInbox.Stored> r : results) {
            if (!r.isCompletedExceptionally()) {
                assertThat(r.get(1, TimeUnit.SECONDS)).isEqualTo(EventInbox.Stored.STORED);
            }
        }
        committer = null;
    }

    static IncomingEvent event(String id) {
        Instant now = Instant.parse("2026-03-02T15:00:00Z");
        return new IncomingEvent(
                id, "ContactCreate", Optional.of("l"), Optional.of("c"), now, new byte[] {'{', '}'}, now);
    }
}
