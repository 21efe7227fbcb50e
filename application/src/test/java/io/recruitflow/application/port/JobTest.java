package io.recruitflow.application.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class JobTest {
    static Job job(JobPriority p, int position) {
        return new Job(JobType.INTAKE, "j", Instant.EPOCH, p, position);
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
