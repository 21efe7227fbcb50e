package io.recruitflow.adapter.ghl.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.recruitflow.adapter.ghl.ContactDtos.GetContectByIdSchema;
import io.recruitflow.adapter.ghl.GhlDnd;
import io.recruitflow.adapter.ghl.GhlJson;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.AppDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.AppointmentDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.AppointmentEnvelopeDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.DeliveryDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.MessageDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.NoteOrTaskDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.OpportunityDto;
import io.recruitflow.adapter.ghl.webhook.GhlPayloads.UnreadDto;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEvent.OpportunityChange;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UserId;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import okio.Buffer;

/**
 * Decodes stored GHL webhook bodies into {@link GhlEvent}s with Moshi, following the payloads of
 * GHL's webhook event pages (vendored in {@code ghl-specs}) field for field: the 17 reference events, the opportunity
 * status / monetary-value / assigned-to updates, and the app's INSTALL / UNINSTALL.
 *
 * <p>Tolerant where GHL is loose: optional fields may be missing (tags → none, monetary value → 0,
 * title and body → empty, an unparseable email or a phone number not in E.164 → absent); an id may be
 * a number. Strict where it matters: a body of a known type without its essential ids, or with a
 * value of the wrong JSON shape, is a {@link MalformedEventException} — the dispatcher dead-letters it
 * at once, since retrying cannot help. Exception messages name fields, never their values (no PII).
 *
 * <p>Choices the payload docs leave open:
 * <ul>
 *   <li>{@code occurredAt} is the envelope's {@code timestamp}, else {@code dateUpdated}, else
 *       {@code dateAdded} (of the appointment, for appointment events);</li>
 *   <li>do-not-disturb is read per channel ({@link GhlDnd}): {@code dnd: true} or an {@code all} setting is
 *       every channel, and a channel is on unless its status is {@code inactive} ({@code permanent} too).
 *       ContactCreate / ContactUpdate carry {@code dnd} but no {@code dndSettings}, so their "off" means
 *       nothing: the application lets them set DND, and only a ContactDndUpdate clear it;</li>
 *   <li>an opportunity webhook without {@code status} is taken as {@code open} (the reference's own
 *       stage-update example carries none);</li>
 *   <li>an appointment without {@code appointmentStatus} is {@code new}; {@code booked} and GHL's
 *       {@code active} are confirmed, GHL's {@code invalid} counts as cancelled and {@code completed} as
 *       showed (the calendars spec lists {@code active} and {@code completed} among the statuses GHL
 *       answers with);</li>
 *   <li>an OutboundMessage's {@code status} and {@code error} are its delivery ({@link GhlDeliveryReports});
 *       its {@code messageId} matches it to our own text;</li>
 *   <li>messages on channels other than SMS and email (calls, voicemail, social, chat) are not acted on:
 *       empty;</li>
 *   <li>INSTALL / UNINSTALL of another app (an {@code appId} other than this app's, the part of the client id
 *       before its first {@code -}, as GHL's official SDK compares them) and agency-level ones that name no
 *       location are kept as ignored with the reason ({@link IgnoredEventException}); an install on several
 *       locations ({@code locationIds}) is one {@link GhlEvent.AppInstalled} per location, each with the id
 *       {@code webhookId/locationId} ({@link #decodeAll}); a missing {@code companyId} ("future locations") is
 *       an install without a company, for the application to complete from the access it holds.</li>
 * </ul>
 */
final class MoshiGhlEventDecoder implements GhlEventDecoder {

    private final JsonAdapter<DeliveryDto> deliveries;
    private final JsonAdapter<GetContectByIdSchema> contacts;
    private final JsonAdapter<OpportunityDto> opportunities;
    private final JsonAdapter<AppointmentEnvelopeDto> appointments;
    private final JsonAdapter<MessageDto> messages;
    private final JsonAdapter<NoteOrTaskDto> notesAndTasks;
    private final JsonAdapter<UnreadDto> unread;
    private final JsonAdapter<AppDto> apps;

    /** This app's id; empty when unknown (a static token), and then no event is taken for another app's. */
    private final Optional<String> appId;

