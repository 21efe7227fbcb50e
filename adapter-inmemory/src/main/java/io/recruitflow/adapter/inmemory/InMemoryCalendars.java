package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentDraft;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.Calendar;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.appointment.Slot;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GHL calendars in memory. Every calendar offers 30-minute slots on weekdays from 09:00 to 17:00 in its
 * own time zone (America/New_York unless it says otherwise); an active appointment takes its slot, and a
 * past slot is never offered. Booking a slot that is not free is refused with a 422, as GHL does.
 */
public final class InMemoryCalendars implements Calendars {
    static final LocalTime OPENS = LocalTime.of(9, 0);
    static final LocalTime CLOSES = LocalTime.of(17, 0);
    static final Duration SLOT = Duration.ofMinutes(30);
    private static final ZoneId DEFAULT_ZONE = ZoneId.of("America/New_York");
    private static final Duration MAX_RANGE = Duration.ofDays(366);

    private final Clock clock;
    private final GhlFaults faults;
    private final Map<CalendarId, Calendar> calendars = new LinkedHashMap<>();
    private final Map<AppointmentId, Appointment> appointments = new LinkedHashMap<>();
    private long sequence;

    public InMemoryCalendars(Clock clock) {
        this(clock, new GhlFaults());
    }

    InMemoryCalendars(Clock clock, GhlFaults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    /** Adds (or replaces) a calendar. */
    public synchronized void put(Calendar calendar) {
        calendars.put(calendar.id(), calendar);
    }

    @Override
    public synchronized List<Calendar> list(LocationId location) {
        return calendars.values().stream()
                .filter(c -> c.location().equals(location))
                .toList();
    }

    private Calendar require(CalendarId id) {
        Calendar c = calendars.get(id);
        if (c == null) {
            throw InMemoryContacts.notFound("Calendar");
        }
        return c;
    }

    @Override
    public synchronized List<Slot> freeSlots(
            LocationId location, CalendarId calendarId, Instant from, Instant to, ZoneId zone) {
        Calendar calendar = require(calendarId);
        if (!calendar.location().equals(location)) {
            throw InMemoryContacts.notFound("Calendar");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw new IllegalArgumentException("slot range longer than " + MAX_RANGE.toDays() + " days");
        }
        ZoneId calendarZone = calendar.timeZone().orElse(DEFAULT_ZONE);
        Instant earliest = from.isBefore(clock.now()) ? clock.now() : from;
        List<Slot> free = new ArrayList<>();
        for (LocalDate day = from.atZone(calendarZone).toLocalDate();
                !day.atStartOfDay(calendarZone).toInstant().isAfter(to);
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (LocalTime t = OPENS; t.isBefore(CLOSES); t = t.plus(SLOT)) {
                Instant start = ZonedDateTime.of(day, t, calendarZone).toInstant();
                Slot slot = new Slot(start, start.plus(SLOT));
                if (!start.isBefore(earliest) && start.isBefore(to) && isFree(calendarId, slot)) {
                    free.add(slot);
                }
            }
        }
        return free;
    }

    private boolean isOffered(Calendar calendar, Slot slot) {
        ZonedDateTime local = slot.start().atZone(calendar.timeZone().orElse(DEFAULT_ZONE));
        LocalTime t = local.toLocalTime();
        return slot.end().equals(slot.start().plus(SLOT))
                && !t.isBefore(OPENS)
                && !t.plus(SLOT).isAfter(CLOSES)
                && t.getMinute() % 30 == 0
                && t.getSecond() == 0
                && t.getNano() == 0
                && local.getDayOfWeek() != DayOfWeek.SATURDAY
                && local.getDayOfWeek() != DayOfWeek.SUNDAY
                && !slot.start().isBefore(clock.now());
    }

    private boolean isFree(CalendarId calendar, Slot slot) {
        return appointments.values().stream()
                .noneMatch(a -> a.calendar().equals(calendar)
                        && a.status().active()
                        && a.start().isBefore(slot.end())
                        && slot.start().isBefore(a.end()));
    }

    private static ExternalFailure slotTaken() {
        return new ExternalFailure.Rejected("The slot you have selected is no longer available.");
    }

    @Override
    public synchronized Appointment book(AppointmentDraft draft) {
        RuntimeException pending = faults.before(Operation.APPOINTMENT_BOOK);
        Calendar calendar = require(draft.calendar());
        if (!isOffered(calendar, draft.slot()) || !isFree(calendar.id(), draft.slot())) {
            throw slotTaken();
        }
        AppointmentId id = new AppointmentId(String.format("appt_%06d", ++sequence));
        Appointment booked = new Appointment(
                id,
                calendar.id(),
                draft.location(),
                draft.contact(),
                draft.title(),
                draft.slot().start(),
                draft.slot().end(),
                draft.status(),
                clock.now());
        appointments.put(id, booked);
        return GhlFaults.after(pending, booked);
    }

    /** Every appointment ever booked (cancelled ones included), in booking order. */
    public synchronized List<Appointment> appointments() {
        return List.copyOf(appointments.values());
    }
}
