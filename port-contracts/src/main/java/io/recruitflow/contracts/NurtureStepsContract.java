package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.OwnerAlert;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.nurture.StepMessage;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link NurtureSteps} (and {@link OwnerAlerts}) must do. */
public abstract class NurtureStepsContract {
    static final Instant T0 = Instant.parse("2026-02-12T15:00:00Z");
    static final RecruitId ANN = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    static final RecruitId BOB = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    static final LocationId LOC = new LocationId("loc_a");
    static final Set<NurtureEvent.Kind> CADENCE =
            EnumSet.of(NurtureEvent.Kind.REPLIED, NurtureEvent.Kind.STAGE_CHANGED, NurtureEvent.Kind.OPTED_OUT);

    /** A store with no step and no news. */
    protected abstract NurtureSteps newNurtureSteps();

    /** A store with no alert. */
    protected abstract OwnerAlerts newOwnerAlerts();

    static NurtureStep text(RecruitId recruit, int index, Instant origin) {
        return NurtureStep.planned(
                NurtureStep.key("cadence", "contacted-no-reply", recruit, "r1", index),
                recruit,
                LOC,
                "cadence",
                "contacted-no-reply",
                index,
                NurtureStep.SEND,
                Optional.of(StepMessage.text("Hi Ann, still there? Reply STOP to opt out.")),
                origin.plus(Duration.ofHours(4L * index)),
                Optional.of(RecruitingStage.CONTACTED),
                Optional.empty(),
                CADENCE,
                origin,
                T0);
    }

    static NurtureStep reminder(RecruitId recruit, String appointment) {
        return NurtureStep.planned(
                NurtureStep.key("reminder", appointment, recruit, "24h", 1),
                recruit,
                LOC,
                "reminder",
                appointment,
                1,
                NurtureStep.SEND,
                Optional.of(StepMessage.email("Tomorrow", "<p>See you tomorrow</p>")),
                T0.plus(Duration.ofDays(1)),
                Optional.empty(),
                Optional.of(appointment),
                EnumSet.of(NurtureEvent.Kind.APPOINTMENT_CANCELLED, NurtureEvent.Kind.OPTED_OUT),
                T0,
                T0);
    }

    @Test
    void aStepIsPlannedOnceAndReadBackAsItWas() {
        NurtureSteps store = newNurtureSteps();
        NurtureStep first = text(ANN, 1, T0);
        assertThat(store.plan(first)).isEqualTo(first);
        NurtureStep again = text(ANN, 1, T0.plusSeconds(60));
        assertThat(store.plan(again)).isEqualTo(first);
        NurtureStep email = reminder(ANN, "appt_1");
        assertThat(store.plan(email)).isEqualTo(email);
        assertThat(store.find(email.key())).contains(email);
        assertThat(store.ofRecruit(ANN)).containsExactlyInAnyOrder(first, email);
        assertThat(store.ofRecruit(BOB)).isEmpty();
        assertThat(store.find("nurture/none")).isEmpty();
    }