    MoshiGhlEventDecoder() {
        this(Optional.empty());
    }

    MoshiGhlEventDecoder(Optional<String> appId) {
        this.appId = appId.map(String::strip).filter(s -> !s.isEmpty());
        Moshi moshi = GhlJson.moshi();
        this.deliveries = moshi.adapter(DeliveryDto.class);
        this.contacts = moshi.adapter(GetContectByIdSchema.class);
        this.opportunities = moshi.adapter(OpportunityDto.class);
        this.appointments = moshi.adapter(AppointmentEnvelopeDto.class);
        this.messages = moshi.adapter(MessageDto.class);
        this.notesAndTasks = moshi.adapter(NoteOrTaskDto.class);
        this.unread = moshi.adapter(UnreadDto.class);
        this.apps = moshi.adapter(AppDto.class);
    }

    /**
     * The app id of a marketplace app's OAuth client id: GHL's client ids are {@code <appId>-<suffix>}, and its
     * official SDK takes the part before the first {@code -} to compare with a webhook's {@code appId}.
     */
    static Optional<String> appIdOf(Optional<String> clientId) {
        return clientId.map(String::strip)
                .filter(id -> !id.isEmpty())
                .map(id -> id.indexOf('-') > 0 ? id.substring(0, id.indexOf('-')) : id);
    }

    /** The first of {@link #decodeAll}: an install on several locations is several events, use that. */
    @Override
    public Optional<GhlEvent> decode(String type, byte[] rawBody) {
        return decodeAll(type, rawBody).stream().findFirst();
    }

    @Override
    public List<GhlEvent> decodeAll(String type, byte[] rawBody) {
        if (type == null || !GhlEventTypes.KNOWN.contains(type)) {
            return List.of();
        }
        return switch (type) {
            case GhlEventTypes.INSTALL -> app(type, read(apps, type, rawBody), true, rawBody);
            case GhlEventTypes.UNINSTALL -> app(type, read(apps, type, rawBody), false, rawBody);
            default -> one(type, rawBody).stream().toList();
        };
    }

    private Optional<GhlEvent> one(String type, byte[] rawBody) {
        return switch (type) {
            case GhlEventTypes.CONTACT_CREATE ->
                Optional.of(contactChanged(type, readContact(type, rawBody), true, rawBody));
            case GhlEventTypes.CONTACT_UPDATE ->
                Optional.of(contactChanged(type, readContact(type, rawBody), false, rawBody));
            case GhlEventTypes.CONTACT_DELETE -> Optional.of(contactDeleted(type, readContact(type, rawBody), rawBody));
            case GhlEventTypes.CONTACT_DND_UPDATE -> Optional.of(dndChanged(type, readContact(type, rawBody), rawBody));
            case GhlEventTypes.CONTACT_TAG_UPDATE ->
                Optional.of(tagsChanged(type, readContact(type, rawBody), rawBody));
            case GhlEventTypes.OPPORTUNITY_CREATE -> opportunity(type, rawBody, OpportunityChange.CREATED);
            case GhlEventTypes.OPPORTUNITY_UPDATE -> opportunity(type, rawBody, OpportunityChange.UPDATED);
            case GhlEventTypes.OPPORTUNITY_STAGE_UPDATE -> opportunity(type, rawBody, OpportunityChange.STAGE_CHANGED);
            case GhlEventTypes.OPPORTUNITY_STATUS_UPDATE ->
                opportunity(type, rawBody, OpportunityChange.STATUS_CHANGED);
            case GhlEventTypes.OPPORTUNITY_MONETARY_VALUE_UPDATE ->
                opportunity(type, rawBody, OpportunityChange.VALUE_CHANGED);
            case GhlEventTypes.OPPORTUNITY_ASSIGNED_TO_UPDATE -> opportunity(type, rawBody, OpportunityChange.ASSIGNED);
            case GhlEventTypes.OPPORTUNITY_DELETE ->
                Optional.of(opportunityDeleted(type, read(opportunities, type, rawBody), rawBody));
            case GhlEventTypes.APPOINTMENT_CREATE ->
                Optional.of(appointmentChanged(type, read(appointments, type, rawBody), true, rawBody));
            case GhlEventTypes.APPOINTMENT_UPDATE ->
                Optional.of(appointmentChanged(type, read(appointments, type, rawBody), false, rawBody));
            case GhlEventTypes.APPOINTMENT_DELETE ->
                Optional.of(appointmentDeleted(type, read(appointments, type, rawBody), rawBody));
            case GhlEventTypes.INBOUND_MESSAGE -> message(type, read(messages, type, rawBody), true, rawBody);
            case GhlEventTypes.OUTBOUND_MESSAGE -> message(type, read(messages, type, rawBody), false, rawBody);
            case GhlEventTypes.NOTE_CREATE ->
                Optional.of(noteCreated(type, read(notesAndTasks, type, rawBody), rawBody));
            case GhlEventTypes.TASK_CREATE ->
                Optional.of(taskCreated(type, read(notesAndTasks, type, rawBody), rawBody));
            case GhlEventTypes.CONVERSATION_UNREAD_UPDATE ->
                Optional.of(conversationUnread(type, read(unread, type, rawBody), rawBody));
            default -> Optional.empty();
        };
    }

