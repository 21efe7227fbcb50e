package io.recruitflow.domain.appointment;

import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The CRM's calendars, where presentations are booked. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Calendars {
    List<Calendar> list(LocationId location);

    /**
     * Free slots of a calendar in {@code [from, to)}, sorted. Implementations split ranges longer than
     * the CRM answers at once.
     */
    List<Slot> freeSlots(LocationId location, CalendarId calendar, Instant from, Instant to, ZoneId zone);

    /**
     * Books the slot. Not idempotent: after an {@link
     * io.recruitflow.domain.shared.ExternalFailure.OutcomeUnknown}, check the contact's appointments
     * before booking again. A slot taken meanwhile is {@link
     * io.recruitflow.domain.shared.ExternalFailure.Rejected}.
     */
    Appointment book(AppointmentDraft draft);
}
