package io.recruitflow.application.intakerecruit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Positions in a location's backlog: locations take turns, and inside a location better tiers go first. */
class LocationBacklogTest {
    static final LocationId EAST = new LocationId("loc_east");
    static final LocationId WEST = new LocationId("loc_west");

    @Test
    void untieredRecruitsQueueAsBeforePerLocation() {
        LocationBacklog backlog = new LocationBacklog();
        assertThat(backlog.enter(recruit(EAST, null))).isZero();
        assertThat(backlog.enter(recruit(EAST, null))).isEqualTo(1);
        assertThat(backlog.enter(recruit(WEST, null)))
                .as("another location's first")
                .isZero();
        assertThat(backlog.enter(EAST)).as("by location alone, as before tiers").isEqualTo(2);
    }

    @Test
    void aBetterTierCountsOnlyTheWaitingOfItsTierOrBetter() {
        LocationBacklog backlog = new LocationBacklog();
        for (int i = 0; i < 5; i++) {
            assertThat(backlog.enter(recruit(EAST, 'C'))).isEqualTo(i);
        }
        assertThat(backlog.enter(recruit(EAST, 'A')))
                .as("overtakes the five C's")
                .isZero();
        assertThat(backlog.enter(recruit(EAST, 'B'))).as("behind the A only").isEqualTo(1);
        assertThat(backlog.enter(recruit(EAST, 'A'))).isEqualTo(1);
        assertThat(backlog.enter(recruit(EAST, 'C'))).as("behind everyone").isEqualTo(8);
        assertThat(backlog.enter(recruit(WEST, 'C')))
                .as("other locations keep their turn")
                .isZero();

        backlog.leave(recruit(EAST, 'A'));
        backlog.leave(recruit(EAST, 'A'));
        assertThat(backlog.enter(recruit(EAST, 'A'))).isZero();
        assertThat(backlog.enter(recruit(EAST, 'B'))).isEqualTo(2);
    }

    static Recruit recruit(LocationId location, Character tier) {
        Lead lead = new Lead(
                new PersonName("Ann", "Lee"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075550100")),
                new License(UsState.FL, Optional.empty(), Set.of(new LicenseType("Life"))),
                "PropHog",
                Map.of());
        return Recruit.accept(
                RecruitId.random(), location, lead, tier == null ? Set.of() : Set.of("Tier-" + tier), Instant.EPOCH);
    }
}
