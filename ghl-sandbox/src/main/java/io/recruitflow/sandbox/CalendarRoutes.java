package io.recruitflow.sandbox;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Calendars: list and get, free slots (epoch-ms range of at most 31 days), book, update, get and cancel appointments. */
final class CalendarRoutes {
    static final Set<String> APPOINTMENT_STATUSES =
            Set.of("new", "confirmed", "cancelled", "showed", "noshow", "invalid");
    /**
     * What GHL itself may set and report (calendars spec, AppointmentSchemaResponse): also {@code active}
     * and {@code completed}, which a client cannot write.
     */
    static final Set<String> REPORTED_STATUSES =
            Set.of("new", "confirmed", "cancelled", "showed", "noshow", "invalid", "active", "completed");

    private static final long MAX_RANGE_MILLIS = Duration.ofDays(31).toMillis();

    private final Engine engine;
    private final Store store;

    CalendarRoutes(Engine engine) {
        this.engine = engine;
        this.store = engine.store;
    }

    void register(ApiServer.Routes routes) {
        routes.get("/calendars/", this::list);
        routes.post("/calendars/events/appointments", this::create);
        routes.get("/calendars/events/appointments/{eventId}", this::get);
        routes.put("/calendars/events/appointments/{eventId}", this::update);
        routes.delete("/calendars/events/appointments/{eventId}", this::delete); // the reference's path
        routes.delete("/calendars/events/{eventId}", this::delete); // the spec's path
        routes.get("/calendars/{calendarId}/free-slots", this::freeSlots);
        routes.get("/calendars/{calendarId}", call -> {
            calendar(call, call.path("calendarId"));
            call.json(200, Json.obj("calendar", calendarJson(call.grant.locationId())));
        });
    }

    private void list(ApiCall call) {
        String locationId = call.query("locationId");
        if (locationId == null) {
            throw ApiException.unprocessable("locationId should not be empty");
        }
        call.authorizeLocation(locationId);
        call.json(200, Json.obj("calendars", List.of(calendarJson(locationId))));
    }

