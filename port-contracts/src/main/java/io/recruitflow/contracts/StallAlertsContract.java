package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.pipeline.StallAlerts;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link StallAlerts} must do. */
public abstract class StallAlertsContract {
    static final Instant T0 = Instant.parse("2026-02-12T15:00:00Z");
    static final RecruitId ANN = new RecruitId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final RecruitId BOB = new RecruitId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));

    /** A store with no alert. */
    protected abstract StallAlerts newStallAlerts();

    static StallAlert alert(
            RecruitId recruit, String location, RecruitingStage stage, int sinceDays, int detectedDays) {
        return new StallAlert(
                recruit,
                new LocationId(location),
                stage,
                T0.plus(Duration.ofDays(sinceDays)),
                Duration.ofDays(3),
                T0.plus(Duration.ofDays(detectedDays)).plusSeconds(1));
    }

    @Test
    void anAlertIsRecordedOnceForARecruitStageAndIdleSince() {
        StallAlerts store = newStallAlerts();
        StallAlert first = alert(ANN, "loc_a", RecruitingStage.INTERESTED, 0, 3);

        assertThat(store.record(first)).isTrue();
        assertThat(store.record(alert(ANN, "loc_a", RecruitingStage.INTERESTED, 0, 4)))
                .as("the same stall seen by a later sweep")
                .isFalse();
        assertThat(store.recent(Optional.empty(), 10)).containsExactly(first);
    }

    @Test
    void aRecruitWhoMovesAndStallsAgainIsANewAlert() {
        StallAlerts store = newStallAlerts();
        assertThat(store.record(alert(ANN, "loc_a", RecruitingStage.INTERESTED, 0, 3)))
                .isTrue();
        assertThat(store.record(alert(ANN, "loc_a", RecruitingStage.INTERESTED, 5, 8)))
                .isTrue();
        assertThat(store.record(alert(ANN, "loc_a", RecruitingStage.CONTACTED, 0, 8)))
                .isTrue();
        assertThat(store.record(alert(BOB, "loc_a", RecruitingStage.INTERESTED, 0, 3)))
                .isTrue();
    }

    @Test
    void recentAreNewestFirstPerLocationAndBounded() {
        StallAlerts store = newStallAlerts();
        StallAlert older = alert(ANN, "loc_a", RecruitingStage.INTERESTED, 0, 3);
        StallAlert newer = alert(BOB, "loc_a", RecruitingStage.CONTACTED, 0, 8);
        StallAlert elsewhere = alert(BOB, "loc_b", RecruitingStage.LEAD, 0, 9);
        store.record(older);
        store.record(newer);
        store.record(elsewhere);

        assertThat(store.recent(Optional.of(new LocationId("loc_a")), 10)).containsExactly(newer, older);
        assertThat(store.recent(Optional.empty(), 2)).containsExactly(elsewhere, newer);
    }
}
