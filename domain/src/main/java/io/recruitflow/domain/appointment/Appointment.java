package io.recruitflow.domain.appointment;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Objects;

/** A presentation booked for a recruit. {@code updatedAt} is GHL's time of the last change we know of. */
public record Appointment(
        AppointmentId id,
        CalendarId calendar,
        LocationId location,
        ContactId contact,
        String title,
        Instant start,
        Instant end,
        AppointmentStatus status,
        Instant updatedAt) {
    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        title = title == null ? "" : title;
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an appointment must end after it starts");
        }
    }

    public Appointment withStatus(AppointmentStatus newStatus, Instant at) {
        return new Appointment(id, calendar, location, contact, title, start, end, newStatus, at);
    }
}
