package io.recruitflow.bootstrap.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Injector;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.adapter.persistence.DatabaseConfig;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.adapter.webhook.OutboundEventsModule;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.outbound.OutboxRecruitEvents;
import io.recruitflow.application.outbound.Subscription;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance of outbound events: a receiver that is down for 10 minutes then up gets every event once per id, in
 * order per recruit, with valid signatures checked by an independent Standard Webhooks verifier. On PostgreSQL (the
 * durable outbox), a real HTTP receiver on loopback and a simulated clock moving at the job's real intervals (one
 * second between idle runs of the delivery job, the retry schedule as configured): 30 simulated minutes take
 * milliseconds to seconds.
 */
public class ReceiverOutageTest {
    static final Instant T0 = Instant.parse("2026-12-01T14:00:00Z");
    static final List<RecruitEventType> STORY = List.of(
            RecruitEventType.ACCEPTED, RecruitEventType.TEXTED, RecruitEventType.REPLIED, RecruitEventType.BOOKED);

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(T0);
    final String secret = secret();
    final LoopbackReceiver receiver = new LoopbackReceiver(secret, clock::now);
    final List<Injector> started = new ArrayList<>();

    @AfterEach
    void stop() {
        receiver.close();
        started.forEach(i -> i.getInstance(Lifecycle.class).stop());
    }

    public static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    Outbox startOutbox() {
        Injector injector =
                Injectors.create(new ClockModule(clock), new PersistenceModule(DatabaseConfig.embedded(dir)));
        started.add(injector);
        return injector.getInstance(Outbox.class);
    }

    void stopOutbox() {
        started.remove(started.size() - 1).getInstance(Lifecycle.class).stop();
    }

    Subscriptions subscriptions() {
        return new Subscriptions(List.of(Subscription.of("crm", receiver.url().toString(), secret, true)), true);
    }

    static RecruitEvent event(RecruitId recruit, RecruitEventType type, Instant at) {
        return new RecruitEvent(
                type,
                recruit,
                new LocationId("loc_abc123"),
                Optional.of(new ContactId("c_" + recruit.value().toString().substring(30))),
                at,
                type.wire(),
                type == RecruitEventType.BOOKED
                        ? Optional.of(RecruitingStage.PRESENTATION_SCHEDULED)
                        : Optional.empty(),
                Map.of());
    }

