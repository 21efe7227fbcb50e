package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link Appointments} on PostgreSQL; like the opportunity mirror, an older {@code updatedAt} changes nothing. */
final class PostgresAppointments implements Appointments {
    private final Jdbi jdbi;

    PostgresAppointments(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public boolean save(Appointment a) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO appointments AS t (id, calendar_id, location_id, contact_id, title, starts_at,
                            ends_at, status, updated_at)
                        VALUES (:id, :calendar, :location, :contact, :title, :start, :end, :status, :updatedAt)
                        ON CONFLICT (id) DO UPDATE SET calendar_id = excluded.calendar_id,
                            location_id = excluded.location_id, contact_id = excluded.contact_id, title = excluded.title,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at, status = excluded.status,
                            updated_at = excluded.updated_at
                        WHERE excluded.updated_at >= t.updated_at
                        """)
                        .bind("id", a.id().value())
                        .bind("calendar", a.calendar().value())
                        .bind("location", a.location().value())
                        .bind("contact", a.contact().value())
                        .bind("title", a.title())
                        .bind("start", ts(a.start()))
                        .bind("end", ts(a.end()))
                        .bind("status", a.status().name())
                        .bind("updatedAt", ts(a.updatedAt()))
                        .execute()
                == 1);
    }

    @Override
    public Optional<Appointment> find(AppointmentId id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM appointments WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<Appointment> forContact(ContactId contact) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM appointments WHERE contact_id = :contact ORDER BY starts_at, id")
                        .bind("contact", contact.value())
                        .map((rs, ctx) -> map(rs))
                        .list());
    }

    @Override
    public void delete(AppointmentId id) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM appointments WHERE id = :id")
                .bind("id", id.value())
                .execute());
    }

    private static Appointment map(ResultSet rs) throws SQLException {
        return new Appointment(
                new AppointmentId(rs.getString("id")),
                new CalendarId(rs.getString("calendar_id")),
                new LocationId(rs.getString("location_id")),
                new ContactId(rs.getString("contact_id")),
                rs.getString("title"),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                AppointmentStatus.valueOf(rs.getString("status")),
                instant(rs, "updated_at"));
    }
}
