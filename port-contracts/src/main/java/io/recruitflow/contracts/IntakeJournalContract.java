package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.LocationId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link IntakeJournal} must do. */
public abstract class IntakeJournalContract {

    /** A new, empty journal; called before each test (and again by tests that need several). */
    protected abstract IntakeJournal newIntakeJournal();

    /**
     * The recruits the journal last made by {@link #newIntakeJournal} finds its recruits' locations in (the queries
     * by location see only recruits added there).
     */
    protected abstract Recruits recruits();

    private IntakeJournal journal;

    @BeforeEach
    void createJournal() {
        journal = newIntakeJournal();
    }

    private void settleAll(RecruitId recruit) {
        for (IntakeStep step : IntakeStep.values()) {
            journal.save(StepRecord.pending(recruit, step, at(0)).started(at(1)).done(Optional.of("ref"), at(2)));
        }
    }

    @Test
    void open_creates_a_pending_record_for_every_step_in_saga_order() {
        RecruitId recruit = RecruitId.random();

        journal.open(recruit, at(0));

        assertThat(journal.steps(recruit))
                .containsExactlyElementsOf(Arrays.stream(IntakeStep.values())
                        .map(s -> StepRecord.pending(recruit, s, at(0)))
                        .toList());
        assertThat(journal.find(recruit, IntakeStep.SEND_INTRO))
                .contains(StepRecord.pending(recruit, IntakeStep.SEND_INTRO, at(0)));
    }

    @Test
    void an_unknown_recruit_has_no_steps() {
        RecruitId recruit = RecruitId.random();
        assertThat(journal.steps(recruit)).isEmpty();
        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isEmpty();
    }

    @Test
    void opening_again_keeps_the_existing_records() {
        RecruitId recruit = RecruitId.random();
        journal.open(recruit, at(0));
        StepRecord started =
                StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, at(0)).started(at(1));
        journal.save(started);