    // ---- contacts: ContactCreate / Update / Delete / DndUpdate / TagUpdate (the contact's id is "id")

    /** A contact webhook: the contact as the REST API answers it, plus the delivery's envelope. */
    private record ContactEvent(DeliveryDto delivery, GetContectByIdSchema contact) {
        String webhookId() {
            return delivery.webhookId();
        }

        String timestamp() {
            return delivery.timestamp();
        }
    }

    private ContactEvent readContact(String type, byte[] body) {
        return new ContactEvent(read(deliveries, type, body), read(contacts, type, body));
    }

    private static GhlEvent contactChanged(String type, ContactEvent e, boolean created, byte[] body) {
        return new GhlEvent.ContactChanged(
                eventId(e.webhookId(), body),
                location(type, e.contact().locationId()),
                occurredAt(
                        type,
                        e.timestamp(),
                        e.contact().dateUpdated(),
                        e.contact().dateAdded()),
                contact(type, e.contact().id(), "id"),
                created,
                Optional.ofNullable(e.contact().email()).flatMap(EmailAddress::parse),
                phone(e.contact().phone()),
                tags(e.contact().tags()),
                dnd(e.contact()),
                io.recruitflow.domain.shared.UsState.parse(e.contact().state()));
    }

    private static GhlEvent contactDeleted(String type, ContactEvent e, byte[] body) {
        return new GhlEvent.ContactDeleted(
                eventId(e.webhookId(), body),
                location(type, e.contact().locationId()),
                occurredAt(
                        type,
                        e.timestamp(),
                        e.contact().dateUpdated(),
                        e.contact().dateAdded()),
                contact(type, e.contact().id(), "id"));
    }

    private static GhlEvent dndChanged(String type, ContactEvent e, byte[] body) {
        if (e.contact().dnd() == null && e.contact().dndSettings() == null) {
            // Guessing "not DND" could text someone who asked us not to: leave it to an operator.
            throw new MalformedEventException(type + " carries neither dnd nor dndSettings");
        }
        return new GhlEvent.DndChanged(
                eventId(e.webhookId(), body),
                location(type, e.contact().locationId()),
                occurredAt(
                        type,
                        e.timestamp(),
                        e.contact().dateUpdated(),
                        e.contact().dateAdded()),
                contact(type, e.contact().id(), "id"),
                dnd(e.contact()));
    }

    private static GhlEvent tagsChanged(String type, ContactEvent e, byte[] body) {
        return new GhlEvent.TagsChanged(
                eventId(e.webhookId(), body),
                location(type, e.contact().locationId()),
                occurredAt(
                        type,
                        e.timestamp(),
                        e.contact().dateUpdated(),
                        e.contact().dateAdded()),
                contact(type, e.contact().id(), "id"),
                tags(e.contact().tags()));
    }

