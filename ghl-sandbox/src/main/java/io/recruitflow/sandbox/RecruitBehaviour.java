package io.recruitflow.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What a recruit (or the user in GHL's UI) does on the other side of GHL, each with the webhook GHL sends for
 * it: a reply (InboundMessage), a booking through the booking widget (AppointmentCreate), a reschedule (the
 * appointment's new {@code startTime}/{@code endTime} in an AppointmentUpdate), a cancellation and a showed or
 * no-show mark ({@code appointmentStatus} in an AppointmentUpdate). Used by the admin API, {@link GhlSandbox}'s
 * {@code simulate*} methods and the {@linkplain Simulations scheduled simulations} alike.
 */
final class RecruitBehaviour {
    private final Engine engine;
    private final ConversationRoutes conversations;
    private final CalendarRoutes calendars;

    RecruitBehaviour(Engine engine, ConversationRoutes conversations, CalendarRoutes calendars) {
        this.engine = engine;
        this.conversations = conversations;
        this.calendars = calendars;
    }

    Doc contact(String contactId) {
        Doc contact = contactId == null ? null : engine.store.contacts.get(contactId);
        if (contact == null) {
            throw ApiException.notFound("Contact not found");
        }
        return contact;
    }

    Doc appointment(String appointmentId) {
        Doc appointment = appointmentId == null ? null : engine.store.appointments.get(appointmentId);
        if (appointment == null) {
            throw ApiException.notFound("Appointment not found");
        }
        return appointment;
    }

    /** The contact's latest appointment that still holds its slot (not cancelled, not marked). */
    Doc latestActiveAppointment(String contactId) {
        contact(contactId);
        return engine.store.appointments.values().stream()
                .filter(a -> contactId.equals(a.str("contactId")))
                .filter(a -> List.of("new", "confirmed").contains(a.str("appointmentStatus")))
                .max(Comparator.comparing(a -> a.str("dateAdded")))
                .orElseThrow(() -> ApiException.notFound("The contact has no active appointment"));
    }

    /** A reply: an inbound message on the contact's conversation, InboundMessage and ConversationUnreadUpdate. */
    Doc reply(String contactId, String body, String type) {
        Doc contact = contact(contactId);
        String t = type == null ? "SMS" : type;
        if (!ConversationRoutes.TYPES.contains(t)) {
            throw ApiException.unprocessable("type must be SMS or Email");
        }
        if (body == null || body.isEmpty()) {
            throw ApiException.unprocessable("body should not be empty");
        }
        return conversations.addMessage(contact, t, body, "inbound", null, "gary@oocunlimited.com");
    }

    /** A booking through the booking widget: the given slot, or the next free one. */
    Doc book(String contactId, Instant startOrNull) {
        Doc contact = contact(contactId);
        Instant start = startOrNull != null ? startOrNull : nextFreeSlot(contact.locationId());
        return calendars.book(
                contact,
                start,
                start.plus(Duration.ofMinutes(engine.store.calendar.slotMinutes())),
                null,
                "confirmed",
                null,
                null,
                null,
                "booking_widget",
                false);
    }

    /**
     * The appointment moves to the given slot, or to the next free one a day or more after its current start: the
     * same length, an AppointmentUpdate with the new times (as GHL sends when the contact reschedules through the
     * booking link or a user drags the appointment).
     */
    Doc reschedule(String appointmentId, Instant startOrNull) {
        Doc appointment = appointment(appointmentId);
        Instant oldStart = OffsetDateTime.parse(appointment.str("startTime")).toInstant();
        Instant oldEnd = OffsetDateTime.parse(appointment.str("endTime")).toInstant();
        Instant start = startOrNull;
        if (start == null) {
            Instant from = oldStart.plus(Duration.ofDays(1)).isAfter(engine.clock.instant())
                    ? oldStart.plus(Duration.ofDays(1))
                    : engine.clock.instant();
            List<Instant> free = calendars.freeSlots(appointment.locationId(), from, from.plus(Duration.ofDays(31)));
            if (free.isEmpty()) {
                throw ApiException.badRequest("No free slot in the next 31 days");
            }
            start = free.get(0);
        }
        java.time.ZoneId zone = engine.store.location(appointment.locationId()).zone();
        Instant end = start.plus(Duration.between(oldStart, oldEnd));
        return calendars.change(
                appointment,
                Map.of(
                        "startTime", CalendarRoutes.local(start, zone),
                        "endTime", CalendarRoutes.local(end, zone),
                        "appointmentStatus", "confirmed"),
                true);
    }

    /** The appointment is marked: showed, noshow, cancelled (or GHL's own active, completed, ...). */
    Doc mark(String appointmentId, String status) {
        Doc appointment = appointment(appointmentId);
        if (status == null || !CalendarRoutes.REPORTED_STATUSES.contains(status)) {
            throw ApiException.unprocessable(
                    "status must be one of: new, confirmed, cancelled, showed, noshow, invalid, active, completed");
        }
        return calendars.change(appointment, Map.of("appointmentStatus", status), false);
    }

    private Instant nextFreeSlot(String locationId) {
        Instant now = engine.clock.instant();
        List<Instant> free = calendars.freeSlots(locationId, now, now.plus(Duration.ofDays(31)));
        if (free.isEmpty()) {
            throw ApiException.badRequest("No free slot in the next 31 days");
        }
        return free.get(0);
    }
}
