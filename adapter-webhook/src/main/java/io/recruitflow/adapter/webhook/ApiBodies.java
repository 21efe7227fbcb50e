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

    /**
     * {@code POST /api/compliance/emergencies}: {@code state} (postal code or name), {@code until} (a date, the
     * end of that day everywhere in the state, or an ISO-8601 instant), optional {@code from} (a date or an
     * instant; default now) and {@code reason}.
     */
    public record NewEmergency(Text state, Text from, Text until, Text reason) {}

    /** {@code POST /api/recruits/{id}/presentation}, optional. */
    public record NewPresentation(Text start) {}

    /** {@code POST /api/replies/{id}/resolve}: {@code optOut} true or false; {@code decidedBy} optional (who decides). */
    public record ResolveReply(Text optOut, Text decidedBy) {}

    // ---- recruits

    public record Intake(String id, String status) {}

    public record IntakeRejected(String error, String message, List<String> reasons) {}

    public record ImportedRow(int row, String id) {}

    public record RejectedRow(int row, String reason) {}

    /** What a column of the imported file gave: a lead field, a custom field, or neither (ignored). */
    public record ImportedColumn(String column, String field, String customField, boolean mapped) {}

    /**
     * {@code encoding} and {@code columns} say how the file was read ({@code null} and empty when unknown). The counts
     * are of every row; the lists hold the first 1,000 rows of each kind.
     */
    public record ImportSummary(
            int rows,
            int acceptedCount,
            int knownCount,
            int rejectedCount,
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
            String error,
            String message,
            long maxBytes,
            int acceptedCount,
            int knownCount,
            List<ImportedRow> accepted,
            List<ImportedRow> known) {}

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

    /**
     * A recruit's summary fields, then its pipeline, intake, intro, appointments, every message to its contact
     * (ours, and the texts GHL sent itself and reported) with its delivery, the state of its contact's address in
     * GHL, and the latest compliance decisions on its texts, newest first.
     */
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
            List<AppointmentBody> appointments,
            List<MessageBody> messages,
            String addressState,
            List<DecisionBody> decisions,
            List<FollowUpBody> followUps,
            List<AlertBody> alerts) {

        static RecruitDetail of(
                RecruitSummary s,
                String stage,
                OpportunityBody opportunity,
                List<StepBody> steps,
                MessageBody intro,
                List<AppointmentBody> appointments,
                List<MessageBody> messages,
                String addressState,
                List<DecisionBody> decisions,
                List<FollowUpBody> followUps,
                List<AlertBody> alerts) {
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
                    appointments,
                    messages,
                    addressState,
                    decisions,
                    followUps,
                    alerts);
        }
    }

    /**
     * One follow-up (a nurture step): its key (also its message's), what planned it ({@code kind}: cadence,
     * reminder, ...; {@code sequence}: the cadence or appointment), its place, {@code action} ({@code send}, {@code
     * rest}, ...), the channel of its message, when it is due, its status ({@code planned}, {@code sending}, {@code
     * sent}, {@code done}, {@code skipped}, {@code cancelled}) and why, when news cancelling it was stored, and the
     * state of its message in the message log.
     */
    public record FollowUpBody(
            String key,
            String kind,
            String sequence,
            int index,
            String action,
            String channel,
            String dueAt,
            String status,
            String reason,
            String cancelledAt,
            String plannedAt,
            String updatedAt,
            String messageState) {

        /** The step, with the state of its message among {@code messages} (the recruit's). */
        public static FollowUpBody of(
                io.recruitflow.domain.nurture.NurtureStep s,
                List<io.recruitflow.domain.message.MessageRecord> messages) {
            return new FollowUpBody(
                    s.key(),
                    s.kind(),
                    s.sequence(),
                    s.index(),
                    s.action(),
                    s.message().map(m -> m.channel().name()).orElse(null),
                    s.dueAt().toString(),
                    s.status().name().toLowerCase(java.util.Locale.ROOT),
                    s.reason()
                            .map(io.recruitflow.domain.shared.PersonalData::mask)
                            .orElse(null),
                    s.cancelledAt().map(java.time.Instant::toString).orElse(null),
                    s.plannedAt().toString(),
                    s.updatedAt().toString(),
                    messages.stream()
                            .filter(m -> m.key().value().equals(s.key()))
                            .findFirst()
                            .map(m -> m.state().name())
                            .orElse(null));
        }
    }

    /** One of the owner's alerts: {@code kind} (replied, stalled, ...), what to look at, when. */
    public record AlertBody(String id, String recruitId, String locationId, String kind, String text, String at) {
        public static AlertBody of(io.recruitflow.domain.nurture.OwnerAlert a) {
            return new AlertBody(
                    a.id(),
                    a.recruit().toString(),
                    a.location().value(),
                    a.kind(),
                    io.recruitflow.domain.shared.PersonalData.mask(a.text()),
                    a.at().toString());
        }
    }

    public record OpportunityBody(
            String id, String pipelineId, String stage, String status, String monetaryValue, String updatedAt) {}

    public record StepBody(
            String step, String state, int attempts, String ref, String detail, String notBefore, String updatedAt) {}

    /**
     * One message: our key ({@code crm/<id>} for a text GHL sent itself), channel, send state, GHL's id, how many
     * times we handed it to GHL, and what GHL last reported of its delivery ({@code delivery}: pending, sent,
     * delivered, read, undelivered, failed; null before any report) with GHL's reason for a text that did not
     * reach the phone and whether that reason can pass.
     */
    public record MessageBody(
            String key,
            String channel,
            String state,
            String messageId,
            String detail,
            String updatedAt,
            int attempts,
            String delivery,
            String deliveryReason,
            Boolean deliveryRetryable,
            String deliveryReportedAt) {}

    /**
     * One compliance decision on the record: {@code decision} is {@code send}, {@code defer} or {@code refuse};
     * {@code at} the first allowed instant of a deferral; the reasons with their rule ids and sources; the
     * jurisdictions and zones with why each is there; the texts counted toward a cap.
     */
    public record DecisionBody(
            String messageKey,
            String channel,
            String decision,
            String at,
            String decidedAt,
            List<ReasonBody> reasons,
            Map<String, String> jurisdictions,
            Map<String, String> zones,
            List<String> textsCounted,
            List<String> rulesSwitchedOff) {}

    public record ReasonBody(String rule, String text, String detail, String source) {}

    /** A declared emergency: texts into {@code state} wait from {@code from} until {@code until}. */
    public record EmergencyBody(String state, String from, String until, String reason) {}

    public record EmergencyList(List<EmergencyBody> items) {}

    /** {@code DELETE /api/compliance/emergencies/{state}}: those that were in force or announced, now ended. */
    public record EmergenciesEnded(String state, List<EmergencyBody> ended) {}

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
            Map<String, Long> messages,
            Map<String, Long> deliveries,
            List<NotDeliveredBody> notDelivered) {}

    /** A text GHL could not deliver, with GHL's reason; {@code retrying} when it is planned again. */
    public record NotDeliveredBody(
            String key,
            String contactId,
            String channel,
            String status,
            String reason,
            String reportedAt,
            boolean retrying) {}

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

    // ---- replies under review

    /**
     * A reply that might revoke consent. {@code reply} is the recruit's text (personal data, for the admin only);
     * {@code status} is {@code open} (every text to the recruit waits), {@code opted_out} or {@code released};
     * {@code confirmation} says what became of the opt-out confirmation, once decided as an opt-out.
     */
    public record ReplyReviewBody(
            String id,
            String recruitId,
            String locationId,
            String contactId,
            String receivedAt,
            String reply,
            String why,
            String status,
            String decidedBy,
            String decidedAt,
            String confirmation) {}

    public record ReplyReviewPage(List<ReplyReviewBody> items) {}
}
