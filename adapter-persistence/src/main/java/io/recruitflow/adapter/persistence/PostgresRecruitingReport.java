package io.recruitflow.adapter.persistence;

import io.recruitflow.application.recruitingreport.RecruitingReport;
import io.recruitflow.application.recruitingreport.ReportCriteria;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.application.recruitingreport.ReportRow.StageTime;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link RecruitingReport} in SQL over the stores' own tables, in one read-only transaction (one snapshot): the
 * recruits accepted in the period ({@code recruits_acceptance}), each with its newest live opportunity, whether a
 * compliance decision deferred its intro, and its presentations; aggregated per group with {@code count(*) FILTER}
 * and {@code percentile_disc} (nearest rank, as the in-memory report computes it). Durations are read in
 * microseconds, the precision of a {@code timestamptz}.
 *
 * <p>The recruiter is {@code recruits.assigned_user} (routing, V23), else the user the opportunity is assigned to in
 * GHL ({@code opportunities.assigned_to}, for recruits accepted before routing), else {@value
 * ReportGrouping#UNASSIGNED}.
 */
final class PostgresRecruitingReport implements RecruitingReport {
    private static final List<String> STAGE_ORDER =
            Stream.of(RecruitingStage.values()).map(Enum::name).toList();

    /** Per group: the counts and speed-to-lead, after {@link #facts}. */
    private static final String MAIN = """
                            SELECT grp,
                                   count(*) AS leads_in,
                                   count(*) FILTER (WHERE intro_sent_at IS NOT NULL OR reached >= 2) AS contacted,
                                   count(*) FILTER (WHERE booked) AS booked,
                                   count(*) FILTER (WHERE showed) AS showed,
                                   count(*) FILTER (WHERE missed AND NOT showed) AS no_shows,
                                   count(*) FILTER (WHERE reached = 5) AS contracted,
                                   count(stl) FILTER (WHERE NOT waited) AS at_once_n,
                                   percentile_disc(0.5) WITHIN GROUP (ORDER BY stl) FILTER (WHERE NOT waited) AS at_once_p50,
                                   percentile_disc(0.95) WITHIN GROUP (ORDER BY stl) FILTER (WHERE NOT waited) AS at_once_p95,
                                   count(stl) FILTER (WHERE waited) AS waited_n,
                                   percentile_disc(0.5) WITHIN GROUP (ORDER BY stl) FILTER (WHERE waited) AS waited_p50,
                                   percentile_disc(0.95) WITHIN GROUP (ORDER BY stl) FILTER (WHERE waited) AS waited_p95
                              FROM facts GROUP BY grp ORDER BY grp
                            """;

    /** Per group and stage: time in stage, after {@link #facts}. */
    private static final String STAYS = """
                        , stays AS (
                            SELECT f.grp, e.stage, e.entered_at,
                                   lead(e.entered_at) OVER (PARTITION BY e.opportunity_id
                                       ORDER BY e.entered_at, array_position(CAST(:order AS text[]), e.stage)) AS left_at
                              FROM facts f JOIN opportunity_stage_entries e ON e.opportunity_id = f.opportunity_id),
                        timed AS (
                            SELECT grp, stage, left_at,
                                   (extract(epoch FROM left_at - entered_at) * 1000000)::bigint AS stay FROM stays)
                        SELECT grp, stage,
                               count(stay) AS n,
                               percentile_disc(0.5) WITHIN GROUP (ORDER BY stay) AS p50,
                               percentile_disc(0.95) WITHIN GROUP (ORDER BY stay) AS p95,
                               count(*) FILTER (WHERE left_at IS NULL) AS still
                          FROM timed GROUP BY grp, stage
                        """;

    private final Jdbi jdbi;

    PostgresRecruitingReport(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public List<ReportRow> rows(ReportCriteria c) {
        return jdbi.inTransaction(h -> {
            h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            String facts = facts(c);
            Map<String, List<StageTime>> stages = stageTimes(h, facts, c);
            return bind(h.createQuery(materialized(facts) + MAIN), c)
                    .map((rs, ctx) -> new ReportRow(
                            rs.getString("grp"),
                            rs.getLong("leads_in"),
                            rs.getLong("contacted"),
                            rs.getLong("booked"),
                            rs.getLong("showed"),
                            rs.getLong("no_shows"),
                            rs.getLong("contracted"),
                            latency(rs, "at_once"),
                            latency(rs, "waited"),
                            stages.getOrDefault(rs.getString("grp"), noStageTimes())))
                    .list();
        });
    }

    /**
     * Time in stage per group: each stage an opportunity entered, left when it entered its next stage (the earliest
     * entry after it; at the same instant, a later stage in the pipeline's order).
     */
    private Map<String, List<StageTime>> stageTimes(Handle h, String facts, ReportCriteria c) {
        Map<String, Map<RecruitingStage, StageTime>> found = new LinkedHashMap<>();
        bind(h.createQuery(facts + STAYS), c)
                .bind("order", Rows.array(STAGE_ORDER))
                .map((rs, ctx) -> {
                    RecruitingStage stage = RecruitingStage.valueOf(rs.getString("stage"));
                    found.computeIfAbsent(rs.getString("grp"), g -> new LinkedHashMap<>())
                            .put(stage, new StageTime(stage, latency(rs, ""), rs.getLong("still")));
                    return stage;
                })
                .list();
        Map<String, List<StageTime>> byGroup = new LinkedHashMap<>();
        found.forEach((group, perStage) -> {
            List<StageTime> all = new ArrayList<>();
            for (RecruitingStage s : RecruitingStage.values()) {
                all.add(perStage.getOrDefault(s, new StageTime(s, Latency.NONE, 0)));
            }
            byGroup.put(group, all);
        });
        return byGroup;
    }

    /** The plans of the report's two queries as PostgreSQL ran them ({@code EXPLAIN ANALYZE}), for benchmarks. */
    List<String> explain(ReportCriteria c) {
        return jdbi.withHandle(h -> {
            String facts = facts(c);
            List<String> plans = new ArrayList<>();
            for (String q : List.of(MAIN, STAYS)) {
                String f = q == MAIN ? materialized(facts) : facts;
                plans.add(String.join(
                        "\n",
                        bind(h.createQuery("EXPLAIN (ANALYZE, BUFFERS) " + f + q), c)
                                .mapTo(String.class)
                                .list()));
            }
            return plans;
        });
    }

    private static List<StageTime> noStageTimes() {
        return Stream.of(RecruitingStage.values())
                .map(s -> new StageTime(s, Latency.NONE, 0))
                .toList();
    }

    /** The recruits the criteria select, one row each with what the report counts. */
    private static String facts(ReportCriteria c) {
        return """
                WITH facts AS (
                    SELECT r.id, %s AS grp, r.intro_sent_at, o.id AS opportunity_id,
                           coalesce(array_position(CAST(:order AS text[]), o.furthest_stage), 0) AS reached,
                           CASE WHEN r.intro_sent_at IS NULL THEN NULL
                                ELSE (extract(epoch FROM r.intro_sent_at - r.accepted_at) * 1000000)::bigint END AS stl,
                           EXISTS (SELECT 1 FROM compliance_decisions d
                                    WHERE d.recruit_id = r.id AND d.message_key = 'intro/' || r.id::text
                                      AND d.decision = 'DEFER') AS waited,
                           EXISTS (SELECT 1 FROM appointments a
                                    WHERE a.contact_id = r.contact_id AND a.location_id = r.location_id) AS booked,
                           EXISTS (SELECT 1 FROM appointments a
                                    WHERE a.contact_id = r.contact_id AND a.location_id = r.location_id
                                      AND a.status = 'SHOWED') AS showed,
                           EXISTS (SELECT 1 FROM appointments a
                                    WHERE a.contact_id = r.contact_id AND a.location_id = r.location_id
                                      AND a.status = 'NOSHOW') AS missed
                      FROM recruits r
                      LEFT JOIN LATERAL (
                          SELECT o.id, o.furthest_stage, o.assigned_to FROM opportunities o
                           WHERE o.contact_id = r.contact_id AND o.location_id = r.location_id
                             AND NOT EXISTS (SELECT 1 FROM deleted_opportunities x WHERE x.id = o.id)
                           ORDER BY o.updated_at DESC, o.id LIMIT 1) o ON true
                     WHERE (CAST(:from AS timestamptz) IS NULL OR r.accepted_at >= CAST(:from AS timestamptz))
                       AND (CAST(:to AS timestamptz) IS NULL OR r.accepted_at < CAST(:to AS timestamptz))
                       AND (CAST(:location AS text) IS NULL OR r.location_id = CAST(:location AS text)))
                """.formatted(groupKey(c));
    }

    /**
     * The facts computed once: the main query reads each flag in several aggregates, and an inlined CTE would run
     * each flag's subquery once per aggregate. The time-in-stage query reads only the group and the opportunity, so
     * there the CTE stays inlined and PostgreSQL drops the flags' subqueries.
     */
    private static String materialized(String facts) {
        return facts.replaceFirst("WITH facts AS \\(", "WITH facts AS MATERIALIZED (");
    }

    private static String groupKey(ReportCriteria c) {
        return switch (c.grouping()) {
            case SOURCE -> "r.source";
            case STATE -> "r.license_state";
            case RECRUITER -> "coalesce(r.assigned_user, o.assigned_to, '" + ReportGrouping.UNASSIGNED + "')";
            case WEEK -> "to_char(" + local(c.zone()) + ", 'IYYY-\"W\"IW')";
        };
    }

    /** The acceptance as a local time in {@code zone}; an offset is added, since PostgreSQL reads offsets POSIX-wise. */
    private static String local(ZoneId zone) {
        if (zone.normalized() instanceof ZoneOffset offset) {
            return "(r.accepted_at AT TIME ZONE 'UTC') + make_interval(secs => " + offset.getTotalSeconds() + ")";
        }
        return "(r.accepted_at AT TIME ZONE CAST(:zone AS text))";
    }

    private static <Q extends org.jdbi.v3.core.statement.SqlStatement<Q>> Q bind(Q q, ReportCriteria c) {
        q.bind("order", Rows.array(STAGE_ORDER))
                .bind("from", c.from().map(Rows::ts).orElse(null))
                .bind("to", c.to().map(Rows::ts).orElse(null))
                .bind("location", c.location().map(LocationId::value).orElse(null));
        // Only a week by a named zone's local time names the zone (Jdbi refuses a binding the SQL does not use).
        if (c.grouping() == ReportGrouping.WEEK && !(c.zone().normalized() instanceof ZoneOffset)) {
            q.bind("zone", c.zone().getId());
        }
        return q;
    }

    private static Latency latency(ResultSet rs, String prefix) throws SQLException {
        String p = prefix.isEmpty() ? "" : prefix + "_";
        return new Latency(rs.getLong(p + "n"), micros(rs, p + "p50"), micros(rs, p + "p95"));
    }

    private static Optional<Duration> micros(ResultSet rs, String column) throws SQLException {
        long us = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Duration.ofNanos(us * 1000));
    }
}