        journal.open(recruit, at(5));

        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).contains(started);
        assertThat(journal.find(recruit, IntakeStep.ENROLL_WORKFLOW))
                .contains(StepRecord.pending(recruit, IntakeStep.ENROLL_WORKFLOW, at(0)));
        assertThat(journal.steps(recruit)).hasSize(IntakeStep.values().length);
    }

    @Test
    void save_replaces_the_record_of_the_same_recruit_and_step_only() {
        RecruitId recruit = RecruitId.random();
        RecruitId other = RecruitId.random();
        journal.open(recruit, at(0));
        journal.open(other, at(0));
        StepRecord pending = StepRecord.pending(recruit, IntakeStep.CREATE_OPPORTUNITY, at(0));

        StepRecord done = pending.started(at(1)).done(Optional.of("opp_1"), at(2));
        journal.save(pending.started(at(1)));
        journal.save(done);

        assertThat(journal.find(recruit, IntakeStep.CREATE_OPPORTUNITY)).contains(done);
        assertThat(journal.find(recruit, IntakeStep.CREATE_OPPORTUNITY)
                        .orElseThrow()
                        .attempts())
                .isEqualTo(1);
        assertThat(journal.find(other, IntakeStep.CREATE_OPPORTUNITY))
                .contains(StepRecord.pending(other, IntakeStep.CREATE_OPPORTUNITY, at(0)));
    }

    @Test
    void every_field_of_a_record_round_trips() {
        RecruitId recruit = RecruitId.random();
        StepRecord deferred = StepRecord.pending(recruit, IntakeStep.SEND_INTRO, at(0))
                .started(at(1))
                .deferred(at(600), "quiet hours: texts only 08:00–20:00 recipient time in FL", at(2));

        journal.save(deferred);

        assertThat(journal.find(recruit, IntakeStep.SEND_INTRO)).contains(deferred);
    }

    @Test
    void steps_come_in_saga_order_whatever_order_they_were_saved_in() {
        RecruitId recruit = RecruitId.random();
        List<IntakeStep> reversed = Arrays.asList(IntakeStep.values());
        java.util.Collections.reverse(reversed);
        for (IntakeStep step : reversed) {
            journal.save(StepRecord.pending(recruit, step, at(0)));
        }

        assertThat(journal.steps(recruit)).extracting(StepRecord::step).containsExactly(IntakeStep.values());
    }

    @Test
    void unfinished_lists_recruits_with_unsettled_steps_oldest_first() {
        RecruitId first = RecruitId.random();
        RecruitId second = RecruitId.random();
        RecruitId third = RecruitId.random();
        RecruitId finished = RecruitId.random();
        journal.open(second, at(2));
        journal.open(finished, at(0));
        journal.open(third, at(3));
        journal.open(first, at(1));
        settleAll(finished);

        assertThat(journal.unfinished(10)).containsExactly(first, second, third);
        assertThat(journal.unfinished(2)).containsExactly(first, second);

        settleAll(second);
        assertThat(journal.unfinished(10)).containsExactly(first, third);
    }

    @Test
    void a_recruit_is_unfinished_while_any_step_is_started_deferred_or_unknown() {
        for (StepState open : List.of(StepState.PENDING, StepState.STARTED, StepState.DEFERRED, StepState.UNKNOWN)) {
            IntakeJournal fresh = newIntakeJournal();
            RecruitId recruit = RecruitId.random();
            fresh.open(recruit, at(0));
            for (IntakeStep step : IntakeStep.values()) {
                StepRecord base = StepRecord.pending(recruit, step, at(0)).started(at(1));
                StepRecord record = step != IntakeStep.SEND_INTRO
                        ? base.done(Optional.empty(), at(2))
                        : switch (open) {
                            case PENDING -> base.retryAt(at(10), "GHL 503", at(2));
                            case STARTED -> base;
                            case DEFERRED -> base.deferred(at(600), "quiet hours", at(2));
                            case UNKNOWN -> base.unknown("timeout", at(2));
                            default -> throw new IllegalStateException();
                        };
                fresh.save(record);
            }
            assertThat(fresh.unfinished(10)).as("with a %s step", open).containsExactly(recruit);
        }
    }

    @Test
    void skipped_and_failed_steps_are_settled() {
        RecruitId recruit = RecruitId.random();
        journal.open(recruit, at(0));
        for (IntakeStep step : IntakeStep.values()) {
            StepRecord base = StepRecord.pending(recruit, step, at(0));
            journal.save(
                    switch (step) {
                        case UPSERT_CONTACT, CREATE_OPPORTUNITY ->
                            base.started(at(1)).done(Optional.of("id"), at(2));
                        case SEND_INTRO -> base.skipped("opted out", at(2));
                        case ENROLL_WORKFLOW -> base.started(at(1)).failed("workflow not found", at(2));
                    });
        }

        assertThat(journal.unfinished(10)).isEmpty();
    }

    /** A recruit of the location, accepted and opened at {@code minute}, with its first phase done then. */
    private RecruitId firstPhaseDone(LocationId location, int n, long minute) {
        Recruit recruit = Fixtures.recruit(location, n, at(minute));
        recruits().add(recruit);
        journal.open(recruit.id(), at(minute));
        for (IntakeStep step : IntakePhase.FIRST.steps()) {
            journal.save(StepRecord.pending(recruit.id(), step, at(minute))
                    .started(at(minute))
                    .done(Optional.of("ref"), at(minute)));
        }
        return recruit.id();
    }

    @Test
    void awaitingFollowUp_lists_the_locations_due_enrollments_oldest_first() {
        RecruitId second = firstPhaseDone(Fixtures.LOCATION, 1, 2);
        RecruitId first = firstPhaseDone(Fixtures.LOCATION, 2, 1);
        RecruitId elsewhere = firstPhaseDone(Fixtures.OTHER_LOCATION, 3, 0);
        RecruitId enrolled = firstPhaseDone(Fixtures.LOCATION, 4, 0);
        journal.save(StepRecord.pending(enrolled, IntakeStep.ENROLL_WORKFLOW, at(0))
                .started(at(3))
                .done(Optional.empty(), at(3)));
        RecruitId retrying = firstPhaseDone(Fixtures.LOCATION, 5, 0);
        journal.save(StepRecord.pending(retrying, IntakeStep.ENROLL_WORKFLOW, at(0))
                .started(at(3))
                .retryAt(at(100), "GHL 503", at(3)));
        // An intro deferred to the morning waits on nothing: the enrollment need not wait for it.
        RecruitId deferredIntro = firstPhaseDone(Fixtures.LOCATION, 6, 3);
        journal.save(StepRecord.pending(deferredIntro, IntakeStep.SEND_INTRO, at(3))
                .started(at(3))
                .deferred(at(600), "quiet hours", at(3)));
        Recruit inFirstPhase = Fixtures.recruit(Fixtures.LOCATION, 7, at(0));
        recruits().add(inFirstPhase);
        journal.open(inFirstPhase.id(), at(0));

        assertThat(journal.awaitingFollowUp(Fixtures.LOCATION, at(10), 10))
                .allSatisfy(r -> assertThat(r.step()).isEqualTo(IntakeStep.ENROLL_WORKFLOW))
                .extracting(StepRecord::recruit)
                .containsExactly(first, second, deferredIntro);
        assertThat(journal.awaitingFollowUp(Fixtures.LOCATION, at(10), 2))
                .extracting(StepRecord::recruit)
                .containsExactly(first, second);
        assertThat(journal.awaitingFollowUp(Fixtures.OTHER_LOCATION, at(10), 10))
                .extracting(StepRecord::recruit)
                .containsExactly(elsewhere);
        // Once its retry is due, the waiting enrollment is due too, as it is stored.
        assertThat(journal.awaitingFollowUp(Fixtures.LOCATION, at(100), 10))
                .extracting(StepRecord::recruit)
                .containsExactly(retrying, first, second, deferredIntro);
        assertThat(journal.awaitingFollowUp(Fixtures.LOCATION, at(100), 1))
                .containsExactly(
                        journal.find(retrying, IntakeStep.ENROLL_WORKFLOW).orElseThrow());
    }

    @Test
    void nextFollowUp_is_the_earliest_retry_of_the_locations_waiting_enrollments() {
        assertThat(journal.nextFollowUp(Fixtures.LOCATION, at(0))).isEmpty();
        RecruitId later = firstPhaseDone(Fixtures.LOCATION, 1, 0);
        journal.save(StepRecord.pending(later, IntakeStep.ENROLL_WORKFLOW, at(0))
                .started(at(1))
                .retryAt(at(30), "GHL 503", at(1)));
        RecruitId sooner = firstPhaseDone(Fixtures.LOCATION, 2, 0);
        journal.save(StepRecord.pending(sooner, IntakeStep.ENROLL_WORKFLOW, at(0))
                .started(at(1))
                .retryAt(at(20), "GHL 503", at(1)));
        firstPhaseDone(Fixtures.LOCATION, 3, 0); // due now: not a wait

        assertThat(journal.nextFollowUp(Fixtures.LOCATION, at(5))).contains(at(20));
        assertThat(journal.nextFollowUp(Fixtures.LOCATION, at(20))).contains(at(30));
        assertThat(journal.nextFollowUp(Fixtures.LOCATION, at(30))).isEmpty();
        assertThat(journal.nextFollowUp(Fixtures.OTHER_LOCATION, at(5))).isEmpty();
    }

    @Test
    void locationsAwaitingFollowUp_are_those_with_a_due_enrollment_untouched_since() {
        firstPhaseDone(Fixtures.LOCATION, 1, 5);
        firstPhaseDone(Fixtures.OTHER_LOCATION, 2, 1);
        RecruitId waiting = firstPhaseDone(Fixtures.OTHER_LOCATION, 3, 0);
        journal.save(StepRecord.pending(waiting, IntakeStep.ENROLL_WORKFLOW, at(0))
                .started(at(1))
                .retryAt(at(100), "GHL 503", at(1)));

        assertThat(journal.locationsAwaitingFollowUp(at(0), at(10))).isEmpty();
        assertThat(journal.locationsAwaitingFollowUp(at(4), at(10))).containsExactly(Fixtures.OTHER_LOCATION);
        assertThat(journal.locationsAwaitingFollowUp(at(5), at(10)))
                .containsExactlyInAnyOrder(Fixtures.LOCATION, Fixtures.OTHER_LOCATION);
    }

    @Test
    void countByState_counts_every_step_and_has_every_state() {
        assertThat(journal.countByState())
                .containsOnlyKeys(StepState.values())
                .allSatisfy((s, n) -> assertThat(n).isZero());

        RecruitId a = RecruitId.random();
        RecruitId b = RecruitId.random();
        journal.open(a, at(0));
        journal.open(b, at(0));
        journal.save(StepRecord.pending(a, IntakeStep.UPSERT_CONTACT, at(0))
                .started(at(1))
                .done(Optional.of("c"), at(2)));
        journal.save(StepRecord.pending(b, IntakeStep.UPSERT_CONTACT, at(0)).started(at(1)));

        Map<StepState, Long> counts = journal.countByState();
        assertThat(counts).containsOnlyKeys(StepState.values());
        assertThat(counts.get(StepState.PENDING)).isEqualTo(2L * IntakeStep.values().length - 2);
        assertThat(counts.get(StepState.DONE)).isEqualTo(1L);
        assertThat(counts.get(StepState.STARTED)).isEqualTo(1L);
        assertThat(counts.get(StepState.FAILED)).isZero();
    }
}
