package io.recruitflow.adapter.webhook;

import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of the admin API and of the server's own answers, field for field: the wire format is
 * spelled out here, not derived from domain classes (see {@link ApiJson}). Instants are ISO-8601 strings;
 * a field without a value is {@code null}, never left out. The records are public only because Moshi's
 * record adapter needs public accessors; their holder is not.
 */
final class ApiBodies {
    private ApiBodies() {}

    // ---- shared

    /** Every refusal: {@code error} is a stable code, {@code message} is safe to show. */
    public record ErrorBody(String error, String message) {}

    /** Health: {@code UP}, {@code READY}, {@code NOT_READY}; webhooks: {@code stored}, {@code duplicate}. */
    public record StatusBody(String status) {}

    // ---- requests (fields that take text are read leniently by ApiJson)

    /** A field that takes text: {@code value} is null when absent or blank; {@code wellShaped} is false for an object or array. */
    public record Text(String value, boolean wellShaped) {}

    /** {@code licenseTypes}: the types, or the problem with the field. */
    public record LicenseTypes(List<String> values, String problem) {}

    /** {@code extra}: the values, and one problem per field of the wrong shape. */
    public record Extra(Map<String, String> values, List<String> problems) {}

    /** {@code POST /api/recruits}. */
    public record NewRecruit(
            Text locationId,
            Text firstName,
            Text lastName,
            Text email,
            Text phone,
            Text licenseState,
            Text licenseNumber,
            LicenseTypes licenseTypes,
            Text source,
            Extra extra) {}

    /** {@code POST /api/recruits/{id}/presentation}, optional. */
    public record NewPresentation(Text start) {}

    // ---- recruits

    public record Intake(String id, String status) {}

    public record IntakeRejected(String error, String message, List<String> reasons) {}

    public record ImportedRow(int row, String id) {}

    public record RejectedRow(int row, String reason) {}

    /** What a column of the imported file gave: a lead field, a custom field, or neither (ignored). */
    public record ImportedColumn(String column, String field, String customField, boolean mapped) {}

    /** {@code encoding} and {@code columns} say how the file was read ({@code null} and empty when unknown). */
    public record ImportSummary(
            int rows,
            List<ImportedRow> accepted,
            List<ImportedRow> known,
            List<RejectedRow> rejected,
            String encoding,
            List<ImportedColumn> columns) {}

    /**
     * 413 of an import whose streamed body went past the limit: the rows read before it were imported
     * ({@code accepted}, {@code known}), none after it.
     */
    public record ImportTooLarge(
            String error, String message, long maxBytes, List<ImportedRow> accepted, List<ImportedRow> known) {}

    public record RecruitSummary(
            String id,
            String locationId,
            String firstName,
            String lastName,
            String email,
            String phone,
            String licenseState,
            String licenseNumber,
            List<String> licenseTypes,
            String source,
            List<String> tags,
            String contactId,
            boolean dnd,
            String optedOutAt,
            String acceptedAt,
            String introSentAt,
            Double speedToLeadSeconds) {}

    public record RecruitPage(List<RecruitSummary> items, String next) {}

    /** A recruit's summary fields, then its pipeline, intake and appointments. */
    public record RecruitDetail(
            String id,
            String locationId,
            String firstName,
            String lastName,
            String email,
            String phone,
            String licenseState,
            String licenseNumber,
            List<String> licenseTypes,
            String source,
            List<String> tags,
            String contactId,
            boolean dnd,
            String optedOutAt,
            String acceptedAt,
            String introSentAt,
            Double speedToLeadSeconds,
            String stage,
            OpportunityBody opportunity,
            List<StepBody> steps,
            MessageBody intro,
            List<AppointmentBody> appointments) {

        static RecruitDetail of(
                RecruitSummary s,
                String stage,
                OpportunityBody opportunity,
                List<StepBody> steps,
                MessageBody intro,
                List<AppointmentBody> appointments) {
            return new RecruitDetail(
                    s.id(),
                    s.locationId(),
                    s.firstName(),
                    s.lastName(),
                    s.email(),
                    s.phone(),
                    s.licenseState(),
                    s.licenseNumber(),
                    s.licenseTypes(),
                    s.source(),
                    s.tags(),
                    s.contactId(),
                    s.dnd(),
                    s.optedOutAt(),
                    s.acceptedAt(),
                    s.introSentAt(),
                    s.speedToLeadSeconds(),
                    stage,
                    opportunity,
                    steps,
                    intro,
                    appointments);
        }
    }

    public record OpportunityBody(
            String id, String pipelineId, String stage, String status, String monetaryValue, String updatedAt) {}

    public record StepBody(
            String step, String state, int attempts, String ref, String detail, String notBefore, String updatedAt) {}

    public record MessageBody(String channel, String state, String messageId, String detail, String updatedAt) {}

    public record AppointmentBody(
            String id, String calendarId, String contactId, String title, String start, String end, String status) {}

    // ---- funnel and events

    public record FunnelBody(
            long recruits,
            long won,
            long lost,
            List<StageBody> stages,
            List<ConversionBody> conversions,
            SpeedToLeadBody speedToLead,
            Map<String, Long> messages) {}

    public record StageBody(String stage, String name, long count) {}

    public record ConversionBody(String from, String to, long reachedFrom, long reachedTo, Double rate) {}

    public record SpeedToLeadBody(Double medianSeconds, Double p95Seconds, int samples) {}

    public record InboxStatsBody(long stored, long duplicates, long processed, long failed, long dead, long ignored) {}

    public record InboxEventBody(
            String webhookId,
            String type,
            String locationId,
            String contactId,
            String timestamp,
            String receivedAt,
            String status,
            int attempts,
            String lastError,
            String nextAttemptAt) {}

    public record EventPage(List<InboxEventBody> items) {}
}
