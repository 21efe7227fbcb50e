package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.domain.recruit.RecruitId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Near a location's daily CRM limit, the jobs spend what is left on intros: once the remaining is down to the
 * reserve (5 % of the daily limit by default), the workflow enrollment waits for the daily reset; once it is spent,
 * the intro waits too. Nothing is called to find out: the jobs read the budget the CRM last declared.
 */
class DailyLimitTest {
    private static final long DAILY = 1_000;

    private static CallBudget budget(long remaining, Instant reset) {
        return new CallBudget(100, 100, Duration.ofSeconds(10), DAILY, remaining, reset);
    }

    @Test
    void belowTheReserveTheIntroIsSentAndTheEnrollmentWaitsForTheReset() {
        World w = new World("2026-02-12T14:00");
        Instant reset = w.clock.now().plus(Duration.ofHours(5));
        w.callBudgets.put(InMemoryGhl.LOCATION, budget(50, reset)); // 5 % of 1,000 left

        RecruitId id = w.accept(World.lead("Ada", "Low", "4075550110", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(w.ghl.allOpportunities()).hasSize(1);
        assertThat(w.ghl.enrollments()).isEmpty();
        assertThat(w.adapters.jobQueue().nextRunAt()).contains(reset);
        assertThat(w.intake.isComplete(id)).isFalse();

        w.clock.set(reset.plusSeconds(1)); // a new day: the budget the CRM declared yesterday no longer holds
        w.runJobs();

        assertThat(w.ghl.enrollments()).hasSize(1);
        assertThat(w.intake.isComplete(id)).isTrue();
    }

    @Test
    void aboveTheReserveTheIntakeRunsAsUsual() {
        World w = new World("2026-02-12T14:00");
        w.callBudgets.put(InMemoryGhl.LOCATION, budget(51, w.clock.now().plus(Duration.ofHours(5))));

        RecruitId id = w.accept(World.lead("Ada", "High", "4075550111", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.enrollments()).hasSize(1);
        assertThat(w.intake.isComplete(id)).isTrue();
    }

    @Test
    void withTheQuotaSpentTheIntroWaitsForTheResetTooWithoutACall() {
        World w = new World("2026-02-12T14:00");
        Instant reset = w.clock.now().plus(Duration.ofHours(5));
        w.callBudgets.put(InMemoryGhl.LOCATION, budget(0, reset));

        RecruitId id = w.accept(World.lead("Ada", "Spent", "4075550112", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.contacts()).isEmpty();
        assertThat(w.ghl.sentMessages()).isEmpty();
        assertThat(w.adapters.jobQueue().nextRunAt()).contains(reset);

        w.clock.set(reset.plusSeconds(1));
        w.runJobs();

        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(w.ghl.enrollments()).hasSize(1);
        assertThat(w.intake.isComplete(id)).isTrue();
    }

    @Test
    void anotherLocationsLowBudgetDoesNotHoldThisLocationsFollowUps() {
        World w = new World("2026-02-12T14:00");
        w.callBudgets.put(
                new io.recruitflow.domain.shared.LocationId("loc_other"),
                budget(0, w.clock.now().plus(Duration.ofHours(5))));

        RecruitId id = w.accept(World.lead("Ada", "Elsewhere", "4075550113", null, "NY"));
        w.runJobs();

        assertThat(w.ghl.enrollments()).hasSize(1);
        assertThat(w.intake.isComplete(id)).isTrue();
    }
}
