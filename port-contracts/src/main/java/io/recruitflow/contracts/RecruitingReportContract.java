package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.LOCATION;
import static io.recruitflow.contracts.Fixtures.OTHER_LOCATION;
import static io.recruitflow.contracts.Fixtures.T0;
import static io.recruitflow.contracts.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.recruitingreport.RecruitingReport;
import io.recruitflow.application.recruitingreport.ReportCriteria;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RecruitingReport} must report, on a small data set whose figures are worked out by hand:
 * <ul>
 *   <li>r1 PropHog FL, week 10, user_a: texted after 4 s, Lead → Contacted → Interested → Presentation → Contracted,
 *       attended;</li>
 *   <li>r2 PropHog TX, week 10, unassigned: intro deferred, texted after 10 h, presentation missed, back to
 *       Interested;</li>
 *   <li>r3 Referral FL, week 11, routed to user_b: never linked nor texted;</li>
 *   <li>r4 Referral FL, week 11, routed to user_b (its opportunity says user_z: the routing wins): texted after 2 s,
 *       missed one presentation then attended one;</li>
 *   <li>r5 PropHog GA, week 10, in the other location, never linked.</li>
 * </ul>
 */
public abstract class RecruitingReportContract {

    /** New, empty stores and the report over them; called once per test. */
    protected abstract ReportData.Stores newStores();

    private ReportData.Stores stores;
    private ReportData data;

    @BeforeEach
    void createStores() {
        stores = newStores();
        data = new ReportData(stores);
    }

    private static final Instant WEEK_11 = T0.plus(Duration.ofDays(7));

    private void scenario() {
        Recruit r1 = data.recruit(1, LOCATION, "PropHog", UsState.FL, T0);
        r1 = data.contacted(r1, new ContactId("ct_r1"), Optional.of(Duration.ofSeconds(4)));
        data.moves(
                "opp_r1",
                r1,
                Optional.of("user_a"),
                List.of(RecruitingStage.values()),
                List.of(at(0), at(1), at(61), at(121), at(181)));
        data.presentation("apt_r1", r1, AppointmentStatus.SHOWED, at(150));

        Recruit r2 = data.recruit(2, LOCATION, "PropHog", UsState.TX, at(1));
        data.introDeferred(r2, at(601));
        r2 = data.contacted(r2, new ContactId("ct_r2"), Optional.of(Duration.ofHours(10)));
        data.moves(
                "opp_r2",
                r2,
                Optional.empty(),
                List.of(
                        RecruitingStage.LEAD,
                        RecruitingStage.CONTACTED,
                        RecruitingStage.PRESENTATION_SCHEDULED,
                        RecruitingStage.INTERESTED),
                List.of(at(1), at(601), at(661), at(721)));
        data.presentation("apt_r2", r2, AppointmentStatus.NOSHOW, at(700));

        data.assigned(data.recruit(3, LOCATION, "Referral", UsState.FL, WEEK_11), "user_b");

        Recruit r4 = data.recruit(4, LOCATION, "Referral", UsState.FL, WEEK_11.plusSeconds(60));
        r4 = data.contacted(r4, new ContactId("ct_r4"), Optional.of(Duration.ofSeconds(2)));
        r4 = data.assigned(r4, "user_b"); // routed to user_b; its opportunity still names user_z
        data.moves(
                "opp_r4",
                r4,
                Optional.of("user_z"),
                List.of(RecruitingStage.LEAD, RecruitingStage.CONTACTED),
                List.of(WEEK_11.plusSeconds(60), WEEK_11.plusSeconds(62)));
        data.presentation("apt_r4a", r4, AppointmentStatus.NOSHOW, WEEK_11.plus(Duration.ofDays(1)));
        data.presentation("apt_r4b", r4, AppointmentStatus.SHOWED, WEEK_11.plus(Duration.ofDays(2)));

        data.recruit(5, OTHER_LOCATION, "PropHog", UsState.GA, T0);
    }

    private Map<String, ReportRow> report(ReportGrouping grouping) {
        return report(
                new ReportCriteria(grouping, Optional.empty(), Optional.empty(), ZoneOffset.UTC, Optional.empty()));
    }

