package io.recruitflow.domain.appointment;

import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * GHL calendars. {@link #book} is not idempotent: after an unknown outcome, check the contact's
 * appointments before booking again.
 */
public interface Calendars {
    List<Calendar> list(LocationId location);

    /**
     * Free slots of a calendar in {@code [from, to)}, sorted. GHL answers at most 31 days per call;
     * implementations split longer ranges.
     */
    List<Slot> freeSlots(CalendarId calendar, Instant from, Instant to, ZoneId zone);

    Appointment book(AppointmentDraft draft);

    /** Moves the appointment and/or changes its status. */
    Appointment update(AppointmentId id, Slot slot, AppointmentStatus status);

    void cancel(AppointmentId id);
}
