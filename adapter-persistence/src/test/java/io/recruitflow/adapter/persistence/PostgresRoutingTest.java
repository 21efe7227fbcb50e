package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.routing.Router;
import io.recruitflow.application.routing.RoutingSettings;
import io.recruitflow.application.routing.TierRules;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Round-robin on PostgreSQL: turns are a row per location taken in the admission's transaction, so only recruits
 * stored take one, the assignee is stored with the recruit, a rolled-back batch gives its turns back, and
 * concurrent admissions (two instances) take distinct turns.
 */
class PostgresRoutingTest {
    static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
    static final LocationId LOC = new LocationId("loc_routing");
    static final LocationId OTHER = new LocationId("loc_other");
    static final UserId ANA = new UserId("user_ana456");
    static final UserId BEN = new UserId("user_ben789");
    static final UserId CARA = new UserId("user_cara012");
    static final Router ROUND_ROBIN = new Router(new RoutingSettings(
            List.of(RoutingSettings.Strategy.ROUND_ROBIN),
            List.of(ANA, BEN, CARA),
            Map.of(),
            Map.of(),
            Optional.empty(),
            TierRules.none()));

    @BeforeEach
    void clean() {
        TestDatabase.truncateAll();
    }

    @Test
    void aBatchAssignsOnlyTheRecruitsItStoresAndTheNextBatchContinuesTheTurn() {
        List<Recruit> batch = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            batch.add(recruit(LOC, i));
        }
        batch.add(1, recruit(LOC, 0)); // repeats the first lead's phone: known, no turn
        List<Recruits.AddOutcome> outcomes = admissions().admit(batch, AT, ROUND_ROBIN, this::job);

        assertThat(outcomes)
                .extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Added", "AlreadyKnown", "Added", "Added", "Added");
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Recruits.AddOutcome.Added)
                .extracting(o -> o.recruit().assignedUser().orElseThrow())
                .containsExactly(ANA, BEN, CARA, ANA);
        PostgresRecruits recruits = new PostgresRecruits(TestDatabase.jdbi());
        for (Recruits.AddOutcome o : outcomes) {
            assertThat(recruits.find(o.recruit().id()).orElseThrow().assignedUser())
                    .as("stored in recruits.assigned_user")
                    .isEqualTo(o.recruit().assignedUser());
        }

        List<Recruits.AddOutcome> next =
                admissions().admit(List.of(recruit(LOC, 10), recruit(OTHER, 11)), AT, ROUND_ROBIN, this::job);
        assertThat(next.get(0).recruit().assignedUser()).contains(BEN);
        assertThat(next.get(1).recruit().assignedUser())
                .as("another location's own turn")
                .contains(ANA);
        assertThat(new PostgresRoundRobinTurns(TestDatabase.jdbi()).take(LOC, 0))
                .isEqualTo(5);
    }

    @Test
    void aRolledBackBatchGivesItsTurnsBack() {
        Recruit first = recruit(LOC, 0);
        try {
            admissions().admit(List.of(first), AT, ROUND_ROBIN, r -> {
                throw new IllegalStateException("the batch fails after its turns were taken");
            });
        } catch (RuntimeException expected) {
            // rolled back
        }
        assertThat(new PostgresRecruits(TestDatabase.jdbi()).find(first.id())).isEmpty();
        List<Recruits.AddOutcome> again = admissions().admit(List.of(first), AT, ROUND_ROBIN, this::job);
        assertThat(again.get(0).recruit().assignedUser())
                .as("the first turn again")
                .contains(ANA);
    }

    @Test
    void concurrentAdmissionsOfOneLocationTakeDistinctTurns() throws Exception {
        int batches = 6;
        int perBatch = 5;
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<Recruits.AddOutcome>>> futures = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int base = b * perBatch;
                futures.add(pool.submit(() -> {
                    List<Recruit> batch = new ArrayList<>();
                    for (int i = 0; i < perBatch; i++) {
                        batch.add(recruit(LOC, 100 + base + i));
                    }
                    return admissions().admit(batch, AT, ROUND_ROBIN, this::job);
                }));
            }
            Map<UserId, Long> byUser = new ConcurrentHashMap<>();
            for (Future<List<Recruits.AddOutcome>> f : futures) {
                for (Recruits.AddOutcome o : f.get()) {
                    byUser.merge(o.recruit().assignedUser().orElseThrow(), 1L, Long::sum);
                }
            }
            assertThat(byUser).containsExactlyInAnyOrderEntriesOf(Map.of(ANA, 10L, BEN, 10L, CARA, 10L));
        } finally {
            pool.shutdownNow();
        }
        assertThat(new PostgresRoundRobinTurns(TestDatabase.jdbi()).take(LOC, 0))
                .isEqualTo(30);
    }

    @Test
    void anAssignedRecruitKeepsItsUserThroughAddAndUpdate() {
        PostgresRecruits recruits = new PostgresRecruits(TestDatabase.jdbi());
        Recruit added = recruits.add(recruit(LOC, 0).assignedTo(ANA)).recruit();
        assertThat(recruits.find(added.id()).orElseThrow().assignedUser()).contains(ANA);
        Recruit updated = recruits.update(added.assignedTo(BEN));
        assertThat(recruits.find(added.id()).orElseThrow()).isEqualTo(updated);
        long byRecruiter = TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM recruits WHERE assigned_user = 'user_ben789'")
                        .mapTo(Long.class)
                        .one());
        assertThat(byRecruiter).isEqualTo(1L);
        assertThat(Set.of(updated.assignedUser().orElseThrow().value())).containsExactly("user_ben789");
        assertThat(recruits.all(Optional.of(LOC)).stream()
                        .map(r -> r.assignedUser().orElseThrow())
                        .collect(Collectors.toList()))
                .containsExactly(BEN);
    }

    private PostgresRecruitAdmissions admissions() {
        return new PostgresRecruitAdmissions(
                TestDatabase.jdbi(), new PostgresJobQueue(TestDatabase.get().dataSource()));
    }

    private Job job(Recruit r) {
        return new Job(new JobPayload.Intake(r.id(), IntakePhase.FIRST), AT, JobPriority.SPEED_TO_LEAD, 0);
    }

    private static Recruit recruit(LocationId location, int i) {
        return PostgresRecruitAdmissionsTest.recruit(
                location, "ann" + i + "." + location.value() + "@example.com", String.format("+1407555%04d", i), null);
    }
}
