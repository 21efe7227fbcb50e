package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A recruit idle in a stage longer than its limit is listed and announced once: Interested for more than 3 days
 * (the default), found by the stall sweep on the job queue; moving on and stalling again is a new alert.
 */
class StalledRecruitsTest {
    World w;
    RecruitId ann;
    RecruitId bob;

    @BeforeEach
    void twoInterestedRecruits() {
        w = new World("2026-02-09T10:00");
        ann = w.accept(World.lead("Ann", "Lee", "4075551234", null, "NY"));
        bob = w.accept(World.lead("Bob", "Ray", "4075551235", null, "NY"));
        w.runJobs();
        reply(ann, "Sure, tell me more");
        reply(bob, "Yes");
    }

    void reply(RecruitId recruit, String body) {
        ContactId contact = w.recruit(recruit).contactId().orElseThrow();
        w.deliver(new GhlEvent.MessageReceived(
                World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), contact, Optional.empty(), Channel.SMS, body));
    }

    @Test
    void interestedForMoreThanThreeDaysIsStalledAndAnnouncedOnce() {
        w.clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(w.stalls.now(Optional.empty())).as("not yet").isEmpty();

        w.clock.advance(Duration.ofMinutes(2));
        assertThat(w.stalls.now(Optional.empty()))
                .extracting(StallAlert::recruit, StallAlert::stage, StallAlert::limit)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ann, RecruitingStage.INTERESTED, Duration.ofDays(3)),
                        org.assertj.core.groups.Tuple.tuple(bob, RecruitingStage.INTERESTED, Duration.ofDays(3)));

        assertThat(w.stalls.sweep()).isEqualTo(2);
        assertThat(w.stalls.sweep())
                .as("the same stalls are not announced twice")
                .isZero();
        assertThat(w.stallsAnnounced).hasSize(2);
        assertThat(w.adapters.ownerAlerts().recent(Optional.of(InMemoryGhl.LOCATION), 10).stream()
                        .filter(a -> a.kind().equals("stalled")))
                .as("beside the alerts of their replies")
                .hasSize(2)
                .anySatisfy(a -> assertThat(a.text())
                        .startsWith("idle in Interested since")
                        .endsWith("(limit 3d)"));
    }

    @Test
    void theSweepRunsOnTheJobQueueAndKeepsItselfScheduled() {
        w.clock.advance(Duration.ofDays(4));
        JobOutcome outcome = w.jobs.run(new Job(new JobPayload.SweepStalls(), w.clock.now(), JobPriority.BULK));

        assertThat(outcome).isInstanceOf(JobOutcome.RunAgainAt.class);
        assertThat(((JobOutcome.RunAgainAt) outcome).at())
                .isEqualTo(w.clock.now().plus(Duration.ofMinutes(15)));
        assertThat(w.stallsAnnounced).extracting(StallAlert::recruit).containsExactlyInAnyOrder(ann, bob);
    }

    @Test
    void aRecruitWhoMovesOnIsNoLongerStalledAndAContractedOneNeverIs() {
        w.clock.advance(Duration.ofDays(2));
        w.advance.advance(new io.recruitflow.application.advancerecruit.AdvanceRecruitCommand(
                bob, RecruitingStage.CONTRACTED, io.recruitflow.domain.pipeline.StageChange.Cause.CONTRACT));
        w.clock.advance(Duration.ofDays(2));

        assertThat(w.stalls.now(Optional.empty()))
                .extracting(StallAlert::recruit)
                .containsExactly(ann);
        assertThat(w.stalls.now(Optional.empty()).get(0).idleSince())
                .isEqualTo(w.clock.now().minus(Duration.ofDays(4)));
    }
}
