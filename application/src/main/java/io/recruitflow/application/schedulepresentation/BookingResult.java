package io.recruitflow.application.schedulepresentation;

import io.recruitflow.domain.appointment.Appointment;

/** What an attempt to book a presentation came to. */
public sealed interface BookingResult {

    record Booked(Appointment appointment) implements BookingResult {}

    /** No free slot in the search window, or the requested start is not free. */
    record NoFreeSlot(String reason) implements BookingResult {}

    /** No such recruit, or not yet known to GHL. */
    record NotFound(String reason) implements BookingResult {}
}
