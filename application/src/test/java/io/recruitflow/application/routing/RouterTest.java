package io.recruitflow.application.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each routing rule, the order they are tried in, the fallback, and round-robin's turns per location. */
class RouterTest {
    static final Instant AT = Instant.parse("2026-12-01T14:00:00Z");
    static final LocationId EAST = new LocationId("loc_east");
    static final LocationId WEST = new LocationId("loc_west");
    static final UserId ANA = new UserId("user_ana");
    static final UserId BEN = new UserId("user_ben");
    static final UserId CARA = new UserId("user_cara");
    static final UserId GARY = new UserId("user_gary");

    /** Turns in memory, counting the calls: the router takes a location's turns once per batch. */
    static final class Turns implements RoundRobinTurns {
        final Map<LocationId, Long> next = new HashMap<>();
        int calls;

        @Override
        public long take(LocationId location, int count) {
            calls++;
            long first = next.getOrDefault(location, 0L);
            next.put(location, first + count);
            return first;
        }
    }

    @Test
    void roundRobinSharesThirtyOneRecruitsElevenTenTenAndContinuesAcrossBatches() {
        Router router = router(List.of(RoutingSettings.Strategy.ROUND_ROBIN), Map.of(), Map.of(), Optional.empty());
        Turns turns = new Turns();
        List<Recruit> first = router.assign(recruits(EAST, 20, "FL", "PropHog"), turns);
        List<Recruit> second = router.assign(recruits(EAST, 11, "FL", "PropHog"), turns);

        assertThat(first.get(0).assignedUser()).contains(ANA);
        assertThat(first.get(1).assignedUser()).contains(BEN);
        assertThat(first.get(2).assignedUser()).contains(CARA);
        assertThat(second.get(0).assignedUser())
                .as("the second batch continues the turn")
                .contains(CARA);
        List<Recruit> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(countByUser(all)).containsExactlyInAnyOrderEntriesOf(Map.of(ANA, 11L, BEN, 10L, CARA, 10L));
        assertThat(turns.calls).as("one take per location and batch").isEqualTo(2);
    }

    @Test
    void eachLocationHasItsOwnTurn() {
        Router router = router(List.of(RoutingSettings.Strategy.ROUND_ROBIN), Map.of(), Map.of(), Optional.empty());
        Turns turns = new Turns();
        List<Recruit> mixed = new ArrayList<>(recruits(EAST, 2, "FL", "PropHog"));
        mixed.addAll(recruits(WEST, 2, "CA", "PropHog"));
        List<Recruit> assigned = router.assign(mixed, turns);
        assertThat(assigned).extracting(r -> r.assignedUser().orElseThrow()).containsExactly(ANA, BEN, ANA, BEN);
    }

    @Test
    void territoryByLicenseStateElseTheFallback() {
        Router router = router(
                List.of(RoutingSettings.Strategy.TERRITORY),
                Map.of(UsState.FL, ANA, UsState.GA, BEN),
                Map.of(),
                Optional.of(GARY));
        Turns turns = new Turns();
        List<Recruit> assigned = router.assign(
                List.of(
                        recruit(EAST, 0, "FL", "PropHog"),
                        recruit(EAST, 1, "GA", "PropHog"),
                        recruit(EAST, 2, "TX", "PropHog")),
                turns);
        assertThat(assigned).extracting(r -> r.assignedUser().orElseThrow()).containsExactly(ANA, BEN, GARY);
        assertThat(turns.calls).as("no round-robin, no turn").isZero();
    }

    @Test
    void sourceByLeadSourceCaseAside() {
        Router router = router(
                List.of(RoutingSettings.Strategy.SOURCE),
                Map.of(),
                Map.of("PropHog", CARA, "referral", BEN),
                Optional.empty());
        List<Recruit> assigned = router.assign(
                List.of(
                        recruit(EAST, 0, "FL", "prophog"),
                        recruit(EAST, 1, "FL", "Referral"),
                        recruit(EAST, 2, "FL", "Facebook")),
                new Turns());
        assertThat(assigned.get(0).assignedUser()).contains(CARA);
        assertThat(assigned.get(1).assignedUser()).contains(BEN);
        assertThat(assigned.get(2).assignedUser())
                .as("no rule, no fallback: nobody")
                .isEmpty();
    }

