package io.recruitflow.adapter.ghl.webhook;

import java.math.BigDecimal;
import java.util.List;

/**
 * The webhook payload shapes Recruitflow reads, field names exactly as in
 * GHL's webhook event pages (vendored in {@code ghl-specs}); fields not listed are skipped, missing ones are null. Every
 * payload may carry the delivery envelope's {@code webhookId} and {@code timestamp}. The records are
 * public only because Moshi's record adapter needs public accessors; their holder is not.
 */
final class GhlPayloads {
    private GhlPayloads() {}

    /**
     * The delivery's envelope, read beside the payload where the payload's DTO is shared with the REST API
     * (the contact webhooks are read as {@code ContactDtos.GetContectByIdSchema}).
     */
    public record DeliveryDto(String webhookId, String timestamp) {}

    /** The opportunity webhooks: the opportunity's id is {@code id}, the contact's {@code contactId}. */
    public record OpportunityDto(
            String webhookId,
            String timestamp,
            String locationId,
            String id,
            String contactId,
            String pipelineId,
            String pipelineStageId,
            String status,
            BigDecimal monetaryValue,
            String assignedTo,
            String name,
            String dateAdded,
            String dateUpdated) {}

    /** The {@code appointment} object of the appointment webhooks. */
    public record AppointmentDto(
            String id,
            String calendarId,
            String contactId,
            String title,
            String appointmentStatus,
            String startTime,
            String endTime,
            String dateAdded,
            String dateUpdated) {}

    public record AppointmentEnvelopeDto(
            String webhookId, String timestamp, String locationId, AppointmentDto appointment) {}

    /**
     * InboundMessage / OutboundMessage. {@code messageId}, {@code status} and {@code source} are in the
     * OutboundMessage schema; {@code error} (GHL's {@code ErrorDto}: code, type, message, or a plain string) is
     * read when present, as the conversations spec gives it with a failed status.
     */
    public record MessageDto(
            String webhookId,
            String timestamp,
            String locationId,
            String contactId,
            String conversationId,
            String messageType,
            String body,
            String dateAdded,
            String messageId,
            String status,
            String source,
            Object error) {}

    /** NoteCreate ({@code body}) / TaskCreate ({@code title}). */
    public record NoteOrTaskDto(
            String webhookId,
            String timestamp,
            String locationId,
            String id,
            String contactId,
            String body,
            String title,
            String dateAdded) {}

    /** ConversationUnreadUpdate. */
    public record UnreadDto(
            String webhookId,
            String timestamp,
            String locationId,
            String id,
            String contactId,
            Integer unreadCount,
            String dateUpdated) {}

    /**
     * INSTALL / UNINSTALL (webhook-events/AppInstall.md): {@code locationId} is absent for agency-level installs,
     * {@code companyId} may be absent for installs "via future locations"; a bulk install names its locations in
     * {@code locationIds} (GHL's official SDK reads it, highlevel-api-sdk {@code webhook-manager.ts}).
     */
    public record AppDto(
            String webhookId,
            String timestamp,
            String appId,
            String companyId,
            String locationId,
            List<String> locationIds,
            String installType) {}
}