    private static DoNotDisturb dnd(GetContectByIdSchema c) {
        return GhlDnd.of(c.dnd(), c.dndSettings());
    }

    // ---- opportunities (the opportunity's id is "id"; the contact's "contactId")

    private Optional<GhlEvent> opportunity(String type, byte[] body, OpportunityChange change) {
        OpportunityDto o = read(opportunities, type, body);
        return Optional.of(new GhlEvent.OpportunityChanged(
                eventId(o.webhookId(), body),
                location(type, o.locationId()),
                occurredAt(type, o.timestamp(), o.dateUpdated(), o.dateAdded()),
                change,
                new OpportunityId(require(type, o.id(), "id")),
                contact(type, o.contactId(), "contactId"),
                new PipelineId(require(type, o.pipelineId(), "pipelineId")),
                new StageId(require(type, o.pipelineStageId(), "pipelineStageId")),
                opportunityStatus(type, o.status()),
                o.monetaryValue() == null ? BigDecimal.ZERO : o.monetaryValue(),
                Optional.ofNullable(o.assignedTo()).filter(u -> !u.isBlank()).map(UserId::new)));
    }

    private static GhlEvent opportunityDeleted(String type, OpportunityDto o, byte[] body) {
        return new GhlEvent.OpportunityDeleted(
                eventId(o.webhookId(), body),
                location(type, o.locationId()),
                occurredAt(type, o.timestamp(), o.dateUpdated(), o.dateAdded()),
                new OpportunityId(require(type, o.id(), "id")),
                optionalContact(o.contactId()));
    }

    private static OpportunityStatus opportunityStatus(String type, String raw) {
        if (raw == null || raw.isBlank()) {
            return OpportunityStatus.OPEN;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "open" -> OpportunityStatus.OPEN;
            case "won" -> OpportunityStatus.WON;
            case "lost" -> OpportunityStatus.LOST;
            case "abandoned", "abandon" -> OpportunityStatus.ABANDONED;
            default -> throw new MalformedEventException(type + " has an unknown status");
        };
    }

    // ---- appointments (everything nests under "appointment")

    private static GhlEvent appointmentChanged(String type, AppointmentEnvelopeDto e, boolean created, byte[] body) {
        AppointmentDto a = appointmentOf(type, e);
        return new GhlEvent.AppointmentChanged(
                eventId(e.webhookId(), body),
                location(type, e.locationId()),
                occurredAt(type, e.timestamp(), a.dateUpdated(), a.dateAdded()),
                created,
                new AppointmentId(require(type, a.id(), "appointment.id")),
                new CalendarId(require(type, a.calendarId(), "appointment.calendarId")),
                contact(type, a.contactId(), "appointment.contactId"),
                a.title() == null ? "" : a.title(),
                requiredInstant(type, a.startTime(), "appointment.startTime"),
                requiredInstant(type, a.endTime(), "appointment.endTime"),
                appointmentStatus(type, a.appointmentStatus()));
    }

    private static GhlEvent appointmentDeleted(String type, AppointmentEnvelopeDto e, byte[] body) {
        AppointmentDto a = appointmentOf(type, e);
        return new GhlEvent.AppointmentDeleted(
                eventId(e.webhookId(), body),
                location(type, e.locationId()),
                occurredAt(type, e.timestamp(), a.dateUpdated(), a.dateAdded()),
                new AppointmentId(require(type, a.id(), "appointment.id")),
                optionalContact(a.contactId()));
    }

    private static AppointmentDto appointmentOf(String type, AppointmentEnvelopeDto e) {
        if (e.appointment() == null) {
            throw new MalformedEventException(type + " has no appointment object");
        }
        return e.appointment();
    }

