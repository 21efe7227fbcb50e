package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.optionalString;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link OpportunityMirror} on PostgreSQL. Out-of-order safety is one statement: the upsert's
 * {@code WHERE excluded.updated_at >= opportunities.updated_at} lets an older GHL timestamp change nothing,
 * atomically, whatever the interleaving of concurrent writers. The furthest stage is left out of it and raised
 * by a second statement that only ever raises it (stages compared in {@link RecruitingStage}'s order), so an
 * older write still counts the stage it reached. A delete leaves a tombstone in {@code deleted_opportunities}:
 * writes skip a tombstoned id, and reads leave it out too, so a write racing the delete cannot show the
 * opportunity again either.
 */
final class PostgresOpportunityMirror implements OpportunityMirror {
    private static final List<String> STAGE_ORDER =
            Stream.of(RecruitingStage.values()).map(Enum::name).toList();
    /** Not tombstoned (the table is aliased {@code o}). */
    private static final String LIVE = "NOT EXISTS (SELECT 1 FROM deleted_opportunities d WHERE d.id = o.id)";

    private final Jdbi jdbi;

    PostgresOpportunityMirror(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean save(Opportunity o) {
        return jdbi.inTransaction(h -> {
            boolean stored = h.createUpdate("""
                        INSERT INTO opportunities AS t (id, location_id, contact_id, name, pipeline_id, stage, status,
                            monetary_value, assigned_to, updated_at, version, furthest_stage)
                        SELECT :id, :location, :contact, :name, :pipeline, :stage, :status, :value, :assignedTo,
                            :updatedAt, :version, :furthest
                         WHERE NOT EXISTS (SELECT 1 FROM deleted_opportunities d WHERE d.id = :id)
                        ON CONFLICT (id) DO UPDATE SET location_id = excluded.location_id,
                            contact_id = excluded.contact_id, name = excluded.name, pipeline_id = excluded.pipeline_id,
                            stage = excluded.stage, status = excluded.status, monetary_value = excluded.monetary_value,
                            assigned_to = excluded.assigned_to, updated_at = excluded.updated_at,
                            version = excluded.version
                        WHERE excluded.updated_at >= t.updated_at
                        """)
                            .bind("id", o.id().value())
                            .bind("location", o.location().value())
                            .bind("contact", o.contact().value())
                            .bind("name", o.name())
                            .bind("pipeline", o.pipeline().value())
                            .bind("stage", o.stage().name())
                            .bind("status", o.status().name())
                            .bind("value", o.monetaryValue())
                            .bind(
                                    "assignedTo",
                                    o.assignedTo().map(UserId::value).orElse(null))
                            .bind("updatedAt", ts(o.updatedAt()))
                            .bind("version", o.version())
                            .bind("furthest", o.furthestStage().name())
                            .execute()
                    == 1;
            h.createUpdate("""
                        UPDATE opportunities SET furthest_stage = :furthest
                         WHERE id = :id AND array_position(CAST(:order AS text[]), furthest_stage)
                             < array_position(CAST(:order AS text[]), CAST(:furthest AS text))
                        """)
                    .bind("id", o.id().value())
                    .bind("furthest", o.furthestStage().name())
                    .bind("order", Rows.array(STAGE_ORDER))
                    .execute();
            // The stage was entered no later than this write's time, stored or not (the report's time in stage).
            h.createUpdate("""
                        INSERT INTO opportunity_stage_entries AS t (opportunity_id, stage, entered_at)
                        SELECT :id, :stage, :at
                         WHERE NOT EXISTS (SELECT 1 FROM deleted_opportunities d WHERE d.id = :id)
                        ON CONFLICT (opportunity_id, stage) DO UPDATE SET entered_at = excluded.entered_at
                        WHERE excluded.entered_at < t.entered_at
                        """)
                    .bind("id", o.id().value())
                    .bind("stage", o.stage().name())
                    .bind("at", ts(o.updatedAt()))
                    .execute();
            return stored;
        });
    }

    @Override
    public Optional<Opportunity> find(OpportunityId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM opportunities o WHERE id = :id AND " + LIVE)
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public Optional<Opportunity> findByContact(ContactId contact) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM opportunities o WHERE contact_id = :contact AND "
                        + LIVE + " ORDER BY updated_at DESC, id LIMIT 1")
                .bind("contact", contact.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public void delete(OpportunityId id) {
        jdbi.useTransaction(h -> {
            h.createUpdate("INSERT INTO deleted_opportunities (id) VALUES (:id) ON CONFLICT DO NOTHING")
                    .bind("id", id.value())
                    .execute();
            h.createUpdate("DELETE FROM opportunities WHERE id = :id")
                    .bind("id", id.value())
                    .execute();
        });
    }

    @Override
    public List<Opportunity> all(Optional<LocationId> location) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM opportunities o"
                        + " WHERE (CAST(:location AS text) IS NULL OR location_id = :location) AND " + LIVE
                        + " ORDER BY updated_at, id")
                .bind("location", location.map(LocationId::value).orElse(null))
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public Map<RecruitingStage, Long> countByStage(Optional<LocationId> location) {
        return Rows.countsBy(jdbi, RecruitingStage.class, """
                SELECT stage, count(*) FROM opportunities o
                 WHERE (CAST(:location AS text) IS NULL OR location_id = :location)
                   AND NOT EXISTS (SELECT 1 FROM deleted_opportunities d WHERE d.id = o.id) GROUP BY stage
                """, location);
    }

    private static Opportunity map(ResultSet rs) throws SQLException {
        return new Opportunity(
                new OpportunityId(rs.getString("id")),
                new LocationId(rs.getString("location_id")),
                new ContactId(rs.getString("contact_id")),
                rs.getString("name"),
                new PipelineId(rs.getString("pipeline_id")),
                RecruitingStage.valueOf(rs.getString("stage")),
                RecruitingStage.valueOf(rs.getString("furthest_stage")),
                OpportunityStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("monetary_value"),
                optionalString(rs, "assigned_to").map(UserId::new),
                instant(rs, "updated_at"),
                rs.getLong("version"));
    }
}
