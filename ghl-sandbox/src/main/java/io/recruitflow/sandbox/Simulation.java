package io.recruitflow.sandbox;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Something a recruit (or a user in GHL) does, to be done at a moment of the sandbox's clock: a reply, a booking,
 * a reschedule, a cancellation, or a showed / no-show mark. Appointment actions name the appointment, or the
 * contact (then its latest appointment still holding its slot when the action is done, so a booking scheduled
 * earlier can be rescheduled or marked later without knowing its id in advance).
 *
 * @param action one of {@link #ACTIONS}
 * @param contactId the recruit's contact (required for reply and book; else the contact whose latest active
 *     appointment is meant)
 * @param appointmentId the appointment (reschedule, cancel, mark), instead of the contact's latest
 * @param body the reply's text (reply)
 * @param type {@code SMS} (default) or {@code Email} (reply)
 * @param startTime the slot (book, reschedule); {@code null} for the next free one (for a reschedule: a day or
 *     more after the current start)
 * @param status {@code showed}, {@code noshow}, ... (mark)
 */
public record Simulation(
        String action,
        String contactId,
        String appointmentId,
        String body,
        String type,
        Instant startTime,
        String status) {
    public static final Set<String> ACTIONS = Set.of("reply", "book", "reschedule", "cancel", "mark");

    public Simulation {
        action = action == null ? null : action.strip().toLowerCase(Locale.ROOT);
        if (action == null || !ACTIONS.contains(action)) {
            throw new IllegalArgumentException("action must be one of reply, book, reschedule, cancel, mark");
        }
        boolean appointmentAction = Set.of("reschedule", "cancel", "mark").contains(action);
        if (!appointmentAction && contactId == null) {
            throw new IllegalArgumentException(action + " needs a contactId");
        }
        if (appointmentAction && contactId == null && appointmentId == null) {
            throw new IllegalArgumentException(action + " needs an appointmentId or a contactId");
        }
        if (action.equals("reply") && (body == null || body.isEmpty())) {
            throw new IllegalArgumentException("reply needs a body");
        }
        if (action.equals("mark") && (status == null || !CalendarRoutes.REPORTED_STATUSES.contains(status))) {
            throw new IllegalArgumentException(
                    "mark needs a status: new, confirmed, cancelled, showed, noshow, invalid, active, completed");
        }
    }

    /** The recruit replies by text. */
    public static Simulation reply(String contactId, String body) {
        return new Simulation("reply", contactId, null, body, "SMS", null, null);
    }

    /** The recruit books the next free slot through the booking widget. */
    public static Simulation book(String contactId) {
        return new Simulation("book", contactId, null, null, null, null, null);
    }

    /** The recruit books this slot. */
    public static Simulation book(String contactId, Instant start) {
        return new Simulation("book", contactId, null, null, null, start, null);
    }

    /** The contact's latest active appointment moves to the next free slot a day or more later. */
    public static Simulation reschedule(String contactId) {
        return new Simulation("reschedule", contactId, null, null, null, null, null);
    }

    /** The contact's latest active appointment moves to this slot. */
    public static Simulation reschedule(String contactId, Instant start) {
        return new Simulation("reschedule", contactId, null, null, null, start, null);
    }

    /** The contact's latest active appointment is cancelled. */
    public static Simulation cancel(String contactId) {
        return new Simulation("cancel", contactId, null, null, null, null, null);
    }

    /** The user marks the contact's latest active appointment: {@code showed}, {@code noshow}, ... */
    public static Simulation mark(String contactId, String status) {
        return new Simulation("mark", contactId, null, null, null, null, status);
    }
}
