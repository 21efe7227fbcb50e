package io.recruitflow.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Conversations: send SMS and Email on the contact's conversation, search conversations, page messages. */
final class ConversationRoutes {
    static final Set<String> TYPES = Set.of("SMS", "Email");
    /** The sandbox's default SMS/Email provider, as named in the message webhooks. */
    static final String PROVIDER_ID = "sandbox_conversation_provider";

    private static final Set<String> KNOWN_TYPES = Set.of("SMS", "RCS", "Email", "WhatsApp", "IG", "FB");

    private final Engine engine;
    private final Store store;

    ConversationRoutes(Engine engine) {
        this.engine = engine;
        this.store = engine.store;
    }

    void register(ApiServer.Routes routes) {
        routes.post("/conversations/messages", this::send);
        routes.get("/conversations/search", this::search);
        routes.get("/conversations/{conversationId}/messages", this::messages);
    }

    /**
     * {@code POST /conversations/messages}. The spec (since 2026-05) marks {@code subType} and
     * {@code status} required; real clients do not send them, so they stay optional here.
     */
    private void send(ApiCall call) {
        Map<String, Object> body = call.body();
        List<String> problems = new ArrayList<>();
        String type = Json.string(body, "type");
        if (type == null || !KNOWN_TYPES.contains(type)) {
            problems.add("type must be one of the following values: SMS, RCS, Email, WhatsApp, IG, FB");
        }
        if (Json.string(body, "contactId") == null) {
            problems.add("contactId should not be empty");
        }
        if (!problems.isEmpty()) {
            throw ApiException.unprocessable(problems);
        }
        if (!TYPES.contains(type)) {
            throw ApiException.badRequest("The sandbox sends SMS and Email only, not " + type);
        }
        Doc contact = call.owned(store.contacts, Json.string(body, "contactId"), "Contact");
        String text = "Email".equals(type) && Json.string(body, "html") != null
                ? Json.string(body, "html")
                : Json.string(body, "message");
        if (text == null || text.isEmpty()) {
            throw ApiException.unprocessable("message should not be empty");
        }
        // A text that will not reach the phone is still accepted and queued; its failure comes with the webhook.
        java.util.Optional<DeliveryFailures.Reason> failure = "SMS".equals(type)
                ? engine.deliveryFailures.nextText(contact.str("phone"))
                : java.util.Optional.empty();
        Doc message = addMessage(
                contact,
                type,
                text,
                "outbound",
                Json.string(body, "subject"),
                Json.string(body, "emailFrom"),
                failure.orElse(null));
        Map<String, Object> answer = Json.obj(
                "conversationId",
                message.str("conversationId"),
                "messageId",
                message.id(),
                "msg",
                "Message queued successfully.",
                "status",
                failure.isPresent() ? "pending" : "delivered");
        if ("Email".equals(type)) {
            answer.put("emailMessageId", message.id());
        }
        call.json(200, answer);
    }

    /** Stores a message on the contact's conversation (made when missing) and emits its webhooks. */
    Doc addMessage(Doc contact, String type, String text, String direction, String subject, String from) {
        return addMessage(contact, type, text, direction, subject, from, null);
    }

