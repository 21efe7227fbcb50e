package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.pipeline.StallAlerts;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link StallAlerts} on PostgreSQL (table {@code stall_alerts}, migration V21). */
final class PostgresStallAlerts implements StallAlerts {
    private final Jdbi jdbi;

    PostgresStallAlerts(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean record(StallAlert alert) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO stall_alerts (recruit_id, location_id, stage,"
                                + " idle_since, limit_seconds, detected_at) VALUES (:recruit, :location, :stage,"
                                + " :since, :limit, :detected) ON CONFLICT DO NOTHING")
                        .bind("recruit", alert.recruit().value())
                        .bind("location", alert.location().value())
                        .bind("stage", alert.stage().name())
                        .bind("since", Timestamp.from(alert.idleSince()))
                        .bind("limit", alert.limit().toSeconds())
                        .bind("detected", Timestamp.from(alert.detectedAt()))
                        .execute())
                == 1;
    }

    @Override
    public List<StallAlert> recent(Optional<LocationId> location, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM stall_alerts"
                        + (location.isPresent() ? " WHERE location_id = :location" : "")
                        + " ORDER BY detected_at DESC, recruit_id LIMIT :limit")
                .bind("location", location.map(LocationId::value).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> alert(rs))
                .list());
    }

    private static StallAlert alert(ResultSet rs) throws SQLException {
        return new StallAlert(
                new RecruitId(UUID.fromString(rs.getString("recruit_id"))),
                new LocationId(rs.getString("location_id")),
                RecruitingStage.valueOf(rs.getString("stage")),
                rs.getTimestamp("idle_since").toInstant(),
                Duration.ofSeconds(rs.getLong("limit_seconds")),
                rs.getTimestamp("detected_at").toInstant());
    }
}