    /** Runs the delivery job as the durable queue does: again at once after it sent something, else 1 s later. */
    static void runJob(OutboundDispatcher dispatcher, ManualClock clock, Instant until) {
        while (clock.now().isBefore(until)) {
            if (dispatcher.deliverDue(OutboundDispatcher.BATCH) == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
    }

    @Test
    void aReceiverDownForTenMinutesGetsEveryEventOncePerIdInOrderPerRecruitCorrectlySigned() {
        Outbox outbox = startOutbox();
        Subscriptions subscriptions = subscriptions();
        OutboundDispatcher dispatcher =
                new OutboundDispatcher(outbox, subscriptions, OutboundEventsModule.sender(true), clock);
        OutboxRecruitEvents events = new OutboxRecruitEvents(outbox, subscriptions, clock);

        List<RecruitId> recruits = List.of(
                new RecruitId(UUID.randomUUID()), new RecruitId(UUID.randomUUID()), new RecruitId(UUID.randomUUID()));
        Map<RecruitId, List<String>> published = new LinkedHashMap<>();
        for (RecruitEventType type : STORY) {
            for (RecruitId r : recruits) {
                RecruitEvent e = event(r, type, clock.now());
                events.publish(e);
                published.computeIfAbsent(r, x -> new ArrayList<>()).add(e.id());
            }
        }
        long real = System.nanoTime();
        runJob(dispatcher, clock, T0.plus(Duration.ofMinutes(3)));
        // Published during the outage: waits behind each recruit's earlier events.
        for (RecruitId r : recruits) {
            RecruitEvent e = event(r, RecruitEventType.NO_SHOW, clock.now());
            events.publish(e);
            published.get(r).add(e.id());
        }
        runJob(dispatcher, clock, T0.plus(Duration.ofMinutes(10)));
        assertThat(receiver.received()).as("down: nothing arrives").isEmpty();
        assertThat(outbox.list(Optional.empty(), Optional.empty(), 100))
                .allSatisfy(e -> assertThat(e.state()).isEqualTo(OutboxEntry.State.PENDING))
                .anySatisfy(e -> assertThat(e.lastResult()).contains("connection refused"));

        receiver.up();
        runJob(dispatcher, clock, T0.plus(Duration.ofMinutes(30)));
        long realMillis = (System.nanoTime() - real) / 1_000_000;

        List<LoopbackReceiver.Received> got = receiver.received();
        assertThat(receiver.rejected()).as("every signature verifies").isEmpty();
        assertThat(got).hasSize(15);
        Map<String, Long> perId =
                got.stream().collect(Collectors.groupingBy(LoopbackReceiver.Received::id, Collectors.counting()));
        assertThat(perId.values()).as("once per id").containsOnly(1L);
        assertThat(perId.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        published.values().stream().flatMap(List::stream).toList());
        Map<String, RecruitId> recruitOf = new LinkedHashMap<>();
        published.forEach((r, ids) -> ids.forEach(id -> recruitOf.put(id, r)));
        for (RecruitId r : recruits) {
            assertThat(got.stream()
                            .map(LoopbackReceiver.Received::id)
                            .filter(id -> recruitOf.get(id).equals(r)))
                    .as("in order for recruit " + r)
                    .containsExactlyElementsOf(published.get(r));
        }
        // The first delivery came with the first retry after the receiver was back: 5 s, 30 s, 2 min, 10 min after
        // the first attempt at T0, i.e. at 12:35.
        Instant first = Instant.ofEpochSecond(Long.parseLong(got.get(0).timestamp()));
        assertThat(first).isEqualTo(T0.plus(Duration.ofSeconds(5 + 30 + 120 + 600)));
        assertThat(outbox.countByState())
                .containsEntry(OutboxEntry.State.DELIVERED, 15L)
                .containsEntry(OutboxEntry.State.PENDING, 0L);
        OutboxEntry firstEntry =
                outbox.list(Optional.empty(), Optional.empty(), 100).get(14);
        assertThat(firstEntry.attempts()).isEqualTo(5);
        assertThat(firstEntry.lastResult()).contains("HTTP 204");
        assertThat(got.get(0).body())
                .startsWith(
                        "{\"type\":\"recruit.accepted\",\"id\":\"" + got.get(0).id() + "\"")
                .contains("\"data\":{\"recruit\":\"")
                .doesNotContain("phone", "email", "name");
        System.out.printf(
                "outbound: 30 simulated minutes (10 down) in %d ms real, %d deliveries, %d failed attempts%n",
                realMillis, dispatcher.deliveredAttempts(), dispatcher.failedAttempts());
    }

    @Test
    void theIndependentVerifierRefusesATamperedBodyAWrongSecretAStaleTimestampAndAnotherId() {
        RecruitEvent e = event(new RecruitId(UUID.randomUUID()), RecruitEventType.BOOKED, T0);
        receiver.up();
        OutboundEventsModule.sender(true).send(subscriptions().all().get(0), e, 1, T0);
        LoopbackReceiver.Received ok = receiver.received().get(0);
        assertThat(ok.id()).isEqualTo(e.id());
        assertThat(ok.body()).isEqualTo(OutboundEventsModule.body(e));
        assertThat(ok.signature()).startsWith("v1,");

        StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
        Function<String, byte[]> bytes = s -> s.getBytes(StandardCharsets.UTF_8);
        String ts = ok.timestamp();
        String sig = ok.signature();
        verifier.verify(ok.id(), ts, sig, bytes.apply(ok.body()), T0);
        verifier.verify(ok.id(), ts, "v1,bm90IGl0 " + sig, bytes.apply(ok.body()), T0); // one of several
        assertThatThrownBy(() ->
                        verifier.verify(ok.id(), ts, sig, bytes.apply(ok.body().replace("booked", "no_show")), T0))
                .hasMessageContaining("no matching signature");
        assertThatThrownBy(() ->
                        new StandardWebhooksVerifier(secret()).verify(ok.id(), ts, sig, bytes.apply(ok.body()), T0))
                .hasMessageContaining("no matching signature");
        assertThatThrownBy(
                        () -> verifier.verify(ok.id(), ts, sig, bytes.apply(ok.body()), T0.plus(Duration.ofMinutes(6))))
                .hasMessageContaining("too old");
        assertThatThrownBy(() -> verifier.verify("evt_other", ts, sig, bytes.apply(ok.body()), T0))
                .hasMessageContaining("no matching signature");
    }

    @Test
    void aRestartDeliversNoIdTwiceAndTheSameFactsPublishedAgainStoreNothingNew() {
        Outbox outbox = startOutbox();
        Subscriptions subscriptions = subscriptions();
        RecruitId ann = new RecruitId(UUID.randomUUID());
        receiver.up();
        OutboxRecruitEvents events = new OutboxRecruitEvents(outbox, subscriptions, clock);
        events.publish(event(ann, RecruitEventType.ACCEPTED, T0));
        events.publish(event(ann, RecruitEventType.TEXTED, T0));
        runJob(
                new OutboundDispatcher(outbox, subscriptions, OutboundEventsModule.sender(true), clock),
                clock,
                T0.plusSeconds(5));
        assertThat(receiver.received()).hasSize(2);
        // The receiver goes down, a third event waits; then the process stops.
        receiver.down();
        events.publish(event(ann, RecruitEventType.REPLIED, clock.now()));
        runJob(
                new OutboundDispatcher(outbox, subscriptions, OutboundEventsModule.sender(true), clock),
                clock,
                clock.now().plusSeconds(3));
        stopOutbox();

        Outbox restarted = startOutbox();
        OutboxRecruitEvents again = new OutboxRecruitEvents(restarted, subscriptions, clock);
        // After the restart the same facts are reported again (a re-applied webhook, a retried job): same ids.
        again.publish(event(ann, RecruitEventType.ACCEPTED, clock.now()));
        again.publish(event(ann, RecruitEventType.TEXTED, clock.now()));
        again.publish(event(ann, RecruitEventType.REPLIED, clock.now()));
        again.publish(event(ann, RecruitEventType.BOOKED, clock.now()));
        assertThat(restarted.countByState())
                .containsEntry(OutboxEntry.State.DELIVERED, 2L)
                .containsEntry(OutboxEntry.State.PENDING, 2L);
        receiver.up();
        runJob(
                new OutboundDispatcher(restarted, subscriptions, OutboundEventsModule.sender(true), clock),
                clock,
                clock.now().plusSeconds(60));
        List<String> ids =
                receiver.received().stream().map(LoopbackReceiver.Received::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSize(4);
        assertThat(ids)
                .containsExactly(
                        event(ann, RecruitEventType.ACCEPTED, T0).id(),
                        event(ann, RecruitEventType.TEXTED, T0).id(),
                        event(ann, RecruitEventType.REPLIED, T0).id(),
                        event(ann, RecruitEventType.BOOKED, T0).id());
        assertThat(receiver.rejected()).isEmpty();
    }
}
