package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.recruitingreport.ReportCriteria;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportRow;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the report takes over 100,000 recruits on the embedded PostgreSQL (each with an opportunity through
 * up to five stages, a third with a presentation, a fifth of the intros deferred), per grouping, median of 5
 * after a warm-up. Run with {@code ./mvnw -o -q -pl adapter-persistence -am test -Pbench
 * -Dtest=RecruitingReportBenchTest -Dsurefire.failIfNoSpecifiedTests=false}; results go to docs/benchmarks.md.
 */
@Tag("bench")
class RecruitingReportBenchTest {
    private static final int RECRUITS = Integer.getInteger("report.bench.recruits", 100_000);

    @Test
    void the_report_over_100k_recruits() {
        TestDatabase.truncateAll();
        Jdbi jdbi = TestDatabase.jdbi();
        long load = System.nanoTime();
        jdbi.useHandle(h -> {
            h.execute("TRUNCATE compliance_decisions RESTART IDENTITY");
            h.execute("""
                    INSERT INTO recruits (id, location_id, first_name, last_name, phone, license_state, license_types,
                        source, tags, custom_fields, dnd, contact_id, accepted_at, intro_sent_at, version, time_zone)
                    SELECT md5('r' || i)::uuid, 'loc_' || (i % 3), 'Agent', 'N' || i, '+1407' || lpad(i::text, 7, '0'),
                           (ARRAY['FL','TX','GA','NY','CA','OH','PA'])[1 + i % 7], ARRAY['Life'],
                           (ARRAY['PropHog','Referral','Facebook Ads','Indeed'])[1 + i % 4], ARRAY[]::text[], '{}',
                           false, 'ct_' || i, timestamptz '2026-09-01 00:00Z' + (i * interval '77 seconds'),
                           CASE WHEN i % 10 = 0 THEN NULL
                                WHEN i % 5 = 1 THEN timestamptz '2026-09-01 00:00Z' + (i * interval '77 seconds')
                                                    + interval '9 hours'
                                ELSE timestamptz '2026-09-01 00:00Z' + (i * interval '77 seconds')
                                     + ((i % 60) * interval '1 second') END, 1, 'America/New_York'
                      FROM generate_series(1, RECRUITS) AS i
                    """.replace("RECRUITS", Integer.toString(RECRUITS)));
            h.execute("""
                    INSERT INTO compliance_decisions (recruit_id, message_key, channel, decision, not_before, decided_at,
                        reasons, jurisdictions, zones, texts_counted, rules_in_force, rules_switched_off)
                    SELECT r.id, 'intro/' || r.id, 'SMS', 'DEFER', r.intro_sent_at, r.accepted_at,
                           '[]', '{}', '{}', '[]', '[]', '[]'
                      FROM recruits r WHERE r.intro_sent_at - r.accepted_at = interval '9 hours'
                    """);
            h.execute("""
                    INSERT INTO opportunities (id, location_id, contact_id, name, pipeline_id, stage, status,
                        monetary_value, assigned_to, updated_at, version, furthest_stage)
                    SELECT 'opp_' || i, 'loc_' || (i % 3), 'ct_' || i, 'Agent Recruit', 'pipe',
                           (ARRAY['LEAD','CONTACTED','INTERESTED','PRESENTATION_SCHEDULED','CONTRACTED'])[1 + i % 5],
                           'OPEN', 0, (ARRAY['user_a','user_b','user_c',NULL])[1 + i % 4],
                           timestamptz '2026-09-01 00:00Z' + (i * interval '77 seconds') + interval '3 days', 1,
                           (ARRAY['LEAD','CONTACTED','INTERESTED','PRESENTATION_SCHEDULED','CONTRACTED'])[1 + i % 5]
                      FROM generate_series(1, RECRUITS) AS i
                    """.replace("RECRUITS", Integer.toString(RECRUITS)));
            h.execute("""
                    INSERT INTO opportunity_stage_entries (opportunity_id, stage, entered_at)
                    SELECT 'opp_' || i, (ARRAY['LEAD','CONTACTED','INTERESTED','PRESENTATION_SCHEDULED','CONTRACTED'])[s],
                           timestamptz '2026-09-01 00:00Z' + (i * interval '77 seconds') + ((s - 1) * interval '17 hours')
                      FROM generate_series(1, RECRUITS) AS i, generate_series(1, 5) AS s WHERE s <= 1 + i % 5
                    """.replace("RECRUITS", Integer.toString(RECRUITS)));
            h.execute("""
                    INSERT INTO appointments (id, calendar_id, location_id, contact_id, title, starts_at, ends_at, status,
                        updated_at)
                    SELECT 'apt_' || i, 'cal', 'loc_' || (i % 3), 'ct_' || i, 'Presentation',
                           timestamptz '2026-09-05 00:00Z', timestamptz '2026-09-05 00:30Z',
                           (ARRAY['SHOWED','NOSHOW','CANCELLED','CONFIRMED'])[1 + i % 4], now()
                      FROM generate_series(1, RECRUITS) AS i WHERE i % 3 = 0
                    """.replace("RECRUITS", Integer.toString(RECRUITS)));
            h.execute("ANALYZE");
        });
        System.out.printf("bench: loaded %,d recruits in %.1f s%n", RECRUITS, (System.nanoTime() - load) / 1e9);
        PostgresRecruitingReport report = new PostgresRecruitingReport(jdbi);
        if (Boolean.getBoolean("report.bench.explain")) {
            report.explain(new ReportCriteria(
                            ReportGrouping.SOURCE,
                            Optional.empty(),
                            Optional.empty(),
                            ZoneId.of("America/New_York"),
                            Optional.empty()))
                    .forEach(plan -> System.out.println("bench: plan\n" + plan));
        }
        for (ReportGrouping g : ReportGrouping.values()) {
            ReportCriteria all = new ReportCriteria(
                    g, Optional.empty(), Optional.empty(), ZoneId.of("America/New_York"), Optional.empty());
            ReportCriteria week = new ReportCriteria(
                    g,
                    Optional.of(Instant.parse("2026-10-05T04:00:00Z")),
                    Optional.of(Instant.parse("2026-10-12T04:00:00Z")),
                    ZoneId.of("America/New_York"),
                    Optional.empty());
            long total = report.rows(all).stream().mapToLong(ReportRow::leadsIn).sum();
            assertThat(total).isEqualTo(RECRUITS);
            System.out.printf(
                    "bench: report by %-9s over %,d recruits: median %.0f ms; one week (%,d recruits): median %.0f ms%n",
                    g.key(),
                    RECRUITS,
                    median(report, all),
                    report.rows(week).stream().mapToLong(ReportRow::leadsIn).sum(),
                    median(report, week));
        }
    }

    private static double median(PostgresRecruitingReport report, ReportCriteria c) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            report.rows(c);
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return ms.get(2);
    }
}