    private Map<String, Object> calendarJson(String locationId) {
        Store.Calendar calendar = store.calendar;
        List<Object> openHours = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            openHours.add(Json.obj(
                    "daysOfTheWeek",
                    List.of(day),
                    "hours",
                    List.of(Json.obj(
                            "openHour",
                            calendar.open().getHour(),
                            "openMinute",
                            calendar.open().getMinute(),
                            "closeHour",
                            calendar.close().getHour(),
                            "closeMinute",
                            calendar.close().getMinute()))));
        }
        return Json.obj(
                "id",
                calendar.id(),
                "locationId",
                locationId,
                "name",
                calendar.name(),
                "description",
                "Agent recruiting presentation",
                "slug",
                "presentation",
                "widgetSlug",
                "presentation",
                "calendarType",
                "event",
                "widgetType",
                "classic",
                "eventTitle",
                "{{contact.name}} - Presentation",
                "eventColor",
                "#039be5",
                "isActive",
                true,
                "slotDuration",
                calendar.slotMinutes(),
                "slotDurationUnit",
                "mins",
                "slotInterval",
                calendar.slotMinutes(),
                "slotIntervalUnit",
                "mins",
                "appoinmentPerSlot",
                1,
                "openHours",
                openHours,
                "autoConfirm",
                true,
                "allowReschedule",
                true,
                "allowCancellation",
                true,
                "teamMembers",
                List.of(Json.obj("userId", Store.USER_ID, "priority", 0.5, "isPrimary", true)));
    }

    /** The seeded calendar exists in every location; it is looked up in the token's. */
    private Store.Calendar calendar(ApiCall call, String calendarId) {
        if (!store.calendar.id().equals(calendarId)) {
            throw ApiException.notFound("Calendar not found");
        }
        call.authorizeLocation(call.grant.isCompany() ? null : call.grant.locationId());
        return store.calendar;
    }

    /**
     * GHL's shape: {"2026-02-12": {"slots": [...]}, ..., "_dates_": [...], "traceId": "..."}; the range is epoch
     * ms, at most 31 days.
     */
    private void freeSlots(ApiCall call) {
        calendar(call, call.path("calendarId"));
        List<String> problems = new ArrayList<>();
        Long start = epochMillis(call.query("startDate"), "startDate", problems);
        Long end = epochMillis(call.query("endDate"), "endDate", problems);
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        if (end < start) {
            throw ApiException.unprocessable("endDate must be after startDate");
        }
        if (end - start > MAX_RANGE_MILLIS) {
            throw ApiException.unprocessable("Date range cannot be more than 31 days");
        }
        String locationId = call.grant.locationId();
        ZoneId zone = store.location(locationId).zone();
        ZoneId outputZone = zone;
        if (call.query("timezone") != null) {
            try {
                outputZone = ZoneId.of(call.query("timezone"));
            } catch (Exception e) {
                throw ApiException.unprocessable("timezone must be a valid IANA time zone");
            }
        }
        Map<String, Object> days = new LinkedHashMap<>();
        for (Instant slot : freeSlots(locationId, Instant.ofEpochMilli(start), Instant.ofEpochMilli(end))) {
            ZonedDateTime local = slot.atZone(outputZone);
            @SuppressWarnings("unchecked")
            Map<String, Object> day = (Map<String, Object>) days.computeIfAbsent(
                    local.toLocalDate().toString(), d -> Json.obj("slots", new ArrayList<String>()));
            @SuppressWarnings("unchecked")
            List<String> slots = (List<String>) day.get("slots");
            slots.add(local.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        // Real answers carry a "_dates_" key beside the days (and traceId): the days it spans.
        days.put("_dates_", new ArrayList<>(days.keySet()));
        call.json(200, days);
    }

    private static Long epochMillis(String value, String name, List<String> problems) {
        if (value == null) {
            problems.add(name + " should not be empty");
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // GHL takes epoch milliseconds here, not dates (README: free slots).
            problems.add(name + " must be a number (epoch milliseconds)");
            return null;
        }
    }

    /** Weekday business-hour slots in the location's zone, in the future and not taken. */
    List<Instant> freeSlots(String locationId, Instant from, Instant to) {
        Store.Calendar calendar = store.calendar;
        ZoneId zone = store.location(locationId).zone();
        Instant now = engine.clock.instant();
        List<Doc> booked = activeAppointments(locationId);
        List<Instant> result = new ArrayList<>();
        for (LocalDate day = from.atZone(zone).toLocalDate();
                !day.isAfter(to.atZone(zone).toLocalDate());
                day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (ZonedDateTime slot = day.atTime(calendar.open()).atZone(zone);
                    slot.toLocalTime().isBefore(calendar.close())
                            && slot.toLocalDate().equals(day);
                    slot = slot.plusMinutes(calendar.slotMinutes())) {
                Instant slotStart = slot.toInstant();
                Instant slotEnd = slotStart.plus(Duration.ofMinutes(calendar.slotMinutes()));
                if (slotStart.isBefore(from) || slotStart.isAfter(to) || !slotStart.isAfter(now)) {
                    continue;
                }
                if (booked.stream().noneMatch(a -> overlaps(a, slotStart, slotEnd))) {
                    result.add(slotStart);
                }
            }
        }
        return result;
    }

    private List<Doc> activeAppointments(String locationId) {
        List<Doc> result = new ArrayList<>();
        for (Doc appointment : Store.inLocation(store.appointments, locationId)) {
            if (!"cancelled".equals(appointment.str("appointmentStatus"))) {
                result.add(appointment);
            }
        }
        return result;
    }

    private static boolean overlaps(Doc appointment, Instant start, Instant end) {
        Instant bookedStart = OffsetDateTime.parse(appointment.str("startTime")).toInstant();
        Instant bookedEnd = OffsetDateTime.parse(appointment.str("endTime")).toInstant();
        return bookedStart.isBefore(end) && start.isBefore(bookedEnd);
    }

    private void create(ApiCall call) {
        Map<String, Object> body = call.body();
        List<String> problems = new ArrayList<>();
        for (String field : List.of("calendarId", "locationId", "contactId", "startTime")) {
            if (Json.string(body, field) == null) {
                problems.add(field + " should not be empty");
            }
        }
        String status = Json.string(body, "appointmentStatus");
        if (status != null && !APPOINTMENT_STATUSES.contains(status)) {
            problems.add(
                    "appointmentStatus must be one of the following values: new, confirmed, cancelled, showed, noshow, invalid");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        String locationId = Json.string(body, "locationId");
        call.authorizeLocation(locationId);
        calendar(call, Json.string(body, "calendarId"));
        Doc contact = call.owned(store.contacts, Json.string(body, "contactId"), "Contact");
        Instant start = instant(Json.string(body, "startTime"), "startTime");
        Instant end = Json.string(body, "endTime") != null
                ? instant(Json.string(body, "endTime"), "endTime")
                : start.plus(Duration.ofMinutes(store.calendar.slotMinutes()));
        if (!end.isAfter(start)) {
            throw ApiException.unprocessable("endTime must be after startTime");
        }
        boolean ignoreFreeSlot = Boolean.TRUE.equals(body.get("ignoreFreeSlotValidation"));
        Doc appointment = book(
                contact,
                start,
                end,
                Json.string(body, "title"),
                status == null ? "confirmed" : status,
                Json.string(body, "assignedUserId"),
                Json.string(body, "address"),
                Json.string(body, "meetingLocationType"),
                "api",
                ignoreFreeSlot);
        call.json(200, appointmentView(appointment));
    }

    /** Books a slot for a contact; the slot must be free (GHL's free-slot validation) unless told otherwise. */
    Doc book(
            Doc contact,
            Instant start,
            Instant end,
            String title,
            String status,
            String assignedUserId,
            String address,
            String meetingLocationType,
            String source,
            boolean ignoreFreeSlot) {
        String locationId = contact.locationId();
        ZoneId zone = store.location(locationId).zone();
        Doc appointment;
        synchronized (store.index(locationId)) {
            if (!ignoreFreeSlot && activeAppointments(locationId).stream().anyMatch(a -> overlaps(a, start, end))) {
                throw ApiException.badRequest("The slot you have selected is no longer available.");
            }
            String now = engine.now();
            String id = GhlIds.newId();
            Map<String, Object> fields = Json.obj(
                    "id",
                    id,
                    "calendarId",
                    store.calendar.id(),
                    "locationId",
                    locationId,
                    "contactId",
                    contact.id(),
                    "groupId",
                    "",
                    "title",
                    title == null ? contact.str("name") + " - Presentation" : title,
                    "appointmentStatus",
                    status,
                    "assignedUserId",
                    assignedUserId == null ? Store.USER_ID : assignedUserId,
                    "users",
                    List.of(assignedUserId == null ? Store.USER_ID : assignedUserId),
                    "address",
                    address == null ? "" : address,
                    "meetingLocationType",
                    meetingLocationType,
                    "isRecurring",
                    false,
                    "notes",
                    "",
                    "source",
                    source,
                    "startTime",
                    local(start, zone),
                    "endTime",
                    local(end, zone),
                    "dateAdded",
                    now,
                    "dateUpdated",
                    now);
            appointment = new Doc(id, locationId, store.nextSeq(), fields);
            store.appointments.put(id, appointment);
        }
        emit("AppointmentCreate", appointment);
        return appointment;
    }

    private void get(ApiCall call) {
        Doc appointment = call.owned(store.appointments, call.path("eventId"), "Appointment");
        call.json(200, Json.obj("event", appointment.mutableCopy()));
    }

    private void update(ApiCall call) {
        Doc before = call.owned(store.appointments, call.path("eventId"), "Appointment");
        Map<String, Object> body = call.body();
        String status = Json.string(body, "appointmentStatus");
        if (status != null && !APPOINTMENT_STATUSES.contains(status)) {
            throw ApiException.unprocessable(
                    "appointmentStatus must be one of the following values: new, confirmed, cancelled, showed, noshow, invalid");
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        ZoneId zone = store.location(before.locationId()).zone();
        Instant start =
                Json.string(body, "startTime") != null ? instant(Json.string(body, "startTime"), "startTime") : null;
        Instant end = Json.string(body, "endTime") != null ? instant(Json.string(body, "endTime"), "endTime") : null;
        if (start != null) {
            changes.put("startTime", local(start, zone));
            if (end == null) {
                end = start.plus(Duration.between(
                        OffsetDateTime.parse(before.str("startTime")).toInstant(),
                        OffsetDateTime.parse(before.str("endTime")).toInstant()));
            }
        }
        if (end != null) {
            changes.put("endTime", local(end, zone));
        }
        for (String key : List.of(
                "title", "appointmentStatus", "assignedUserId", "address", "meetingLocationType", "description")) {
            if (Json.string(body, key) != null) {
                changes.put(key, Json.string(body, key));
            }
        }
        Doc after = change(before, changes, !Boolean.TRUE.equals(body.get("ignoreFreeSlotValidation")));
        call.json(200, appointmentView(after));
    }

    /** Changes an appointment (a reschedule must land on a free slot) and emits AppointmentUpdate. */
    Doc change(Doc appointment, Map<String, Object> changes, boolean checkSlot) {
        Doc after;
        synchronized (store.index(appointment.locationId())) {
            Doc before = store.appointments.get(appointment.id());
            if (before == null) {
                throw ApiException.notFound("Appointment not found");
            }
            Map<String, Object> fields = before.mutableCopy();
            fields.putAll(changes);
            fields.put("dateUpdated", engine.now());
            after = before.with(fields);
            if (checkSlot && changes.containsKey("startTime") && !"cancelled".equals(after.str("appointmentStatus"))) {
                Instant start = OffsetDateTime.parse(after.str("startTime")).toInstant();
                Instant end = OffsetDateTime.parse(after.str("endTime")).toInstant();
                for (Doc other : activeAppointments(before.locationId())) {
                    if (!other.id().equals(before.id()) && overlaps(other, start, end)) {
                        throw ApiException.badRequest("The slot you have selected is no longer available.");
                    }
                }
            }
            store.appointments.put(after.id(), after);
        }
        emit("AppointmentUpdate", after);
        return after;
    }

    private void delete(ApiCall call) {
        Doc appointment = call.owned(store.appointments, call.path("eventId"), "Appointment");
        if (store.appointments.remove(appointment.id()) == null) {
            throw ApiException.notFound("Appointment not found");
        }
        emit("AppointmentDelete", appointment);
        call.json(201, Json.obj("succeeded", true));
    }

    private static Map<String, Object> appointmentView(Doc appointment) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (String key : List.of(
                "id",
                "calendarId",
                "locationId",
                "contactId",
                "startTime",
                "endTime",
                "title",
                "meetingLocationType",
                "appointmentStatus",
                "assignedUserId",
                "address",
                "isRecurring")) {
            if (appointment.get(key) != null) {
                view.put(key, appointment.get(key));
            }
        }
        return view;
    }

    void emit(String type, Doc appointment) {
        Map<String, Object> payload = appointment.mutableCopy();
        payload.remove("meetingLocationType");
        engine.emit(Json.obj("type", type, "locationId", appointment.locationId(), "appointment", payload));
    }

    static Instant instant(String value, String name) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.ofEpochMilli(Long.parseLong(value));
            } catch (NumberFormatException notNumber) {
                throw ApiException.unprocessable(name + " must be a valid ISO 8601 date string");
            }
        }
    }

    static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