    private Map<String, ReportRow> report(ReportCriteria criteria) {
        List<ReportRow> rows = stores.report().rows(criteria);
        assertThat(rows).extracting(ReportRow::group).isSorted();
        return rows.stream().collect(Collectors.toMap(ReportRow::group, Function.identity()));
    }

    private static Function<ReportRow, List<Long>> counts() {
        return r -> List.of(r.leadsIn(), r.contacted(), r.booked(), r.showed(), r.noShows(), r.contracted());
    }

    private static Latency latency(long samples, Duration p50, Duration p95) {
        return new Latency(samples, Optional.of(p50), Optional.of(p95));
    }

    @Test
    void an_empty_store_reports_no_group() {
        for (ReportGrouping g : ReportGrouping.values()) {
            assertThat(report(g)).isEmpty();
        }
    }

    @Test
    void by_source_counts_the_funnel_and_splits_speed_to_lead() {
        scenario();
        Map<String, ReportRow> rows = report(ReportGrouping.SOURCE);

        assertThat(rows).containsOnlyKeys("PropHog", "Referral");
        ReportRow prophog = rows.get("PropHog");
        assertThat(counts().apply(prophog)).containsExactly(3L, 2L, 2L, 1L, 1L, 1L);
        assertThat(prophog.textedAtOnce()).isEqualTo(latency(1, Duration.ofSeconds(4), Duration.ofSeconds(4)));
        assertThat(prophog.waitedForQuietHours()).isEqualTo(latency(1, Duration.ofHours(10), Duration.ofHours(10)));
        assertThat(prophog.showRate()).contains(0.5);
        assertThat(prophog.contactRate()).contains(2 / 3.0);
        ReportRow referral = rows.get("Referral");
        assertThat(counts().apply(referral)).containsExactly(2L, 1L, 1L, 1L, 0L, 0L);
        assertThat(referral.textedAtOnce()).isEqualTo(latency(1, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(referral.waitedForQuietHours()).isEqualTo(Latency.NONE);
        assertThat(referral.showRate()).contains(1.0);
        assertThat(referral.closeRate()).contains(0.0);
    }

    @Test
    void time_in_stage_runs_from_entering_a_stage_to_entering_the_next() {
        scenario();
        ReportRow prophog = report(ReportGrouping.SOURCE).get("PropHog");
        Map<RecruitingStage, ReportRow.StageTime> stages = prophog.timeInStage().stream()
                .collect(Collectors.toMap(ReportRow.StageTime::stage, Function.identity()));

        assertThat(prophog.timeInStage())
                .extracting(ReportRow.StageTime::stage)
                .containsExactly(RecruitingStage.values());
        assertThat(stages.get(RecruitingStage.LEAD).time())
                .isEqualTo(latency(2, Duration.ofMinutes(1), Duration.ofMinutes(600)));
        assertThat(stages.get(RecruitingStage.CONTACTED).time())
                .isEqualTo(latency(2, Duration.ofMinutes(60), Duration.ofMinutes(60)));
        assertThat(stages.get(RecruitingStage.INTERESTED).time())
                .isEqualTo(latency(1, Duration.ofMinutes(60), Duration.ofMinutes(60)));
        assertThat(stages.get(RecruitingStage.INTERESTED).stillThere()).isEqualTo(1);
        assertThat(stages.get(RecruitingStage.PRESENTATION_SCHEDULED).time())
                .isEqualTo(latency(2, Duration.ofMinutes(60), Duration.ofMinutes(60)));
        assertThat(stages.get(RecruitingStage.CONTRACTED).time().samples()).isZero();
        assertThat(stages.get(RecruitingStage.CONTRACTED).stillThere()).isEqualTo(1);

        ReportRow referral = report(ReportGrouping.SOURCE).get("Referral");
        assertThat(referral.timeInStage().get(0).time())
                .isEqualTo(latency(1, Duration.ofSeconds(2), Duration.ofSeconds(2)));
        assertThat(referral.timeInStage().get(1).stillThere()).isEqualTo(1);
    }

    @Test
    void by_state_recruiter_and_week() {
        scenario();

        Map<String, ReportRow> states = report(ReportGrouping.STATE);
        assertThat(states).containsOnlyKeys("FL", "GA", "TX");
        assertThat(counts().apply(states.get("FL"))).containsExactly(3L, 2L, 2L, 2L, 0L, 1L);
        assertThat(counts().apply(states.get("TX"))).containsExactly(1L, 1L, 1L, 0L, 1L, 0L);
        assertThat(counts().apply(states.get("GA"))).containsExactly(1L, 0L, 0L, 0L, 0L, 0L);

        Map<String, ReportRow> recruiters = report(ReportGrouping.RECRUITER);
        assertThat(recruiters).containsOnlyKeys("unassigned", "user_a", "user_b");
        assertThat(recruiters.get("unassigned").leadsIn()).isEqualTo(2);
        assertThat(counts().apply(recruiters.get("user_a"))).containsExactly(1L, 1L, 1L, 1L, 0L, 1L);
        assertThat(counts().apply(recruiters.get("user_b"))).containsExactly(2L, 1L, 1L, 1L, 0L, 0L);

        Map<String, ReportRow> weeks = report(ReportGrouping.WEEK);
        assertThat(weeks).containsOnlyKeys("2026-W10", "2026-W11");
        assertThat(weeks.get("2026-W10").leadsIn()).isEqualTo(3);
        assertThat(weeks.get("2026-W11").leadsIn()).isEqualTo(2);
    }

    @Test
    void the_period_and_the_location_select_recruits_by_acceptance() {
        scenario();

        Map<String, ReportRow> later = report(new ReportCriteria(
                ReportGrouping.SOURCE, Optional.of(WEEK_11), Optional.empty(), ZoneOffset.UTC, Optional.empty()));
        assertThat(later).containsOnlyKeys("Referral");

        Map<String, ReportRow> upTo = report(new ReportCriteria(
                ReportGrouping.SOURCE, Optional.of(T0), Optional.of(WEEK_11), ZoneOffset.UTC, Optional.empty()));
        assertThat(upTo.keySet()).containsExactly("PropHog");
        assertThat(upTo.get("PropHog").leadsIn()).isEqualTo(3);

        Map<String, ReportRow> here = report(new ReportCriteria(
                ReportGrouping.STATE, Optional.empty(), Optional.empty(), ZoneOffset.UTC, Optional.of(LOCATION)));
        assertThat(here).containsOnlyKeys("FL", "TX");
        assertThat(report(new ReportCriteria(
                        ReportGrouping.STATE,
                        Optional.empty(),
                        Optional.empty(),
                        ZoneOffset.UTC,
                        Optional.of(new LocationId("loc_none")))))
                .isEmpty();
    }

    @Test
    void cohort_weeks_are_counted_in_the_zone_asked_for() {
        // Sunday 8 March 2026, 20:00 in Los Angeles: week 10 there, Monday 03:00 of week 11 in UTC.
        data.recruit(7, LOCATION, "PropHog", UsState.CA, Instant.parse("2026-03-09T03:00:00Z"));

        assertThat(report(ReportGrouping.WEEK)).containsOnlyKeys("2026-W11");
        assertThat(report(new ReportCriteria(
                        ReportGrouping.WEEK,
                        Optional.empty(),
                        Optional.empty(),
                        ZoneId.of("America/Los_Angeles"),
                        Optional.empty())))
                .containsOnlyKeys("2026-W10");
        assertThat(report(new ReportCriteria(
                        ReportGrouping.WEEK,
                        Optional.empty(),
                        Optional.empty(),
                        ZoneOffset.ofHours(-8),
                        Optional.empty())))
                .containsOnlyKeys("2026-W10");
    }

    @Test
    void a_deleted_opportunity_no_longer_counts() {
        scenario();
        stores.mirror().delete(new OpportunityId("opp_r1"));

        ReportRow userA = report(ReportGrouping.RECRUITER).get("user_a");
        assertThat(userA).isNull();
        ReportRow fl = report(ReportGrouping.STATE).get("FL");
        assertThat(counts().apply(fl)).containsExactly(3L, 2L, 2L, 2L, 0L, 0L);
    }

    @Test
    void a_varied_data_set_reports_every_recruit_once_per_grouping() {
        data.varied(120, 17);
        for (ReportGrouping g : ReportGrouping.values()) {
            long total =
                    report(g).values().stream().mapToLong(ReportRow::leadsIn).sum();
            assertThat(total).as(g.key()).isEqualTo(120);
        }
    }
}
