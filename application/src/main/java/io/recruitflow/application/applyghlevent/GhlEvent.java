package io.recruitflow.application.applyghlevent;

import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.Delivery;
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
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What GHL tells us through webhooks, in domain terms. Every event has GHL's unique id (its
 * {@code webhookId}), the location and the instant GHL says it happened; {@link #contact()} orders a
 * contact's events.
 */
public sealed interface GhlEvent {
    String eventId();

    LocationId location();

    Instant occurredAt();

    /** The contact the event concerns, when there is one. */
    Optional<ContactId> contact();

    /**
     * ContactCreate / ContactUpdate. GHL sends {@code dnd} but no {@code dndSettings} with these, so
     * {@code dnd} here may say "on" but never reliably "off" (an SMS-only DND reads as off). {@code
     * addressState} is the state of the contact's address, when the event names one.
     */
    record ContactChanged(
            String eventId,
            LocationId location,
            Instant occurredAt,
            ContactId contactId,
            boolean created,
            Optional<EmailAddress> email,
            Optional<PhoneNumber> phone,
            Set<String> tags,
            DoNotDisturb dnd,
            Optional<UsState> addressState)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /** ContactDelete. */
    record ContactDeleted(String eventId, LocationId location, Instant occurredAt, ContactId contactId)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /** ContactDndUpdate: the contact's do-not-disturb afterwards, the one event that may clear it. */
    record DndChanged(String eventId, LocationId location, Instant occurredAt, ContactId contactId, DoNotDisturb dnd)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /** ContactTagUpdate: the contact's tags afterwards. */
    record TagsChanged(String eventId, LocationId location, Instant occurredAt, ContactId contactId, Set<String> tags)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /** Which opportunity webhook it was. */
    enum OpportunityChange {
        CREATED,
        UPDATED,
        STAGE_CHANGED,
        STATUS_CHANGED,
        VALUE_CHANGED,
        ASSIGNED
    }

    /**
     * OpportunityCreate / Update / StageUpdate / StatusUpdate / MonetaryValueUpdate / AssignedToUpdate;
     * {@code assignedTo} is the opportunity's user as the event says it (empty: none, or not said).
     */
    record OpportunityChanged(
            String eventId,
            LocationId location,
            Instant occurredAt,
            OpportunityChange change,
            OpportunityId opportunityId,
            ContactId contactId,
            PipelineId pipeline,
            StageId stage,
            OpportunityStatus status,
            BigDecimal monetaryValue,
            Optional<UserId> assignedTo)
            implements GhlEvent {
        public OpportunityChanged {
            java.util.Objects.requireNonNull(assignedTo, "assignedTo");
        }

        /** An event that says nothing of the opportunity's user. */
        public OpportunityChanged(
                String eventId,
                LocationId location,
                Instant occurredAt,
                OpportunityChange change,
                OpportunityId opportunityId,
                ContactId contactId,
                PipelineId pipeline,
                StageId stage,
                OpportunityStatus status,
                BigDecimal monetaryValue) {
            this(
                    eventId,
                    location,
                    occurredAt,
                    change,
                    opportunityId,
                    contactId,
                    pipeline,
                    stage,
                    status,
                    monetaryValue,
                    Optional.empty());
        }

        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /** OpportunityDelete. */
    record OpportunityDeleted(
            String eventId,
            LocationId location,
            Instant occurredAt,
            OpportunityId opportunityId,
            Optional<ContactId> contact)
            implements GhlEvent {}

    /** AppointmentCreate / AppointmentUpdate. */
    record AppointmentChanged(
            String eventId,
            LocationId location,
            Instant occurredAt,
            boolean created,
            AppointmentId appointmentId,
            CalendarId calendar,
            ContactId contactId,
            String title,
            Instant start,
            Instant end,
            AppointmentStatus status)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /** AppointmentDelete. */
    record AppointmentDeleted(
            String eventId,
            LocationId location,
            Instant occurredAt,
            AppointmentId appointmentId,
            Optional<ContactId> contact)
            implements GhlEvent {}

    /** InboundMessage: the recruit wrote to us. */
    record MessageReceived(
            String eventId,
            LocationId location,
            Instant occurredAt,
            ContactId contactId,
            Optional<ConversationId> conversation,
            Channel channel,
            String body)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }
    }

    /**
     * OutboundMessage: a message went out (from us, a workflow, or a user in GHL), with GHL's message id and
     * what GHL says of its delivery (its {@code status}, and for a text that did not reach the phone GHL's
     * error as a reason), when the payload carries them.
     */
    record MessageSent(
            String eventId,
            LocationId location,
            Instant occurredAt,
            ContactId contactId,
            Optional<ConversationId> conversation,
            Channel channel,
            String body,
            Optional<MessageId> messageId,
            Optional<Delivery> delivery)
            implements GhlEvent {
        public MessageSent {
            messageId = messageId == null ? Optional.empty() : messageId;
            delivery = delivery == null ? Optional.empty() : delivery;
        }

        /** Without a message id or delivery report. */
        public MessageSent(
                String eventId,
                LocationId location,
                Instant occurredAt,
                ContactId contactId,
                Optional<ConversationId> conversation,
                Channel channel,
                String body) {
            this(
                    eventId,
                    location,
                    occurredAt,
                    contactId,
                    conversation,
                    channel,
                    body,
                    Optional.empty(),
                    Optional.empty());
        }

        public Optional<ContactId> contact() {
            return Optional.of(contactId);
        }

        /** GHL says the message did not reach the phone. */
        public boolean notDelivered() {
            return delivery.map(Delivery::notDelivered).orElse(false);
        }
    }

    /** NoteCreate. */
    record NoteCreated(
            String eventId, LocationId location, Instant occurredAt, Optional<ContactId> contact, String body)
            implements GhlEvent {}

    /** TaskCreate. */
    record TaskCreated(
            String eventId, LocationId location, Instant occurredAt, Optional<ContactId> contact, String title)
            implements GhlEvent {}

    /** ConversationUnreadUpdate. */
    record ConversationUnread(
            String eventId, LocationId location, Instant occurredAt, Optional<ContactId> contact, int unreadCount)
            implements GhlEvent {}

    /** INSTALL: the app was installed on a location (or an agency). */
    record AppInstalled(String eventId, LocationId location, Instant occurredAt, Optional<CompanyId> company)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.empty();
        }
    }

    /** UNINSTALL: the app was removed; stop everything for the location. */
    record AppUninstalled(String eventId, LocationId location, Instant occurredAt, Optional<CompanyId> company)
            implements GhlEvent {
        public Optional<ContactId> contact() {
            return Optional.empty();
        }
    }
}
