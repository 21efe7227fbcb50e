package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.recruitingreport.ReportCriteria;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.contracts.Fixtures;
import io.recruitflow.contracts.ReportData;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The report's counts equal a direct count from the database for every grouping: a varied data set (600
 * recruits over five weeks in two locations: four sources, one a formula, five states, three recruiters (routed, or
 * only named by the opportunity) and none,
 * intros at once, deferred or not sent, opportunities stopping at every stage, moved back or deleted,
 * presentations of every status) is written through the stores, then each grouping's figures are counted again
 * by SQL written independently of the report's (DISTINCT ON, GROUP BY and joins instead of LATERAL, EXISTS and
 * FILTER; the ISO week from {@code extract}; percentiles in Java) and compared, group by group.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecruitingReportCountsTest {
    private static final int RECRUITS = 600;
    private Jdbi jdbi;

    @BeforeAll
    void data() {
        TestDatabase.truncateAll();
        jdbi = TestDatabase.jdbi();
        jdbi.useHandle(h -> h.execute("TRUNCATE compliance_decisions RESTART IDENTITY"));
        new ReportData(new ReportData.Stores(
                        new PostgresRecruits(jdbi),
                        new PostgresOpportunityMirror(jdbi),
                        new PostgresAppointments(jdbi),
                        new PostgresComplianceRecord(jdbi),
                        new PostgresRecruitingReport(jdbi)))
                .varied(RECRUITS, 20261201);
    }

    /** The figures of one group, counted directly. */
    record Direct(List<Long> counts, Latency atOnce, Latency waited) {}

    private static String key(ReportGrouping g) {
        return switch (g) {
            case SOURCE -> "r.source";
            case STATE -> "r.license_state";
            case RECRUITER -> "coalesce(r.assigned_user, l.assigned_to, 'unassigned')";
            case WEEK ->
                "extract(isoyear FROM r.accepted_at AT TIME ZONE 'UTC')::int || '-W' "
                        + "|| lpad(extract(week FROM r.accepted_at AT TIME ZONE 'UTC')::int::text, 2, '0')";
        };
    }

    private Map<String, Direct> direct(ReportGrouping g, Instant from, Instant to) {
        String joins = """
                  FROM recruits r
                  LEFT JOIN (SELECT DISTINCT ON (contact_id, location_id) contact_id, location_id, furthest_stage, assigned_to
                               FROM opportunities WHERE id NOT IN (SELECT id FROM deleted_opportunities)
                              ORDER BY contact_id, location_id, updated_at DESC, id) l
                         ON l.contact_id = r.contact_id AND l.location_id = r.location_id
                  LEFT JOIN (SELECT contact_id, location_id, bool_or(status = 'SHOWED') AS showed,
                                    bool_or(status = 'NOSHOW') AS missed
                               FROM appointments GROUP BY contact_id, location_id) a
                         ON a.contact_id = r.contact_id AND a.location_id = r.location_id
                  LEFT JOIN (SELECT DISTINCT recruit_id FROM compliance_decisions
                              WHERE decision = 'DEFER' AND message_key = 'intro/' || recruit_id::text) d
                         ON d.recruit_id = r.id
                 WHERE r.accepted_at >= :from AND r.accepted_at < :to
                """;
        Map<String, Direct> out = new TreeMap<>();
        jdbi.useHandle(h -> {
            Map<String, List<Long>> counts = new TreeMap<>();
            h.createQuery("SELECT " + key(g) + " AS k, count(*) AS leads,"
                            + " sum(CASE WHEN r.intro_sent_at IS NOT NULL OR l.furthest_stage IN"
                            + " ('CONTACTED','INTERESTED','PRESENTATION_SCHEDULED','CONTRACTED') THEN 1 ELSE 0 END) AS contacted,"
                            + " sum(CASE WHEN a.contact_id IS NOT NULL THEN 1 ELSE 0 END) AS booked,"
                            + " sum(CASE WHEN a.showed THEN 1 ELSE 0 END) AS showed,"
                            + " sum(CASE WHEN a.missed AND NOT a.showed THEN 1 ELSE 0 END) AS no_shows,"
                            + " sum(CASE WHEN l.furthest_stage = 'CONTRACTED' THEN 1 ELSE 0 END) AS contracted"
                            + joins + " GROUP BY 1")
                    .bind("from", Rows.ts(from))
                    .bind("to", Rows.ts(to))
                    .map((rs, ctx) -> counts.put(
                            rs.getString("k"),
                            List.of(
                                    rs.getLong("leads"),
                                    rs.getLong("contacted"),
                                    rs.getLong("booked"),
                                    rs.getLong("showed"),
                                    rs.getLong("no_shows"),
                                    rs.getLong("contracted"))))
                    .list();
            Map<String, List<Duration>> atOnce = new TreeMap<>();
            Map<String, List<Duration>> waited = new TreeMap<>();
            h.createQuery("SELECT " + key(g)
                            + " AS k, d.recruit_id IS NOT NULL AS waited, r.accepted_at, r.intro_sent_at" + joins
                            + " AND r.intro_sent_at IS NOT NULL")
                    .bind("from", Rows.ts(from))
                    .bind("to", Rows.ts(to))
                    .map((rs, ctx) -> (rs.getBoolean("waited") ? waited : atOnce)
                            .computeIfAbsent(rs.getString("k"), k -> new ArrayList<>())
                            .add(Duration.between(Rows.instant(rs, "accepted_at"), Rows.instant(rs, "intro_sent_at"))))
                    .list();
            counts.forEach((k, c) -> out.put(k, new Direct(c, latency(atOnce.get(k)), latency(waited.get(k)))));
        });
        return out;
    }

    private static Latency latency(List<Duration> samples) {
        return samples == null
                ? Latency.NONE
                : Latency.of(samples.stream().sorted().toList());
    }

    private Map<String, Direct> reported(ReportGrouping g, Optional<Instant> from, Optional<Instant> to) {
        List<ReportRow> rows = new PostgresRecruitingReport(jdbi)
                .rows(new ReportCriteria(g, from, to, ZoneOffset.UTC, Optional.empty()));
        return rows.stream()
                .collect(Collectors.toMap(
                        ReportRow::group,
                        r -> new Direct(
                                List.of(
                                        r.leadsIn(),
                                        r.contacted(),
                                        r.booked(),
                                        r.showed(),
                                        r.noShows(),
                                        r.contracted()),
                                r.textedAtOnce(),
                                r.waitedForQuietHours()),
                        (a, b) -> a,
                        TreeMap::new));
    }

    @ParameterizedTest
    @EnumSource(ReportGrouping.class)
    void every_group_counts_what_the_database_holds(ReportGrouping g) {
        Map<String, Direct> direct = direct(g, Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z"));
        Map<String, Direct> reported = reported(g, Optional.empty(), Optional.empty());

        assertThat(reported).isEqualTo(direct);
        assertThat(reported.values().stream().mapToLong(d -> d.counts().get(0)).sum())
                .isEqualTo(RECRUITS);
        // The data set is varied enough that every figure is exercised in this grouping.
        assertThat(reported.size()).isGreaterThan(2);
        for (int i = 1; i < 6; i++) {
            int figure = i;
            assertThat(reported.values().stream()
                            .mapToLong(d -> d.counts().get(figure))
                            .sum())
                    .as("figure %d", i)
                    .isPositive();
        }
        assertThat(reported.values().stream()
                        .mapToLong(d -> d.waited().samples())
                        .sum())
                .isPositive();
        assertThat(reported.values().stream()
                        .mapToLong(d -> d.atOnce().samples())
                        .sum())
                .isPositive();
    }

    @ParameterizedTest
    @EnumSource(ReportGrouping.class)
    void within_a_period_too(ReportGrouping g) {
        Instant from = Fixtures.T0.plus(Duration.ofDays(8));
        Instant to = Fixtures.T0.plus(Duration.ofDays(22));

        assertThat(reported(g, Optional.of(from), Optional.of(to))).isEqualTo(direct(g, from, to));
    }
}
