package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.nurture.OwnerAlert;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link OwnerAlerts} on PostgreSQL (table {@code owner_alerts}, migration V20). */
final class PostgresOwnerAlerts implements OwnerAlerts {
    private static final String COLUMNS = "id, recruit_id, location_id, kind, text, at";

    private final Jdbi jdbi;

    PostgresOwnerAlerts(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean record(OwnerAlert alert) {
        return jdbi.withHandle(h -> h.createUpdate("INSERT INTO owner_alerts (" + COLUMNS + ") VALUES (:id, :recruit,"
                                + " :location, :kind, :text, :at) ON CONFLICT (id) DO NOTHING")
                        .bind("id", alert.id())
                        .bind("recruit", alert.recruit().value())
                        .bind("location", alert.location().value())
                        .bind("kind", alert.kind())
                        .bind("text", alert.text())
                        .bind("at", Rows.ts(alert.at()))
                        .execute())
                == 1;
    }

    @Override
    public List<OwnerAlert> recent(Optional<LocationId> location, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM owner_alerts"
                        + (location.isPresent() ? " WHERE location_id = :location" : "")
                        + " ORDER BY at DESC, id LIMIT :limit")
                .bind("location", location.map(LocationId::value).orElse(null))
                .bind("limit", limit)
                .map((rs, ctx) -> alert(rs))
                .list());
    }

    @Override
    public List<OwnerAlert> ofRecruit(RecruitId recruit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM owner_alerts WHERE recruit_id = :recruit"
                        + " ORDER BY at DESC, id")
                .bind("recruit", recruit.value())
                .map((rs, ctx) -> alert(rs))
                .list());
    }

    private static OwnerAlert alert(ResultSet rs) throws SQLException {
        return new OwnerAlert(
                rs.getString("id"),
                new RecruitId(rs.getObject("recruit_id", UUID.class)),
                new LocationId(rs.getString("location_id")),
                rs.getString("kind"),
                rs.getString("text"),
                Rows.instant(rs, "at"));
    }
}