    private static AppointmentStatus appointmentStatus(String type, String raw) {
        if (raw == null || raw.isBlank()) {
            return AppointmentStatus.NEW;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "new" -> AppointmentStatus.NEW;
            // GHL's own "active" still holds the slot: confirmed (as GhlCalendars reads it).
            case "confirmed", "booked", "active" -> AppointmentStatus.CONFIRMED;
            case "cancelled", "canceled", "invalid" -> AppointmentStatus.CANCELLED;
            // GHL's "completed": the meeting took place. Showed, which the flow only records: it neither
            // moves the recruit on (contracting is the recruiter's call) nor sends a no-show follow-up.
            case "showed", "completed" -> AppointmentStatus.SHOWED;
            case "noshow" -> AppointmentStatus.NOSHOW;
            default -> throw new MalformedEventException(type + " has an unknown appointmentStatus");
        };
    }

    // ---- messages

    private static Optional<GhlEvent> message(String type, MessageDto m, boolean inbound, byte[] body) {
        Optional<Channel> channel = channel(m.messageType());
        if (channel.isEmpty()) {
            return Optional.empty();
        }
        String eventId = eventId(m.webhookId(), body);
        LocationId location = location(type, m.locationId());
        Instant at = occurredAt(type, m.timestamp(), null, m.dateAdded());
        ContactId contact = contact(type, m.contactId(), "contactId");
        Optional<ConversationId> conversation = present(m.conversationId()).map(ConversationId::new);
        String text = m.body() == null ? "" : m.body();
        return Optional.of(
                inbound
                        ? new GhlEvent.MessageReceived(
                                eventId, location, at, contact, conversation, channel.get(), text)
                        : new GhlEvent.MessageSent(
                                eventId,
                                location,
                                at,
                                contact,
                                conversation,
                                channel.get(),
                                text,
                                present(m.messageId()).map(MessageId::new),
                                GhlDeliveryReports.of(m.status(), m.error(), at)));
    }

