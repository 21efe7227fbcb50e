package io.recruitflow.adapter.ghl.webhook;

import java.util.Set;

/** The webhook {@code type} values Recruitflow acts on (GHL's names, exactly as on the wire). */
final class GhlEventTypes {
    private GhlEventTypes() {}

    static final String CONTACT_CREATE = "ContactCreate";
    static final String CONTACT_UPDATE = "ContactUpdate";
    static final String CONTACT_DELETE = "ContactDelete";
    static final String CONTACT_DND_UPDATE = "ContactDndUpdate";
    static final String CONTACT_TAG_UPDATE = "ContactTagUpdate";
    static final String NOTE_CREATE = "NoteCreate";
    static final String TASK_CREATE = "TaskCreate";
    static final String OPPORTUNITY_CREATE = "OpportunityCreate";
    static final String OPPORTUNITY_UPDATE = "OpportunityUpdate";
    static final String OPPORTUNITY_DELETE = "OpportunityDelete";
    static final String OPPORTUNITY_STAGE_UPDATE = "OpportunityStageUpdate";
    static final String OPPORTUNITY_STATUS_UPDATE = "OpportunityStatusUpdate";
    static final String OPPORTUNITY_MONETARY_VALUE_UPDATE = "OpportunityMonetaryValueUpdate";
    static final String OPPORTUNITY_ASSIGNED_TO_UPDATE = "OpportunityAssignedToUpdate";
    static final String APPOINTMENT_CREATE = "AppointmentCreate";
    static final String APPOINTMENT_UPDATE = "AppointmentUpdate";
    static final String APPOINTMENT_DELETE = "AppointmentDelete";
    static final String INBOUND_MESSAGE = "InboundMessage";
    static final String OUTBOUND_MESSAGE = "OutboundMessage";
    static final String CONVERSATION_UNREAD_UPDATE = "ConversationUnreadUpdate";
    static final String INSTALL = "INSTALL";
    static final String UNINSTALL = "UNINSTALL";

    static final Set<String> KNOWN = Set.of(
            CONTACT_CREATE,
            CONTACT_UPDATE,
            CONTACT_DELETE,
            CONTACT_DND_UPDATE,
            CONTACT_TAG_UPDATE,
            NOTE_CREATE,
            TASK_CREATE,
            OPPORTUNITY_CREATE,
            OPPORTUNITY_UPDATE,
            OPPORTUNITY_DELETE,
            OPPORTUNITY_STAGE_UPDATE,
            OPPORTUNITY_STATUS_UPDATE,
            OPPORTUNITY_MONETARY_VALUE_UPDATE,
            OPPORTUNITY_ASSIGNED_TO_UPDATE,
            APPOINTMENT_CREATE,
            APPOINTMENT_UPDATE,
            APPOINTMENT_DELETE,
            INBOUND_MESSAGE,
            OUTBOUND_MESSAGE,
            CONVERSATION_UNREAD_UPDATE,
            INSTALL,
            UNINSTALL);
}