    /**
     * The same, for an outbound text that {@code failure} keeps from the phone (null: delivered): the message's
     * status and its OutboundMessage's are GHL's {@code failed} or {@code undelivered}, with GHL's {@code error}.
     */
    Doc addMessage(
            Doc contact,
            String type,
            String text,
            String direction,
            String subject,
            String from,
            DeliveryFailures.Reason failure) {
        String status = failure == null ? "delivered" : failure.status;
        String conversationId;
        Doc message;
        synchronized (store.index(contact.locationId())) {
            conversationId = store.conversationByContact.computeIfAbsent(contact.id(), c -> GhlIds.newId());
            Doc conversation = store.conversations.get(conversationId);
            String now = engine.now();
            String id = GhlIds.newId();
            boolean email = "Email".equals(type);
            Map<String, Object> fields = Json.obj(
                    "id",
                    id,
                    "type",
                    email ? 3L : 2L,
                    "messageType",
                    email ? "TYPE_EMAIL" : "TYPE_SMS",
                    "locationId",
                    contact.locationId(),
                    "contactId",
                    contact.id(),
                    "conversationId",
                    conversationId,
                    "dateAdded",
                    now,
                    "body",
                    text,
                    "direction",
                    direction,
                    "status",
                    status,
                    "contentType",
                    email ? "text/html" : "text/plain",
                    "attachments",
                    List.of(),
                    "source",
                    "inbound".equals(direction) ? null : "api");
            if (email && subject != null) {
                fields.put("meta", Json.obj("email", Json.obj("subject", subject)));
            }
            if (failure != null) {
                fields.put("error", failure.error());
            }
            message = new Doc(id, contact.locationId(), store.nextSeq(), fields);
            store.messagesOf(conversationId).add(message);
            long unread = conversation == null ? 0 : ((Number) conversation.get("unreadCount")).longValue();
            if ("inbound".equals(direction)) {
                unread++;
            }
            Map<String, Object> conv = Json.obj(
                    "id",
                    conversationId,
                    "contactId",
                    contact.id(),
                    "locationId",
                    contact.locationId(),
                    "lastMessageBody",
                    text,
                    "lastMessageType",
                    fields.get("messageType"),
                    "lastMessageDirection",
                    direction,
                    "lastMessageDate",
                    engine.clock.millis(),
                    "type",
                    email ? "TYPE_EMAIL" : "TYPE_PHONE",
                    "unreadCount",
                    unread,
                    "fullName",
                    nz(contact.str("name")),
                    "contactName",
                    nz(contact.str("name")),
                    "email",
                    nz(contact.str("email")),
                    "phone",
                    nz(contact.str("phone")),
                    "dateAdded",
                    conversation == null ? now : conversation.get("dateAdded"),
                    "dateUpdated",
                    now);
            store.conversations.put(
                    conversationId,
                    new Doc(
                            conversationId,
                            contact.locationId(),
                            conversation == null ? store.nextSeq() : conversation.seq(),
                            conv));
        }
        Map<String, Object> event = Json.obj(
                "type",
                "inbound".equals(direction) ? "InboundMessage" : "OutboundMessage",
                "locationId",
                contact.locationId(),
                "attachments",
                List.of(),
                "body",
                text,
                "contactId",
                contact.id(),
                "contentType",
                message.get("contentType"),
                "conversationId",
                conversationId,
                "dateAdded",
                message.get("dateAdded"),
                "direction",
                direction,
                "messageType",
                type,
                "messageId",
                message.id(),
                "status",
                status,
                "source",
                message.get("source"),
                "conversationProviderId",
                PROVIDER_ID);
        if (failure != null) {
            event.put("error", failure.error());
        }
        if ("Email".equals(type)) {
            event.put("emailMessageId", message.id());
            event.put("threadId", message.id());
            event.put("subject", subject);
            String contactEmail = nz(contact.str("email"));
            event.put("from", "inbound".equals(direction) ? contactEmail : from);
            event.put("to", List.of("inbound".equals(direction) ? nz(from) : contactEmail));
        }
        engine.emit(event);
        if ("inbound".equals(direction)) {
            engine.inboundMessages.increment();
            Doc conversation = store.conversations.get(conversationId);
            engine.emit(Json.obj(
                    "type",
                    "ConversationUnreadUpdate",
                    "locationId",
                    contact.locationId(),
                    "id",
                    conversationId,
                    "contactId",
                    contact.id(),
                    "deleted",
                    false,
                    "inbox",
                    true,
                    "starred",
                    false,
                    "unreadCount",
                    conversation.get("unreadCount")));
        }
        return message;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }

    private void search(ApiCall call) {
        String locationId = call.query("locationId");
        if (locationId == null) {
            throw ApiException.unprocessable("locationId should not be empty");
        }
        call.authorizeLocation(locationId);
        int limit = ContactRoutes.intParam(call.query("limit"), 20, 1, 100, "limit");
        String contactId = call.query("contactId");
        String id = call.query("id");
        String query = ContactRoutes.lower(call.query("query"));
        List<Doc> matching = new ArrayList<>();
        for (Doc conversation : Store.inLocation(store.conversations, locationId)) {
            if ((contactId == null || contactId.equals(conversation.str("contactId")))
                    && (id == null || id.equals(conversation.id()))
                    && (query == null
                            || conversation
                                    .str("fullName")
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains(query)
                            || conversation
                                    .str("lastMessageBody")
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .contains(query))) {
                matching.add(conversation);
            }
        }
        // Most recently active first, as GHL sorts by last_message_date descending.
        matching.sort((a, b) -> b.str("dateUpdated").compareTo(a.str("dateUpdated")));
        List<Object> conversations = new ArrayList<>();
        for (Doc conversation : matching.subList(0, Math.min(limit, matching.size()))) {
            conversations.add(conversation.mutableCopy());
        }
        call.json(200, Json.obj("conversations", conversations, "total", matching.size()));
    }

    /** Newest first; {@code lastMessageId} continues after that message, {@code nextPage} tells if more remain. */
    private void messages(ApiCall call) {
        Doc conversation = call.owned(store.conversations, call.path("conversationId"), "Conversation");
        int limit = ContactRoutes.intParam(call.query("limit"), 20, 1, 100, "limit");
        String lastMessageId = call.query("lastMessageId");
        List<Doc> all;
        List<Doc> stored = store.messagesOf(conversation.id());
        synchronized (stored) {
            all = new ArrayList<>(stored);
        }
        java.util.Collections.reverse(all);
        int from = 0;
        if (lastMessageId != null) {
            from = -1;
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(lastMessageId)) {
                    from = i + 1;
                }
            }
            if (from < 0) {
                throw ApiException.badRequest("lastMessageId is not a message of this conversation");
            }
        }
        List<Doc> page = all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()));
        List<Object> messages = new ArrayList<>();
        page.forEach(m -> messages.add(m.mutableCopy()));
        boolean nextPage = from + limit < all.size();
        String last = page.isEmpty()
                ? (lastMessageId == null ? "" : lastMessageId)
                : page.get(page.size() - 1).id();
        call.json(200, Json.obj("lastMessageId", last, "nextPage", nextPage, "messages", messages));
    }
}
