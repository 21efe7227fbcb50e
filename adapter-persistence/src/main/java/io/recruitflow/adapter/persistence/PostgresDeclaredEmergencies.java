package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.shared.UsState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link DeclaredEmergencies} on PostgreSQL ({@code declared_emergencies}): every instance of the service sees a
 * declaration at its next decision, since each decision reads the table afresh.
 */
final class PostgresDeclaredEmergencies implements DeclaredEmergencies {
    private final Jdbi jdbi;

    PostgresDeclaredEmergencies(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void declare(DeclaredEmergency e) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO declared_emergencies (state, starts_at, ends_at, reason)
                        VALUES (:state, :from, :until, :reason)
                        """)
                .bind("state", e.state().name())
                .bind("from", ts(e.from()))
                .bind("until", ts(e.until()))
                .bind("reason", e.reason())
                .execute());
    }

    @Override
    public void lift(UsState state, Instant at) {
        jdbi.useTransaction(h -> {
            // Those not begun yet are dropped; those in force end now; those over stay as they were.
            h.createUpdate("DELETE FROM declared_emergencies WHERE state = :state AND starts_at >= :at")
                    .bind("state", state.name())
                    .bind("at", ts(at))
                    .execute();
            h.createUpdate("UPDATE declared_emergencies SET ends_at = :at WHERE state = :state AND ends_at > :at")
                    .bind("state", state.name())
                    .bind("at", ts(at))
                    .execute();
        });
    }

    @Override
    public List<DeclaredEmergency> notEndedBy(UsState state, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM declared_emergencies WHERE state = :state AND ends_at > :at
                         ORDER BY starts_at, ends_at, id
                        """)
                .bind("state", state.name())
                .bind("at", ts(at))
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public List<DeclaredEmergency> notEndedBy(Instant at) {
        return jdbi.withHandle(h ->
                h.createQuery("""
                        SELECT * FROM declared_emergencies WHERE ends_at > :at ORDER BY state, starts_at, ends_at, id
                        """).bind("at", ts(at)).map((rs, ctx) -> map(rs)).list());
    }

    private static DeclaredEmergency map(ResultSet rs) throws SQLException {
        return new DeclaredEmergency(
                UsState.valueOf(rs.getString("state")),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                rs.getString("reason"));
    }
}
