package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.CalendarDtos.AppointmentCreateSchema;
import io.recruitflow.adapter.ghl.CalendarDtos.AppointmentEditSchema;
import io.recruitflow.adapter.ghl.CalendarDtos.AppointmentSchemaResponse;
import io.recruitflow.adapter.ghl.CalendarDtos.DeleteAppointmentSchema;
import io.recruitflow.adapter.ghl.CalendarDtos.FreeSlotsResponse;
import io.recruitflow.adapter.ghl.CalendarDtos.SlotDto;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentDraft;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Calendar;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.appointment.Slot;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * GHL's calendars API. As the core's {@link Calendars} it lists calendars, finds free slots and books; moving
 * and cancelling an appointment are here for embedders. Every call names the location whose token it uses.
 * Failures are {@link ExternalFailure}s with a {@link GhlHttpError} cause.
 *
 * <p>Free slots are asked in chunks of at most 31 days (GHL's limit), with epoch-millisecond bounds. GHL lists
 * a slot by its start; its end is the start plus the calendar's slot duration ({@code GET /calendars/{id}},
 * cached; 30 minutes when GHL does not say).
 */
public final class GhlCalendars implements Calendars {
    static final Duration MAX_RANGE = Duration.ofDays(31);
    static final Duration DEFAULT_SLOT = Duration.ofMinutes(30);

    private final GhlCalls calls;
    private final CalendarsApi api;
    private final Clock clock;
    private final ConcurrentMap<String, Duration> slotDurations = new ConcurrentHashMap<>();

    GhlCalendars(GhlCalls calls, CalendarsApi api, Clock clock) {
        this.calls = calls;
        this.api = api;
        this.clock = clock;
    }

    @Override
    public List<Calendar> list(LocationId location) {
        var dto = calls.call(
                GhlCall.idempotent("GET /calendars/", calls.as(location)),
                auth -> api.getCalendars(auth, location.value()));
        List<Calendar> out = new ArrayList<>();
        if (dto != null && dto.calendars() != null) {
            for (var c : dto.calendars()) {
                if (c == null || c.id() == null || c.id().isBlank()) {
                    continue;
                }
                if (c.slotDuration() != null && c.slotDuration() > 0) {
                    slotDurations.put(c.id(), duration(c.slotDuration(), c.slotDurationUnit()));
                }
                out.add(new Calendar(new CalendarId(c.id()), location, c.name(), Wire.zone(c.timezone())));
            }
        }
        return out;
    }