    @Test
    void rulesAreTriedInOrderAndRoundRobinTakesTurnsOnlyForTheRecruitsItAssigns() {
        Router router = router(
                List.of(RoutingSettings.Strategy.TERRITORY, RoutingSettings.Strategy.ROUND_ROBIN),
                Map.of(UsState.FL, GARY),
                Map.of(),
                Optional.empty());
        List<Recruit> assigned = router.assign(
                List.of(
                        recruit(EAST, 0, "FL", "PropHog"),
                        recruit(EAST, 1, "TX", "PropHog"),
                        recruit(EAST, 2, "FL", "PropHog"),
                        recruit(EAST, 3, "NY", "PropHog")),
                new Turns());
        assertThat(assigned).extracting(r -> r.assignedUser().orElseThrow()).containsExactly(GARY, ANA, GARY, BEN);
    }

    @Test
    void theFallbackAloneAssignsEveryRecruit() {
        Router router = router(List.of(), Map.of(), Map.of(), Optional.of(GARY));
        assertThat(router.assign(recruits(EAST, 3, "FL", "PropHog"), new Turns()))
                .allSatisfy(r -> assertThat(r.assignedUser()).contains(GARY));
    }

    @Test
    void offAssignsNobodyAndTakesNoTurn() {
        Router router = new Router(RoutingSettings.off());
        Turns turns = new Turns();
        List<Recruit> recruits = recruits(EAST, 3, "FL", "PropHog");
        assertThat(router.assign(recruits, turns)).isEqualTo(recruits);
        assertThat(turns.calls).isZero();
    }

    @Test
    void settingsThatCannotRouteAreRefused() {
        assertThatThrownBy(() -> new RoutingSettings(
                        List.of(RoutingSettings.Strategy.ROUND_ROBIN),
                        List.of(),
                        Map.of(),
                        Map.of(),
                        Optional.empty(),
                        TierRules.none()))
                .hasMessageContaining("round-robin needs the users");
        assertThatThrownBy(() -> new RoutingSettings(
                        List.of(RoutingSettings.Strategy.TERRITORY),
                        List.of(),
                        Map.of(),
                        Map.of(),
                        Optional.empty(),
                        TierRules.none()))
                .hasMessageContaining("territories");
        assertThatThrownBy(() -> new RoutingSettings(
                        List.of(RoutingSettings.Strategy.ROUND_ROBIN),
                        List.of(ANA, ANA),
                        Map.of(),
                        Map.of(),
                        Optional.empty(),
                        TierRules.none()))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> RoutingSettings.Strategy.parse("by-mood")).hasMessageContaining("round-robin");
        assertThat(RoutingSettings.Strategy.parse(" Round_Robin ")).isEqualTo(RoutingSettings.Strategy.ROUND_ROBIN);
    }

    @Test
    void theTierTagComesFromTheTierRules() {
        Router router = new Router(
                RoutingSettings.off().withTiers(TierRules.parse(List.of("A:source=Referral"), Optional.of("C"))));
        assertThat(router.tierTag(lead("Referral", "FL"), AT)).contains("Tier-A");
        assertThat(router.tierTag(lead("PropHog", "FL"), AT)).contains("Tier-C");
        assertThat(new Router(RoutingSettings.off()).tierTag(lead("Referral", "FL"), AT))
                .isEmpty();
    }

    static Router router(
            List<RoutingSettings.Strategy> strategies,
            Map<UsState, UserId> territories,
            Map<String, UserId> sources,
            Optional<UserId> fallback) {
        return new Router(new RoutingSettings(
                strategies, List.of(ANA, BEN, CARA), territories, sources, fallback, TierRules.none()));
    }

    static Map<UserId, Long> countByUser(List<Recruit> recruits) {
        return recruits.stream()
                .collect(Collectors.groupingBy(r -> r.assignedUser().orElseThrow(), Collectors.counting()));
    }

    static List<Recruit> recruits(LocationId location, int n, String state, String source) {
        List<Recruit> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(recruit(location, i, state, source));
        }
        return list;
    }

    static Lead lead(String source, String state) {
        return new Lead(
                new PersonName("Ann", "Lee"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075550100")),
                new License(UsState.parse(state).orElseThrow(), Optional.empty(), Set.of(new LicenseType("Life"))),
                source,
                Map.of());
    }

    static Recruit recruit(LocationId location, int i, String state, String source) {
        Lead lead = new Lead(
                new PersonName("Ann", "Lee" + i),
                Optional.empty(),
                Optional.of(new PhoneNumber(String.format("+1407555%04d", i))),
                new License(UsState.parse(state).orElseThrow(), Optional.empty(), Set.of(new LicenseType("Life"))),
                source,
                Map.of());
        return Recruit.accept(RecruitId.random(), location, lead, Set.of("Licensed"), AT);
    }
}
