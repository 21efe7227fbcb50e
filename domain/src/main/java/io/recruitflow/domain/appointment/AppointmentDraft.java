package io.recruitflow.domain.appointment;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;

/** What we ask GHL to book. */
public record AppointmentDraft(
        CalendarId calendar,
        LocationId location,
        ContactId contact,
        Slot slot,
        String title,
        AppointmentStatus status) {
    public AppointmentDraft {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(status, "status");
        title = title == null ? "" : title;
    }
}