    @Test
    void newsCancelsTheOpenStepsItConcernsOnly() {
        NurtureSteps store = newNurtureSteps();
        store.plan(text(ANN, 1, T0));
        store.plan(reminder(ANN, "appt_1"));
        store.plan(reminder(ANN, "appt_2"));
        store.plan(text(BOB, 1, T0));
        Instant at = T0.plusSeconds(120);

        List<NurtureStep> changed = store.cancel(
                ANN,
                NurtureEvent.about(NurtureEvent.Kind.APPOINTMENT_CANCELLED, "appt_1", at, "appointment cancelled"),
                at);

        assertThat(changed).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo(reminder(ANN, "appt_1").key());
            assertThat(s.status()).isEqualTo(StepStatus.CANCELLED);
            assertThat(s.reason()).contains("cancelled: appointment cancelled");
            assertThat(s.cancelledAt()).contains(at);
        });
        assertThat(store.cancel(ANN, NurtureEvent.stageChanged(RecruitingStage.CONTACTED, at, "same stage"), at))
                .isEmpty();
        assertThat(store.cancel(ANN, NurtureEvent.of(NurtureEvent.Kind.REPLIED, at, "the recruit replied"), at))
                .extracting(NurtureStep::key)
                .containsExactly(text(ANN, 1, T0).key());
        assertThat(store.find(text(BOB, 1, T0).key()).orElseThrow().status()).isEqualTo(StepStatus.PLANNED);
        assertThat(store.news(ANN)).hasSize(3);
        assertThat(store.news(BOB)).isEmpty();
    }

    @Test
    void newsStoredSinceTheOriginCancelsAStepPlannedLater() {
        NurtureSteps store = newNurtureSteps();
        Instant replied = T0.plusSeconds(600);
        store.cancel(ANN, NurtureEvent.of(NurtureEvent.Kind.REPLIED, replied, "the recruit replied"), replied);

        NurtureStep late = store.plan(text(ANN, 2, T0));
        NurtureStep newRun = store.plan(text(ANN, 3, replied.plusSeconds(1)));

        assertThat(late.status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(late.cancelledAt()).contains(replied);
        assertThat(newRun.status()).isEqualTo(StepStatus.PLANNED);
        assertThat(store.find(late.key())).contains(late);
    }

    @Test
    void aClaimedStepKeepsItsAttemptButNoLaterOneLeaves() {
        NurtureSteps store = newNurtureSteps();
        NurtureStep step = store.plan(text(ANN, 1, T0));
        Instant at = T0.plusSeconds(30);
        assertThat(store.claim(step.key(), at)).isTrue();
        assertThat(store.claim(step.key(), at)).isTrue(); // a retry of the same send
        assertThat(store.find(step.key()).orElseThrow().status()).isEqualTo(StepStatus.SENDING);

        store.cancel(ANN, NurtureEvent.of(NurtureEvent.Kind.REPLIED, at, "the recruit replied"), at.plusSeconds(1));
        NurtureStep marked = store.find(step.key()).orElseThrow();
        assertThat(marked.status()).isEqualTo(StepStatus.SENDING);
        assertThat(marked.cancelledAt()).isPresent();
        assertThat(store.claim(step.key(), at.plusSeconds(2))).isFalse();

        NurtureStep after = store.settle(step.key(), NurtureStep.Settlement.WAITING, "deferred", at.plusSeconds(3))
                .orElseThrow();
        assertThat(after.status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(after.reason()).contains("cancelled: the recruit replied");
    }

    @Test
    void settlingRecordsTheOutcomeOnce() {
        NurtureSteps store = newNurtureSteps();
        NurtureStep step = store.plan(text(ANN, 1, T0));
        store.claim(step.key(), T0);
        NurtureStep sent = store.settle(step.key(), NurtureStep.Settlement.DONE, "sent", T0.plusSeconds(1))
                .orElseThrow();
        assertThat(sent.status()).isEqualTo(StepStatus.SENT);
        assertThat(store.settle(step.key(), NurtureStep.Settlement.SKIPPED, "late", T0.plusSeconds(2)))
                .contains(sent);
        assertThat(store.claim(step.key(), T0.plusSeconds(3))).isFalse();
        assertThat(store.settle("nurture/none", NurtureStep.Settlement.DONE, "x", T0))
                .isEmpty();

        NurtureStep other = store.plan(text(ANN, 2, T0));
        assertThat(store.settle(other.key(), NurtureStep.Settlement.SKIPPED, "refused: DND", T0)
                        .orElseThrow()
                        .status())
                .isEqualTo(StepStatus.SKIPPED);
    }

    @Test
    void aClaimAndACancellationRacingAreOrdered() {
        NurtureSteps store = newNurtureSteps();
        for (int i = 1; i <= 20; i++) {
            NurtureStep step = store.plan(text(ANN, i, T0));
            Instant at = T0.plusSeconds(i);
            List<Object> results = Concurrently.run(
                    2,
                    t -> () -> t == 0
                            ? (Object) store.claim(step.key(), at)
                            : store.cancel(ANN, NurtureEvent.of(NurtureEvent.Kind.REPLIED, at, "replied " + t), at));
            boolean claimed = (Boolean) results.get(0);
            NurtureStep now = store.find(step.key()).orElseThrow();
            // Either the claim came first (the attempt goes, the step is marked), or the news did (nothing leaves).
            assertThat(now.status()).isEqualTo(claimed ? StepStatus.SENDING : StepStatus.CANCELLED);
            assertThat(now.cancelledAt()).isPresent();
        }
    }

    @Test
    void alertsAreKeptOncePerIdNewestFirst() {
        OwnerAlerts alerts = newOwnerAlerts();
        OwnerAlert a = new OwnerAlert("replied/e1", ANN, LOC, "replied", "The recruit replied", T0);
        OwnerAlert b = new OwnerAlert("replied/e2", BOB, new LocationId("loc_b"), "replied", "x", T0.plusSeconds(5));
        assertThat(alerts.record(a)).isTrue();
        assertThat(alerts.record(a)).isFalse();
        assertThat(alerts.record(b)).isTrue();
        assertThat(alerts.recent(Optional.empty(), 10)).containsExactly(b, a);
        assertThat(alerts.recent(Optional.of(LOC), 10)).containsExactly(a);
        assertThat(alerts.recent(Optional.empty(), 1)).containsExactly(b);
        assertThat(alerts.ofRecruit(ANN)).containsExactly(a);
    }
}
