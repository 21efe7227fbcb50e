package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Outbox} must do. */
public abstract class OutboxContract {
    static final Instant T0 = Instant.parse("2026-12-01T14:00:00Z");
    static final RecruitId ANN = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final RecruitId BOB = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));

    /** An empty outbox. */
    protected abstract Outbox newOutbox();

    static RecruitEvent event(RecruitId recruit, String source) {
        return new RecruitEvent(
                RecruitEventType.BOOKED,
                recruit,
                new LocationId("loc_a"),
                Optional.of(new ContactId("c_" + recruit.value().toString().substring(34))),
                T0,
                source,
                Optional.of(RecruitingStage.PRESENTATION_SCHEDULED),
                Map.of("appointment", "appt_" + source, "startsAt", "2026-12-02T15:00:00Z"));
    }

    static RecruitEvent bare(RecruitId recruit, String source) {
        return new RecruitEvent(
                RecruitEventType.INTAKE_FAILED,
                recruit,
                new LocationId("loc_a"),
                Optional.empty(),
                T0,
                source,
                Optional.empty(),
                Map.of());
    }

    @Test
    void anEventIsStoredOncePerSubscriptionAndReadBackAsItWas() {
        Outbox outbox = newOutbox();
        RecruitEvent e = event(ANN, "1");
        assertThat(outbox.append(e, List.of("crm", "zapier"), T0)).isEqualTo(2);
        assertThat(outbox.append(e, List.of("crm", "zapier"), T0.plusSeconds(9)))
                .as("the same event id again")
                .isZero();
        assertThat(outbox.append(bare(ANN, "upsert_contact"), List.of("crm"), T0))
                .isEqualTo(1);

        List<OutboxEntry> all = outbox.list(Optional.empty(), Optional.empty(), 10);
        assertThat(all).hasSize(3);
        assertThat(all.get(0).seq()).as("newest first").isGreaterThan(all.get(2).seq());
        OutboxEntry crm = outbox.list(Optional.empty(), Optional.of("crm"), 10).get(1);
        assertThat(crm.event()).isEqualTo(e);
        assertThat(crm.event().id()).isEqualTo(e.id());
        assertThat(crm.state()).isEqualTo(OutboxEntry.State.PENDING);
        assertThat(crm.attempts()).isZero();
        assertThat(crm.nextAttemptAt()).isEqualTo(T0);
        assertThat(crm.lastResult()).isEmpty();
        assertThat(outbox.list(Optional.empty(), Optional.of("crm"), 10).get(0).event())
                .isEqualTo(bare(ANN, "upsert_contact"));
        assertThat(outbox.countByState())
                .containsEntry(OutboxEntry.State.PENDING, 3L)
                .containsEntry(OutboxEntry.State.DELIVERED, 0L)
                .containsEntry(OutboxEntry.State.DEAD, 0L);
    }

    @Test
    void onlyTheFirstPendingEntryOfARecruitAndSubscriptionIsDue() {
        Outbox outbox = newOutbox();
        outbox.append(event(ANN, "1"), List.of("crm", "zapier"), T0);
        outbox.append(event(ANN, "2"), List.of("crm", "zapier"), T0);
        outbox.append(event(BOB, "1"), List.of("crm"), T0);

        List<OutboxEntry> due = outbox.due(T0, 100);
        assertThat(due)
                .extracting(d -> d.subscription() + "/" + d.event().source())
                .containsExactlyInAnyOrder("crm/1", "zapier/1", "crm/1");
        assertThat(due).extracting(d -> d.event().recruit()).contains(ANN, BOB);
        assertThat(outbox.due(T0.minusSeconds(1), 100))
                .as("not due before its time")
                .isEmpty();

        OutboxEntry annCrm = due.stream()
                .filter(d ->
                        d.subscription().equals("crm") && d.event().recruit().equals(ANN))
                .findFirst()
                .orElseThrow();
        // Ann's first event fails for crm and waits: her second waits behind it, nobody else does.
        assertThat(outbox.retryAt(annCrm.seq(), 1, "HTTP 503", T0.plusSeconds(5)))
                .isTrue();
        assertThat(outbox.due(T0.plusSeconds(1), 100))
                .extracting(d -> d.subscription() + "/" + d.event().recruit() + "/"
                        + d.event().source())
                .containsExactlyInAnyOrder("zapier/" + ANN + "/1", "crm/" + BOB + "/1");
        assertThat(outbox.due(T0.plusSeconds(5), 100))
                .extracting(d -> d.subscription() + "/" + d.event().recruit() + "/"
                        + d.event().source())
                .contains("crm/" + ANN + "/1")
                .doesNotContain("crm/" + ANN + "/2");

        assertThat(outbox.delivered(annCrm.seq(), 2, "HTTP 204", T0.plusSeconds(5)))
                .isTrue();
        assertThat(outbox.due(T0.plusSeconds(5), 100))
                .extracting(d -> d.subscription() + "/" + d.event().recruit() + "/"
                        + d.event().source())
                .contains("crm/" + ANN + "/2");
        assertThat(outbox.due(T0, 1)).hasSize(1);
    }

    @Test
    void aSettledEntryChangesNoMoreAndADeadOneNoLongerHoldsUpItsRecruit() {
        Outbox outbox = newOutbox();
        outbox.append(event(ANN, "1"), List.of("crm"), T0);
        outbox.append(event(ANN, "2"), List.of("crm"), T0);
        OutboxEntry first = outbox.due(T0, 10).get(0);
        assertThat(outbox.dead(first.seq(), 10, "gave up after 10 attempts: HTTP 500", T0))
                .isTrue();
        assertThat(outbox.delivered(first.seq(), 11, "HTTP 200", T0))
                .as("dead stays dead")
                .isFalse();
        assertThat(outbox.retryAt(first.seq(), 11, "HTTP 500", T0)).isFalse();
        OutboxEntry dead = outbox.find(first.seq()).orElseThrow();
        assertThat(dead.state()).isEqualTo(OutboxEntry.State.DEAD);
        assertThat(dead.attempts()).isEqualTo(10);
        assertThat(dead.lastResult()).contains("gave up after 10 attempts: HTTP 500");
        assertThat(dead.settledAt()).contains(T0);
        assertThat(outbox.due(T0, 10)).extracting(d -> d.event().source()).containsExactly("2");
        assertThat(outbox.find(first.seq() + 1000)).isEmpty();
    }

    @Test
    void replayMakesDeliveredAndDeadEntriesPendingAgainInTheirPlace() {
        Outbox outbox = newOutbox();
        RecruitEvent one = event(ANN, "1");
        outbox.append(one, List.of("crm", "zapier"), T0);
        outbox.append(event(ANN, "2"), List.of("crm"), T0);
        outbox.append(event(ANN, "3"), List.of("crm"), T0);
        for (OutboxEntry e : List.copyOf(outbox.list(Optional.empty(), Optional.empty(), 10))) {
            outbox.delivered(e.seq(), 1, "HTTP 200", T0);
        }
        Instant later = T0.plusSeconds(3600);
        assertThat(outbox.replay(Optional.of(one.id()), 0, 0, Optional.of("crm"), later))
                .isEqualTo(1);
        OutboxEntry replayed = outbox.list(Optional.of(OutboxEntry.State.PENDING), Optional.empty(), 10)
                .get(0);
        assertThat(replayed.event().id()).as("the same id").isEqualTo(one.id());
        assertThat(replayed.subscription()).isEqualTo("crm");
        assertThat(replayed.attempts()).isZero();
        assertThat(replayed.nextAttemptAt()).isEqualTo(later);
        assertThat(replayed.settledAt()).isEmpty();
        assertThat(outbox.replay(Optional.of(one.id()), 0, 0, Optional.empty(), later))
                .as("every subscription of it")
                .isEqualTo(2);

        List<OutboxEntry> crm = outbox.list(Optional.empty(), Optional.of("crm"), 10);
        long from = crm.get(1).seq();
        long to = crm.get(0).seq();
        assertThat(outbox.replay(Optional.empty(), from, to, Optional.empty(), later))
                .isEqualTo(2);
        assertThat(outbox.countByState()).containsEntry(OutboxEntry.State.PENDING, 4L);
        assertThat(outbox.due(later, 10))
                .as("the replayed events leave in their order again: the first one first")
                .extracting(d -> d.subscription() + "/" + d.event().source())
                .containsExactlyInAnyOrder("crm/1", "zapier/1");
    }

    @Test
    void listingFiltersByStateAndSubscription() {
        Outbox outbox = newOutbox();
        outbox.append(event(ANN, "1"), List.of("crm", "zapier"), T0);
        outbox.append(event(BOB, "1"), List.of("crm"), T0);
        OutboxEntry bob = outbox.list(Optional.empty(), Optional.of("crm"), 1).get(0);
        outbox.delivered(bob.seq(), 1, "HTTP 200", T0);
        assertThat(outbox.list(Optional.of(OutboxEntry.State.DELIVERED), Optional.empty(), 10))
                .extracting(OutboxEntry::seq)
                .containsExactly(bob.seq());
        assertThat(outbox.list(Optional.of(OutboxEntry.State.PENDING), Optional.of("zapier"), 10))
                .hasSize(1);
        assertThat(outbox.list(Optional.empty(), Optional.empty(), 2)).hasSize(2);
        assertThat(outbox.countByState())
                .containsEntry(OutboxEntry.State.PENDING, 2L)
                .containsEntry(OutboxEntry.State.DELIVERED, 1L);
    }
}
