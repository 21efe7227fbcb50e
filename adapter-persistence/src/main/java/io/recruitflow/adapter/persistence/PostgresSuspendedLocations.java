package io.recruitflow.adapter.persistence;

import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link SuspendedLocations} on PostgreSQL, shared by every instance. */
final class PostgresSuspendedLocations implements SuspendedLocations {
    private final Jdbi jdbi;

    PostgresSuspendedLocations(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void suspend(LocationId location, String reason) {
        jdbi.useHandle(h -> h.createUpdate(
                        "INSERT INTO suspended_locations (location_id, reason) VALUES (:id, :reason) "
                                + "ON CONFLICT (location_id) DO UPDATE SET reason = excluded.reason, suspended_at = now()")
                .bind("id", location.value())
                .bind("reason", reason == null || reason.isBlank() ? "suspended" : reason)
                .execute());
    }

    @Override
    public void resume(LocationId location) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM suspended_locations WHERE location_id = :id")
                .bind("id", location.value())
                .execute());
    }

    @Override
    public Optional<String> reason(LocationId location) {
        return jdbi.withHandle(h -> h.createQuery("SELECT reason FROM suspended_locations WHERE location_id = :id")
                .bind("id", location.value())
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Map<LocationId, String> all() {
        Map<LocationId, String> all = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT location_id, reason FROM suspended_locations ORDER BY location_id")
                .map((rs, ctx) -> Map.entry(new LocationId(rs.getString("location_id")), rs.getString("reason")))
                .forEach(e -> all.put(e.getKey(), e.getValue())));
        return all;
    }
}
