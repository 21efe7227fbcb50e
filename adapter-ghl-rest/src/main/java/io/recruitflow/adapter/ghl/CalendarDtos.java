package io.recruitflow.adapter.ghl;

import java.util.List;
import java.util.Map;

/** Moshi DTOs of openapi/calendars.json, named as in the spec. Public only for Moshi (see {@link ContactDtos}). */
final class CalendarDtos {
    private CalendarDtos() {}

    public record CalendarsGetSuccessfulResponseDTO(List<CalendarDTO> calendars) {}

    public record CalendarByIdSuccessfulResponseDTO(CalendarDTO calendar) {}

    /** The few calendar fields we read; {@code slotDuration} turns a free slot's start into an interval. */
    public record CalendarDTO(
            String id,
            String locationId,
            String name,
            Boolean isActive,
            Double slotDuration,
            String slotDurationUnit,
            String timezone) {}

    /**
     * get-slots: a map of {@code YYYY-MM-DD -> {slots: [...]}} that also holds a top-level {@code traceId}
     * string. Read by {@link FreeSlotsAdapter}; each slot is a start time (spec) or {@code {start, end}}.
     */
    public record FreeSlotsResponse(Map<String, List<SlotDto>> days, String traceId) {}

    public record SlotDto(String start, String end) {}

    /** create-appointment. Not idempotent: a repeat books the slot twice. */
    public record AppointmentCreateSchema(
            String calendarId,
            String locationId,
            String contactId,
            String startTime,
            String endTime,
            String title,
            String appointmentStatus,
            Boolean ignoreFreeSlotValidation,
            Boolean toNotify) {}

    /** edit-appointment. */
    public record AppointmentEditSchema(
            String startTime,
            String endTime,
            String title,
            String appointmentStatus,
            Boolean ignoreFreeSlotValidation) {}

    /** What create and edit answer (flat, not wrapped). */
    public record AppointmentSchemaResponse(
            String id,
            String calendarId,
            String locationId,
            String contactId,
            String startTime,
            String endTime,
            String title,
            String appointmentStatus,
            String dateUpdated,
            String traceId) {}

    /** delete-event's body: an empty object. */
    public record DeleteAppointmentSchema() {}

    public record DeleteEventSuccessfulResponseDto(Boolean succeeded) {}
}
