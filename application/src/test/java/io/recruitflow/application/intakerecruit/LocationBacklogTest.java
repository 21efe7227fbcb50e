package io.recruitflow.application.intakerecruit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.Job;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Positions in a location's backlog: locations take turns, inside a location better tiers go first, and a large
 * backlog is paced at its location's call spacing.
 */
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

    /** A CRM adapter that spaces each location's calls 100 ms apart (GHL's 100 per 10 s). */
    static final CallBudgets HUNDRED_PER_TEN_SECONDS = new CallBudgets() {
        @Override
        public Optional<CallBudget> of(LocationId location) {
            return CallBudgets.none().of(location);
        }

        @Override
        public Map<LocationId, CallBudget> known() {
            return CallBudgets.none().known();
        }

        @Override
        public Optional<Duration> callSpacing(LocationId location) {
            return Optional.of(Duration.ofMillis(100));
        }
    };

    @Test
    void aLargeBacklogIsPacedAtTheFirstPhasesCallsBeyondTheFirstFour() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        List<LocationBacklog.Turn> east = IntStream.range(0, 10)
                .mapToObj(i -> backlog.turn(recruit(EAST, null), at))
                .toList();

        assertThat(east.subList(0, 4))
                .as("the first four: due at once, in their positions")
                .containsExactly(
                        new LocationBacklog.Turn(0, at),
                        new LocationBacklog.Turn(1, at),
                        new LocationBacklog.Turn(2, at),
                        new LocationBacklog.Turn(3, at));
        assertThat(east.subList(4, 10))
                .extracting(LocationBacklog.Turn::due)
                .as("then one every three calls (300 ms)")
                .containsExactly(
                        at.plusMillis(300),
                        at.plusMillis(600),
                        at.plusMillis(900),
                        at.plusMillis(1200),
                        at.plusMillis(1500),
                        at.plusMillis(1800));
        assertThat(east.subList(4, 10))
                .extracting(LocationBacklog.Turn::position)
                .as("paced ones rank alike: the oldest due first, whatever its location")
                .containsOnly(Job.MAX_POSITION);
        assertThat(backlog.turn(recruit(WEST, null), at))
                .as("another location's first lead starts at once")
                .isEqualTo(new LocationBacklog.Turn(0, at));
        assertThat(backlog.turn(recruit(EAST, 'A'), at.plusSeconds(1)))
                .as("a better tier's lead is ahead of the backlog: at once")
                .isEqualTo(new LocationBacklog.Turn(0, at.plusSeconds(1)));
    }

    @Test
    void theBacklogMovesUpAsIntakesFinishAndTheLaterOnesArePacedFromTheirOwnTime() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        schedule(backlog, 6, null, at);
        for (int i = 0; i < 6; i++) {
            backlog.leave(recruit(EAST, null));
        }
        Instant later = at.plusSeconds(60);
        assertThat(backlog.turn(recruit(EAST, null), later)).isEqualTo(new LocationBacklog.Turn(0, later));
    }

    @Test
    void aLocationRunsAtMostFourFirstPhasesAtOnceAndATurnedAwayOneTriesAgainOnceOneCanHaveFinished() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        List<LocationBacklog.Place> places = new ArrayList<>();
        for (int i = 0; i < LocationBacklog.RUNNING_PER_LOCATION; i++) {
            places.add(backlog.tryRun(EAST).orElseThrow());
        }
        assertThat(backlog.tryRun(EAST)).as("a fifth").isEmpty();
        assertThat(backlog.tryRun(WEST)).as("another location's").isPresent();

        Instant now = Instant.parse("2026-12-01T15:00:00Z");
        assertThat(backlog.placeFreeAt(EAST, now))
                .as("a running one's three calls at the location's spacing")
                .isEqualTo(now.plusMillis(300));
        assertThat(new LocationBacklog().placeFreeAt(EAST, now))
                .as("calls not spaced")
                .isEqualTo(now.plus(LocationBacklog.BUSY_RECHECK));

        places.get(0).close();
        places.get(0).close(); // given back once
        assertThat(backlog.tryRun(EAST)).as("a place freed").isPresent();
        assertThat(backlog.tryRun(EAST)).isEmpty();
    }

    @Test
    void aReleasedPlaceCountsTheOthersStillHeldAndIsGivenBackOnce() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        LocationBacklog.Place first = backlog.tryRun(EAST).orElseThrow();
        LocationBacklog.Place second = backlog.tryRun(EAST).orElseThrow();
        LocationBacklog.Place elsewhere = backlog.tryRun(WEST).orElseThrow();

        assertThat(first.releaseCountingOthers()).as("the second still runs").isEqualTo(1);
        assertThat(second.releaseCountingOthers())
                .as("the last, whatever the other location does")
                .isZero();
        second.close();
        assertThat(first.releaseCountingOthers())
                .as("released already: nothing given back twice")
                .isZero();
        elsewhere.close();

        // Atomic by construction (one updateAndGet): a stress test on two cores never caught even a split
        // decrement-then-read, so what is asserted is the count each release answers.
        List<LocationBacklog.Place> many = new ArrayList<>();
        for (int i = 0; i < LocationBacklog.RUNNING_PER_LOCATION; i++) {
            many.add(backlog.tryRun(EAST).orElseThrow());
        }
        assertThat(many.stream().map(LocationBacklog.Place::releaseCountingOthers))
                .as("each release sees one fewer still held")
                .containsExactly(3, 2, 1, 0);
    }

    @Test
    void theBatchIsDueAsTheLocationsNextFirstPhaseWouldBeOrAtOnceIfThatIsLater() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        assertThat(backlog.batchDue(EAST, at)).as("nothing paced").isEqualTo(at);
        schedule(backlog, 6, null, at); // the sixth due 600 ms on

        assertThat(backlog.batchDue(EAST, at.plusMillis(700)))
                .as("the next first phase would be due at 900 ms: not before now")
                .isEqualTo(at.plusMillis(700));
        assertThat(backlog.batchDue(EAST, at.plusMillis(2_000)))
                .as("the last ones ran late: due where the next would have been")
                .isEqualTo(at.plusMillis(900));
        assertThat(new LocationBacklog().batchDue(EAST, at.plusSeconds(5)))
                .as("calls not spaced")
                .isEqualTo(at.plusSeconds(5));
    }

    @Test
    void theLocationsFirstPhasesAreAllDueOnceTheLastPacedOneIs() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        assertThat(backlog.allDue(EAST, at)).as("nothing scheduled").isTrue();
        schedule(backlog, 6, null, at);
        assertThat(backlog.allDue(EAST, at)).isFalse();
        assertThat(backlog.allDue(EAST, at.plusMillis(599))).isFalse();
        assertThat(backlog.allDue(EAST, at.plusMillis(600)))
                .as("the sixth, 2 x 300 ms after the fourth")
                .isTrue();
        assertThat(backlog.allDue(WEST, at)).as("another location").isTrue();
    }

    @Test
    void thePaceHealsByItselfWithoutTheIntakesEnding() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        schedule(backlog, 10, null, at);
        // None of them ended here (another instance ran them): ten minutes later a new lead is due at once all the
        // same.
        Instant later = at.plusSeconds(600);
        assertThat(backlog.turn(recruit(EAST, null), later).due()).isEqualTo(later);
    }

    @Test
    void aBetterTiersLeadIsPacedOnlyBehindItsTierAndPushesTheWorseTiersBack() {
        LocationBacklog backlog = new LocationBacklog(HUNDRED_PER_TEN_SECONDS);
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        schedule(backlog, 6, 'C', at); // due at once x4, then +300, +600
        schedule(backlog, 5, 'A', at); // its own schedule: at once x4, then +300
        assertThat(backlog.turn(recruit(EAST, 'C'), at).due())
                .as("behind the six C's and the five A's: 11 x 300 ms, less the burst of four")
                .isEqualTo(at.plusMillis(8 * 300));
    }

    @Test
    void withoutACallSpacingNothingIsPaced() {
        LocationBacklog backlog = new LocationBacklog();
        Instant at = Instant.parse("2026-12-01T15:00:00Z");
        for (int i = 0; i < 20; i++) {
            assertThat(backlog.turn(recruit(EAST, null), at)).isEqualTo(new LocationBacklog.Turn(i, at));
        }
    }

    /** Schedules {@code count} first phases of EAST's leads of {@code tier} (null: untiered) at {@code at}. */
    private static void schedule(LocationBacklog backlog, int count, Character tier, Instant at) {
        for (int i = 0; i < count; i++) {
            backlog.turn(recruit(EAST, tier), at);
        }
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
