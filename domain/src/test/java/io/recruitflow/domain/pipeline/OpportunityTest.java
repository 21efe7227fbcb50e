package io.recruitflow.domain.pipeline;

import static io.recruitflow.domain.pipeline.RecruitingStage.CONTACTED;
import static io.recruitflow.domain.pipeline.RecruitingStage.CONTRACTED;
import static io.recruitflow.domain.pipeline.RecruitingStage.INTERESTED;
import static io.recruitflow.domain.pipeline.RecruitingStage.LEAD;
import static io.recruitflow.domain.pipeline.RecruitingStage.PRESENTATION_SCHEDULED;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class OpportunityTest {
    static final Instant T0 = Instant.parse("2026-02-12T13:00:00Z");
    static final Instant T1 = T0.plusSeconds(60);

    static Opportunity at(RecruitingStage stage, OpportunityStatus status) {
        return new Opportunity(
                new OpportunityId("opp1"),
                new LocationId("loc"),
                new ContactId("c1"),
                "x",
                new PipelineId("pipe"),
                stage,
                status,
                BigDecimal.ZERO,
                Optional.empty(),
                T0,
                1);
    }

    static Transition move(Opportunity o, RecruitingStage to, StageChange.Cause cause) {
        return o.apply(new StageChange(to, cause), T1);
    }

    @Test
    void contractedMeansWon() {
        Transition t = move(at(PRESENTATION_SCHEDULED, OpportunityStatus.OPEN), CONTRACTED, StageChange.Cause.CONTRACT);
        assertThat(t).isInstanceOf(Transition.Moved.class);
        assertThat(((Transition.Moved) t).after().status()).isEqualTo(OpportunityStatus.WON);
        assertThat(at(CONTRACTED, OpportunityStatus.OPEN).status()).isEqualTo(OpportunityStatus.WON);
    }

    @Test
    void anOptedOutRecruitsOpportunityIsLost() {
        Transition t = at(INTERESTED, OpportunityStatus.OPEN).optedOut(T1);
        assertThat(((Transition.Moved) t).after().status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(((Transition.Moved) t).after().stage()).isEqualTo(INTERESTED);
        assertThat(at(CONTRACTED, OpportunityStatus.WON).optedOut(T1)).isInstanceOf(Transition.Unchanged.class);
    }

    @Test
    void aReplyNeverMovesARecruitBack() {
        assertThat(move(at(PRESENTATION_SCHEDULED, OpportunityStatus.OPEN), INTERESTED, StageChange.Cause.REPLY))
                .isInstanceOf(Transition.Refused.class);
    }

    @Test
    void aNoShowMovesBackToInterested() {
        Transition t = move(at(PRESENTATION_SCHEDULED, OpportunityStatus.OPEN), INTERESTED, StageChange.Cause.NO_SHOW);
        assertThat(((Transition.Moved) t).after().stage()).isEqualTo(INTERESTED);
    }

    @Test
    void aLostOpportunityOnlyMovesWhenGhlSaysSo() {
        Opportunity lost = at(INTERESTED, OpportunityStatus.LOST);
        assertThat(move(lost, PRESENTATION_SCHEDULED, StageChange.Cause.BOOKING))
                .isInstanceOf(Transition.Refused.class);
        assertThat(move(lost, PRESENTATION_SCHEDULED, StageChange.Cause.GHL_EVENT))
                .isInstanceOf(Transition.Moved.class);
    }

    @Test
    void movingToWhereItIsChangesNothing() {
        assertThat(move(at(CONTACTED, OpportunityStatus.OPEN), CONTACTED, StageChange.Cause.OUTREACH))
                .isInstanceOf(Transition.Unchanged.class);
    }

    @Test
    void olderGhlNewsIsIgnored() {
        Opportunity o = at(INTERESTED, OpportunityStatus.OPEN);
        assertThat(o.reportedByGhl(LEAD, OpportunityStatus.OPEN, T0.minusSeconds(1)))
                .isEmpty();
        assertThat(o.reportedByGhl(CONTRACTED, OpportunityStatus.OPEN, T1))
                .map(Opportunity::status)
                .contains(OpportunityStatus.WON);
    }

    @Property
    void onlyNoShowsAndGhlEventsEverMoveBackward(
            @ForAll RecruitingStage from, @ForAll RecruitingStage to, @ForAll StageChange.Cause cause) {
        Transition t = move(at(from, OpportunityStatus.OPEN), to, cause);
        if (t instanceof Transition.Moved moved && to.isBefore(from)) {
            // ... and an undelivered intro, from Contacted only.
            assertThat(cause == StageChange.Cause.UNDELIVERED ? from == CONTACTED : cause.mayMoveBackward())
                    .as("%s from %s to %s", cause, from, to)
                    .isTrue();
            assertThat(cause)
                    .isIn(StageChange.Cause.NO_SHOW, StageChange.Cause.GHL_EVENT, StageChange.Cause.UNDELIVERED);
            assertThat(moved.after().stage()).isEqualTo(to);
        }
        if (t instanceof Transition.Moved moved) {
            assertThat(moved.after().stage() == CONTRACTED)
                    .isEqualTo(moved.after().status() == OpportunityStatus.WON);
        }
    }

    @Test
    void aMoveBackKeepsTheFurthestStageReached() {
        Opportunity booked = at(PRESENTATION_SCHEDULED, OpportunityStatus.OPEN);
        assertThat(booked.furthestStage()).isEqualTo(PRESENTATION_SCHEDULED);

        Opportunity back = ((Transition.Moved) move(booked, INTERESTED, StageChange.Cause.NO_SHOW)).after();

        assertThat(back.stage()).isEqualTo(INTERESTED);
        assertThat(back.furthestStage()).isEqualTo(PRESENTATION_SCHEDULED);
        assertThat(back.reportedByGhl(CONTACTED, OpportunityStatus.OPEN, T1.plusSeconds(1)))
                .map(Opportunity::furthestStage)
                .contains(PRESENTATION_SCHEDULED);
        assertThat(back.withFurthestStage(LEAD).furthestStage()).isEqualTo(PRESENTATION_SCHEDULED);
        assertThat(back.withFurthestStage(CONTRACTED).furthestStage()).isEqualTo(CONTRACTED);
    }

    @Property
    void theFurthestStageIsNeverBeforeTheCurrentOne(@ForAll RecruitingStage stage, @ForAll RecruitingStage furthest) {
        Opportunity o = at(stage, OpportunityStatus.OPEN);
        Opportunity given = new Opportunity(
                o.id(),
                o.location(),
                o.contact(),
                o.name(),
                o.pipeline(),
                stage,
                furthest,
                o.status(),
                o.monetaryValue(),
                o.assignedTo(),
                o.updatedAt(),
                o.version());
        assertThat(given.furthestStage()).isEqualTo(Opportunity.furthest(stage, furthest));
        assertThat(given.furthestStage().isBefore(given.stage())).isFalse();
    }
}