    static Optional<Channel> channel(String messageType) {
        if (messageType == null) {
            return Optional.empty();
        }
        String t = messageType.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("TYPE_")) {
            t = t.substring("TYPE_".length());
        }
        return switch (t) {
            case "SMS" -> Optional.of(Channel.SMS);
            case "EMAIL" -> Optional.of(Channel.EMAIL);
            default -> Optional.empty();
        };
    }

    // ---- notes, tasks, unread counts

    private static GhlEvent noteCreated(String type, NoteOrTaskDto n, byte[] body) {
        return new GhlEvent.NoteCreated(
                eventId(n.webhookId(), body),
                location(type, n.locationId()),
                occurredAt(type, n.timestamp(), null, n.dateAdded()),
                optionalContact(n.contactId()),
                n.body() == null ? "" : n.body());
    }

    private static GhlEvent taskCreated(String type, NoteOrTaskDto t, byte[] body) {
        return new GhlEvent.TaskCreated(
                eventId(t.webhookId(), body),
                location(type, t.locationId()),
                occurredAt(type, t.timestamp(), null, t.dateAdded()),
                optionalContact(t.contactId()),
                t.title() == null ? "" : t.title());
    }

    private static GhlEvent conversationUnread(String type, UnreadDto u, byte[] body) {
        return new GhlEvent.ConversationUnread(
                eventId(u.webhookId(), body),
                location(type, u.locationId()),
                occurredAt(type, u.timestamp(), u.dateUpdated(), null),
                optionalContact(u.contactId()),
                u.unreadCount() == null ? 0 : Math.max(0, u.unreadCount()));
    }

    // ---- app install / uninstall

    private List<GhlEvent> app(String type, AppDto a, boolean installed, byte[] body) {
        Optional<String> theirs = present(a.appId());
        if (appId.isPresent() && theirs.isPresent() && !theirs.get().equals(appId.get())) {
            throw new IgnoredEventException(type + " of another app (appId " + theirs.get() + "), not this app's");
        }
        Optional<CompanyId> company = present(a.companyId()).map(CompanyId::new);
        LinkedHashSet<String> named = new LinkedHashSet<>();
        present(a.locationId()).ifPresent(named::add);
        if (named.isEmpty() && a.locationIds() != null) {
            a.locationIds().stream()
                    .map(MoshiGhlEventDecoder::present)
                    .flatMap(Optional::stream)
                    .forEach(named::add);
        }
        if (named.isEmpty()) {
            // Agency-level: on the company itself; each location then comes with an INSTALL of its own.
            throw new IgnoredEventException(company.map(c -> "agency-level " + type + " of company " + c.value()
                            + ", naming no location"
                            + (installed ? ": each location's access comes with its own INSTALL" : ""))
                    .orElse(type + " names neither a location nor a company"));
        }
        String eventId = eventId(a.webhookId(), body);
        Instant at = occurredAt(type, a.timestamp(), null, null);
        List<GhlEvent> events = new java.util.ArrayList<>();
        for (String id : named) {
            LocationId location = location(type, id);
            String perLocation = named.size() == 1 ? eventId : eventId + "/" + id;
            events.add(
                    installed
                            ? new GhlEvent.AppInstalled(perLocation, location, at, company)
                            : new GhlEvent.AppUninstalled(perLocation, location, at, company));
        }
        return List.copyOf(events);
    }

    // ---- shared rules

    private static <T> T read(JsonAdapter<T> adapter, String type, byte[] body) {
        if (body == null) {
            throw new MalformedEventException(type + " has no body");
        }
        try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw new MalformedEventException(type + " body is not a JSON object");
            }
            T value = adapter.fromJson(reader);
            if (value == null) {
                throw new MalformedEventException(type + " body is null");
            }
            return value;
        } catch (JsonDataException e) {
            // Moshi's message names the JSON path (e.g. "$.tags"), never the value.
            throw new MalformedEventException(type + " has a field of the wrong shape: " + pathOf(e));
        } catch (IOException e) {
            throw new MalformedEventException(type + " body is not well-formed JSON");
        }
    }

    private static String pathOf(JsonDataException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.lastIndexOf(" at path ");
        return at < 0 ? "unknown field" : m.substring(at + " at path ".length());
    }

    /**
     * GHL's {@code webhookId}; for a body without one, the same digest of the body the receiver stored
     * the event under, so that the event is still applied at most once.
     */
    private static String eventId(String webhookId, byte[] body) {
        return present(webhookId).orElseGet(() -> derivedEventId(body));
    }

    /**
     * {@code sha256:} and the hex SHA-256 of the signed bytes: the id the webhook receiver stores a body
     * without {@code webhookId} under (a bootstrap test keeps the two sides equal).
     */
    static String derivedEventId(byte[] body) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LocationId location(String type, String raw) {
        return new LocationId(require(type, raw, "locationId"));
    }

    private static ContactId contact(String type, String raw, String field) {
        return new ContactId(require(type, raw, field));
    }

    private static Optional<ContactId> optionalContact(String raw) {
        return present(raw).map(ContactId::new);
    }

    private static String require(String type, String value, String field) {
        return present(value).orElseThrow(() -> new MalformedEventException(type + " without " + field));
    }

    private static Optional<PhoneNumber> phone(String raw) {
        return present(raw).flatMap(p -> {
            try {
                return Optional.of(new PhoneNumber(p.strip()));
            } catch (IllegalArgumentException notE164) {
                return Optional.empty();
            }
        });
    }

    private static Set<String> tags(List<String> raw) {
        if (raw == null) {
            return Set.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (String t : raw) {
            if (t != null && !t.isBlank()) {
                out.add(t.strip());
            }
        }
        return out;
    }

    private static Instant occurredAt(String type, String timestamp, String dateUpdated, String dateAdded) {
        return Stream.of(timestamp, dateUpdated, dateAdded)
                .map(MoshiGhlEventDecoder::instant)
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> new MalformedEventException(type + " has no usable timestamp"));
    }

    private static Instant requiredInstant(String type, String raw, String field) {
        return instant(raw).orElseThrow(() -> new MalformedEventException(type + " without a valid " + field));
    }

    /** ISO-8601 with an offset, or epoch milliseconds. */
    static Optional<Instant> instant(String raw) {
        Optional<String> s = present(raw);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.get().chars().allMatch(Character::isDigit) && s.get().length() <= 15) {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(s.get())));
        }
        try {
            return Optional.of(OffsetDateTime.parse(s.get()).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
