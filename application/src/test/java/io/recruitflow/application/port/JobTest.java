package io.recruitflow.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.RecruitId;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JobTest {
    static Job job(JobPriority p, int position) {
        return new Job(new JobPayload.SweepInbox(), Instant.EPOCH, p, position);
    }

    @Test
    void aLowerBacklogPositionRunsFirstWithinAPriority() {
        assertThat(job(JobPriority.SPEED_TO_LEAD, 0).rank())
                .isGreaterThan(job(JobPriority.SPEED_TO_LEAD, 1).rank());
    }

    @Test
    void negativePositionsAreRefused() {
        assertThatThrownBy(() -> job(JobPriority.BULK, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreDerivedFromThePayloadAndKeepTheirFormerShape() {
        RecruitId recruit = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));

        assertThat(new JobPayload.Intake(recruit, IntakePhase.FIRST).key()).isEqualTo(recruit.toString());
        assertThat(new JobPayload.Intake(recruit, IntakePhase.FOLLOW_UP).key()).isEqualTo(recruit + ":follow-up");
        assertThat(new JobPayload.DeliverMessage(new MessageKey("intro/x"), recruit).key())
                .isEqualTo("intro/x");
        assertThat(new JobPayload.SweepInbox().key()).isEqualTo("inbox-sweep");
        assertThat(new JobPayload.Intake(recruit, IntakePhase.FIRST).type()).isEqualTo(JobType.INTAKE);
    }

    @Property
    void priorityAlwaysOutranksPositionAndSurvivesTheRoundTrip(
            @ForAll JobPriority a,
            @ForAll JobPriority b,
            @ForAll @IntRange(min = 0, max = 5_000_000) int pa,
            @ForAll @IntRange(min = 0, max = 5_000_000) int pb) {
        if (a.weight() > b.weight()) {
            assertThat(job(a, pa).rank()).isGreaterThan(job(b, pb).rank());
        }
        assertThat(JobPriority.ofRank(job(a, pa).rank())).isEqualTo(a);
        assertThat(job(a, pa).rank()).isBetween(1, (int) Short.MAX_VALUE);
    }
}