    @Override
    public List<Slot> freeSlots(LocationId location, CalendarId calendar, Instant from, Instant to, ZoneId zone) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        TreeSet<Slot> slots = new TreeSet<>();
        for (Instant chunk = from; chunk.isBefore(to); chunk = chunk.plus(MAX_RANGE)) {
            Instant chunkStart = chunk;
            Instant chunkEnd = chunk.plus(MAX_RANGE).isBefore(to) ? chunk.plus(MAX_RANGE) : to;
            FreeSlotsResponse dto = calls.call(
                    GhlCall.idempotent("GET /calendars/{id}/free-slots", calls.as(location)),
                    auth -> api.getSlots(
                            auth, calendar.value(), chunkStart.toEpochMilli(), chunkEnd.toEpochMilli(), zone.getId()));
            if (dto == null) {
                continue;
            }
            for (List<SlotDto> day : dto.days().values()) {
                for (SlotDto s : day) {
                    Optional<Instant> start = Wire.instant(s.start());
                    if (start.isEmpty()
                            || start.get().isBefore(from)
                            || !start.get().isBefore(to)) {
                        continue;
                    }
                    Instant end = Wire.instant(s.end())
                            .filter(e -> e.isAfter(start.get()))
                            .orElseGet(() -> start.get().plus(slotDuration(location, calendar)));
                    slots.add(new Slot(start.get(), end));
                }
            }
        }
        return List.copyOf(slots);
    }

    /**
     * {@code POST /calendars/events/appointments}. Not idempotent (a repeat books twice): a failure that
     * leaves open whether GHL booked is {@link ExternalFailure.OutcomeUnknown}; a slot taken meanwhile is
     * {@link ExternalFailure.Rejected} (GHL's 400).
     */
    @Override
    public Appointment book(AppointmentDraft draft) {
        AppointmentCreateSchema body = new AppointmentCreateSchema(
                draft.calendar().value(),
                draft.location().value(),
                draft.contact().value(),
                iso(draft.slot().start()),
                iso(draft.slot().end()),
                draft.title().isBlank() ? null : draft.title(),
                Wire.lower(draft.status()),
                null,
                null);
        GhlCall call = GhlCall.create("POST /calendars/events/appointments", calls.as(draft.location()));
        AppointmentSchemaResponse dto = calls.call(call, auth -> api.createAppointment(auth, body));
        if (dto == null || dto.id() == null || dto.id().isBlank()) {
            throw GhlFailures.unusableAnswer(call, "the answer names no appointment", null);
        }
        return appointment(
                dto, draft.calendar(), draft.location(), draft.contact(), draft.slot(), draft.title(), draft.status());
    }

    /** {@code PUT /calendars/events/appointments/{id}}: moves the appointment and/or changes its status. */
    public Appointment update(LocationId location, AppointmentId id, Slot slot, AppointmentStatus status) {
        GhlCall call = GhlCall.idempotent("PUT /calendars/events/appointments/{id}", calls.as(location));
        AppointmentSchemaResponse dto = calls.call(
                call,
                auth -> api.editAppointment(
                        auth,
                        id.value(),
                        new AppointmentEditSchema(iso(slot.start()), iso(slot.end()), null, Wire.lower(status), null)));
        if (dto == null || dto.calendarId() == null || dto.contactId() == null) {
            throw GhlFailures.unusableAnswer(call, "the answer lacks the calendar or contact", null);
        }
        return appointment(
                dto,
                new CalendarId(dto.calendarId()),
                location,
                new ContactId(dto.contactId()),
                slot,
                dto.title(),
                status);
    }

    /** {@code DELETE /calendars/events/{id}}: cancels the appointment. */
    public void cancel(LocationId location, AppointmentId id) {
        calls.call(
                GhlCall.idempotent("DELETE /calendars/events/{id}", calls.as(location)),
                auth -> api.deleteEvent(auth, id.value(), new DeleteAppointmentSchema()));
    }

    private Appointment appointment(
            AppointmentSchemaResponse dto,
            CalendarId calendar,
            LocationId location,
            ContactId contact,
            Slot asked,
            String title,
            AppointmentStatus askedStatus) {
        Instant start = Wire.instant(dto.startTime()).orElse(asked.start());
        Instant end = Wire.instant(dto.endTime()).filter(e -> e.isAfter(start)).orElse(asked.end());
        if (!end.isAfter(start)) {
            end = start.plus(DEFAULT_SLOT);
        }
        LocationId loc =
                dto.locationId() == null || dto.locationId().isBlank() ? location : new LocationId(dto.locationId());
        return new Appointment(
                new AppointmentId(dto.id() == null ? "unknown" : dto.id()),
                calendar,
                loc,
                dto.contactId() == null || dto.contactId().isBlank() ? contact : new ContactId(dto.contactId()),
                dto.title() != null ? dto.title() : title,
                start,
                end,
                dto.appointmentStatus() == null ? askedStatus : status(dto.appointmentStatus()),
                Wire.instant(dto.dateUpdated()).orElseGet(clock::now));
    }

    /** GHL's appointment status; GHL's extra values fold into ours. */
    static AppointmentStatus status(String raw) {
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "confirmed", "active" -> AppointmentStatus.CONFIRMED;
            case "cancelled", "canceled", "invalid" -> AppointmentStatus.CANCELLED;
            case "showed", "completed" -> AppointmentStatus.SHOWED;
            case "noshow" -> AppointmentStatus.NOSHOW;
            default -> AppointmentStatus.NEW;
        };
    }

    private Duration slotDuration(LocationId location, CalendarId calendar) {
        return slotDurations.computeIfAbsent(calendar.value(), id -> {
            try {
                var dto = calls.call(
                        GhlCall.idempotent("GET /calendars/{id}", calls.as(location)),
                        auth -> api.getCalendar(auth, id));
                var c = dto == null ? null : dto.calendar();
                return c == null || c.slotDuration() == null || c.slotDuration() <= 0
                        ? DEFAULT_SLOT
                        : duration(c.slotDuration(), c.slotDurationUnit());
            } catch (ExternalFailure.Rejected | ExternalFailure.AccessDenied e) {
                // The slots came from GHL all the same; a calendar we may not read keeps the default length.
                return DEFAULT_SLOT;
            }
        });
    }

    private static Duration duration(double amount, String unit) {
        long minutes = Math.round("hours".equalsIgnoreCase(unit) ? amount * 60 : amount);
        return Duration.ofMinutes(Math.max(1, minutes));
    }

    private static String iso(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toString();
    }
}
