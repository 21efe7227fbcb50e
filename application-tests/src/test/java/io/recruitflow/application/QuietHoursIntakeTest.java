package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.CompliancePolicy;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepState;
import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class QuietHoursIntakeTest {

    @Test
    void aFloridaLeadAt2030IsTextedAt8amAndTheRestOfTheSagaGoesOn() {
        World w = new World("2026-02-12T20:30");
        RecruitId id = w.accept(World.lead("Maria", "Lopez", "3055550142", null, "FL", "Life"));
        w.runJobs();

        MessageRecord intro =
                w.adapters.messageLog().find(IntakeSaga.introKey(id)).orElseThrow();
        assertThat(intro.state()).isEqualTo(SendState.PLANNED);
        assertThat(intro.notBefore())
                .contains(LocalDateTime.parse("2026-02-13T08:00")
                        .atZone(World.NEW_YORK)
                        .toInstant());
        assertThat(w.adapters
                        .intakeJournal()
                        .find(id, IntakeStep.SEND_INTRO)
                        .orElseThrow()
                        .state())
                .isEqualTo(StepState.DEFERRED);
        assertThat(w.ghl.sentMessages()).isEmpty();
        // Contact, opportunity and workflow do not wait for the text.
        assertThat(w.ghl.contacts()).hasSize(1);
        assertThat(w.ghl.enrollments()).hasSize(1);
        assertThat(w.intake.isComplete(id)).isTrue();

        w.clock.set(
                LocalDateTime.parse("2026-02-13T07:59").atZone(World.NEW_YORK).toInstant());
        w.runJobs();
        assertThat(w.ghl.sentMessages()).isEmpty();

        w.clock.advance(Duration.ofMinutes(1));
        w.runJobs();
        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(w.adapters
                        .intakeJournal()
                        .find(id, IntakeStep.SEND_INTRO)
                        .orElseThrow()
                        .state())
                .isEqualTo(StepState.DONE);
        assertThat(w.recruit(id).speedToLead()).contains(Duration.ofHours(11).plusMinutes(30));
    }

    @Test
    void aNumberSpanningTwoZonesWaitsForTheLaterMorning() {
        // 08:30 in New York is 07:30 in Chicago: a Panhandle number (850) waits for 08:00 Central.
        World w = new World("2026-02-12T08:30");
        RecruitId id = w.accept(World.lead("Sam", "Reed", "8505550199", null, "FL"));
        w.runJobs();
        assertThat(w.adapters
                        .messageLog()
                        .find(IntakeSaga.introKey(id))
                        .orElseThrow()
                        .notBefore())
                .contains(LocalDateTime.parse("2026-02-12T08:00")
                        .atZone(World.CHICAGO)
                        .toInstant());
    }

    @Test
    void quietHoursOffSendsAtOnceForSandboxRuns() {
        World w = new World(
                "2026-02-12T23:30", RecruitingSettings.defaults().withCompliance(CompliancePolicy.withoutQuietHours()));
        w.accept(World.lead("Maria", "Lopez", "3055550142", null, "FL"));
        w.runJobs();
        assertThat(w.ghl.sentMessages()).hasSize(1);
    }
}
