package io.recruitflow.adapter.ghl;

import java.util.List;

/** Moshi DTOs of openapi/conversations.json, named as in the spec. Public only for Moshi (see {@link ContactDtos}). */
final class ConversationDtos {
    private ConversationDtos() {}

    /**
     * send-a-new-message. Since 2026-05 the spec marks {@code subType} and {@code status} required; GHL does
     * not need them, so we carry them but leave them out.
     */
    public record SendMessageBodyDto(
            String type,
            Object subType,
            String contactId,
            String message,
            String html,
            String subject,
            String emailFrom,
            String status) {}

    /** GHL answers {@code {conversationId, messageId, msg}}; {@code status} is optional in reality. */
    public record SendMessageResponseDto(
            String conversationId,
            String messageId,
            String emailMessageId,
            List<String> messageIds,
            String msg,
            String status,
            String traceId) {}

    public record SendConversationResponseDto(List<ConversationSchema> conversations, Long total) {}

    public record ConversationSchema(
            String id, String contactId, String locationId, String lastMessageType, String type) {}

    /**
     * get-messages: a page and the {@code lastMessageId}/{@code nextPage} cursor. GHL has been seen to wrap
     * the page in {@code {"messages": {...}}}; {@link MessagesPageAdapter} accepts both.
     */
    public record GetMessagesByConversationResponseDto(
            String lastMessageId, Boolean nextPage, List<GetMessageResponseDto> messages) {}

    public record GetMessageResponseDto(
            String id,
            Integer type,
            String messageType,
            String locationId,
            String contactId,
            String conversationId,
            String dateAdded,
            String body,
            String direction,
            String status,
            String contentType,
            String source) {}
}
