package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryOutbox;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.outbound.OutboxRecruitEvents;
import io.recruitflow.application.outbound.Subscription;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.EventSender;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.application.retry.RetryPolicy;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The delivery of outbound events on a simulated clock: retries, dead entries, order per recruit, replay. */
class OutboundDispatcherTest {
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    static final RecruitId ANN = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final RecruitId BOB = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T14:00:00Z"));
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final Subscriptions subscriptions = new Subscriptions(
            List.of(Subscription.of("crm", "https://hooks.example.com/recruitflow", SECRET, false)), false);
    final List<String> sent = new ArrayList<>();
    Predicate<RecruitEvent> answers = e -> true;

    final EventSender sender = (subscription, event, attempt, at) -> {
        sent.add(event.recruit().value().toString().substring(34) + ":" + event.source() + "#" + attempt);
        return answers.test(event)
                ? new EventSender.Attempt.Delivered("HTTP 200")
                : new EventSender.Attempt.Failed("HTTP 500");
    };
    final OutboundDispatcher dispatcher = new OutboundDispatcher(outbox, subscriptions, sender, clock);
    final OutboxRecruitEvents events = new OutboxRecruitEvents(outbox, subscriptions, clock);

    RecruitEvent event(RecruitId recruit, String source) {
        return new RecruitEvent(
                RecruitEventType.REPLIED,
                recruit,
                new LocationId("loc_a"),
                Optional.empty(),
                clock.now(),
                source,
                Optional.empty(),
                Map.of("channel", "sms"));
    }

    /** Runs the delivery job as the queue does: again at once while it sends, else one second later. */
    void runFor(Duration span) {
        Instant end = clock.now().plus(span);
        while (!clock.now().isAfter(end)) {
            if (dispatcher.deliverDue(OutboundDispatcher.BATCH) == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void aReceiverThatAlwaysFailsGetsTenAttemptsThenTheEventIsDeadWithTheReason() {
        answers = e -> !(e.recruit().equals(ANN) && e.source().equals("r1"));
        events.publish(event(ANN, "r1"));
        events.publish(event(ANN, "r2"));
        events.publish(event(BOB, "r1"));
        runFor(Duration.ofHours(1));
        assertThat(sent).as("Bob is not held up by Ann").contains("b2:r1#1");
        assertThat(sent).as("Ann's second waits for her first").doesNotContain("a1:r2#1");

        runFor(Duration.ofHours(24));
        assertThat(sent.stream().filter(s -> s.startsWith("a1:r1#"))).hasSize(RetryPolicy.EVENT_ATTEMPTS);
        OutboxEntry dead = outbox.list(Optional.of(OutboxEntry.State.DEAD), Optional.empty(), 10)
                .get(0);
        assertThat(dead.event().source()).isEqualTo("r1");
        assertThat(dead.attempts()).isEqualTo(10);
        assertThat(dead.lastResult()).contains("gave up after 10 attempts: HTTP 500");
        assertThat(sent).as("once the first is dead, the second goes").contains("a1:r2#1");
        assertThat(outbox.countByState())
                .containsEntry(OutboxEntry.State.DEAD, 1L)
                .containsEntry(OutboxEntry.State.DELIVERED, 2L)
                .containsEntry(OutboxEntry.State.PENDING, 0L);
        assertThat(dispatcher.failedAttempts()).isEqualTo(10);
        assertThat(dispatcher.deliveredAttempts()).isEqualTo(2);
    }

    @Test
    void theAttemptsFollowTheScheduleOnTheClock() {
        answers = e -> false;
        events.publish(event(ANN, "r1"));
        Instant start = clock.now();
        List<Duration> at = new ArrayList<>();
        EventSender timed = (s, e, attempt, when) -> {
            at.add(Duration.between(start, when));
            return new EventSender.Attempt.Failed("connection refused");
        };
        OutboundDispatcher d = new OutboundDispatcher(outbox, subscriptions, timed, clock);
        Instant end = start.plus(Duration.ofMinutes(15));
        while (clock.now().isBefore(end)) {
            if (d.deliverDue(100) == 0) {
                clock.advance(Duration.ofMillis(500));
            }
        }
        assertThat(at)
                .containsExactly(
                        Duration.ZERO,
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(35),
                        Duration.ofSeconds(155),
                        Duration.ofSeconds(755));
    }

    @Test
    void aReplayedEventIsSentAgainWithItsIdAndADeadOneCanBeRevived() {
        answers = e -> false;
        events.publish(event(ANN, "r1"));
        runFor(Duration.ofHours(25));
        OutboxEntry dead = outbox.list(Optional.of(OutboxEntry.State.DEAD), Optional.empty(), 1)
                .get(0);
        answers = e -> true;
        sent.clear();
        assertThat(outbox.replay(Optional.of(dead.event().id()), 0, 0, Optional.empty(), clock.now()))
                .isEqualTo(1);
        runFor(Duration.ofSeconds(2));
        assertThat(sent).containsExactly("a1:r1#1");
        assertThat(outbox.find(dead.seq()).orElseThrow().state()).isEqualTo(OutboxEntry.State.DELIVERED);
    }

    @Test
    void withoutSubscriptionsNothingIsStoredAndAnEntryOfARemovedSubscriptionIsDead() {
        new OutboxRecruitEvents(outbox, Subscriptions.none(), clock).publish(event(ANN, "r1"));
        assertThat(outbox.list(Optional.empty(), Optional.empty(), 10)).isEmpty();

        outbox.append(event(ANN, "r1"), List.of("gone"), clock.now());
        dispatcher.deliverDue(10);
        OutboxEntry entry = outbox.list(Optional.empty(), Optional.empty(), 1).get(0);
        assertThat(entry.state()).isEqualTo(OutboxEntry.State.DEAD);
        assertThat(entry.lastResult()).contains("subscription no longer configured");
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailingReceiverIsTriedOncePerRunSoTheOthersAreNotHeldUpBehindIt() {
        Subscriptions two = new Subscriptions(
                List.of(
                        Subscription.of("crm", "https://hooks.example.com/a", SECRET, false),
                        Subscription.of("slow", "https://slow.example.com/b", SECRET, false)),
                false);
        List<String> calls = new ArrayList<>();
        EventSender timingOut = (subscription, event, attempt, at) -> {
            calls.add(subscription.name());
            return subscription.name().equals("slow")
                    ? new EventSender.Attempt.Failed("no answer within 15 s")
                    : new EventSender.Attempt.Delivered("HTTP 200");
        };
        OutboundDispatcher d = new OutboundDispatcher(outbox, two, timingOut, clock);
        OutboxRecruitEvents publisher = new OutboxRecruitEvents(outbox, two, clock);
        for (int i = 0; i < 3; i++) {
            publisher.publish(event(new RecruitId(UUID.randomUUID()), "r1"));
        }
        assertThat(d.deliverDue(OutboundDispatcher.BATCH)).isEqualTo(4);
        assertThat(calls).filteredOn("slow"::equals).hasSize(1);
        assertThat(calls).filteredOn("crm"::equals).hasSize(3);
        // The next runs (at once, as the job does after sending) take slow's other recruits, one per run.
        assertThat(d.deliverDue(OutboundDispatcher.BATCH)).isEqualTo(1);
        assertThat(d.deliverDue(OutboundDispatcher.BATCH)).isEqualTo(1);
        assertThat(d.deliverDue(OutboundDispatcher.BATCH)).isZero();
        assertThat(outbox.list(Optional.of(OutboxEntry.State.PENDING), Optional.of("slow"), 10))
                .hasSize(3)
                .allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
    }
}
