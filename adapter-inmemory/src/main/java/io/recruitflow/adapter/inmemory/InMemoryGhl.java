package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.Calendar;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.Recruiter;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An in-memory GHL account: every GHL port, sharing one clock and one set of contacts, seeded with the
 * reference's account (location {@code loc_abc123}, user {@code user_gary123}, the "Agent Recruiting"
 * pipeline, the "Speed to Lead" and "Onboarding" workflows and a presentations calendar). For tests,
 * embedders without GHL credentials and the zero-credential demo; {@link #faults()} scripts failures and
 * the inspection methods show what GHL would now hold.
 */
public final class InMemoryGhl {
    public static final CompanyId COMPANY = new CompanyId("comp_abc");
    public static final LocationId LOCATION = new LocationId("loc_abc123");
    public static final ZoneId TIME_ZONE = ZoneId.of("America/New_York");
    public static final UserId USER = new UserId("user_gary123");
    public static final PipelineId PIPELINE = new PipelineId("pipe_recruiting");
    public static final StageId STAGE_LEAD = new StageId("stage_lead");
    public static final StageId STAGE_CONTACTED = new StageId("stage_contacted");
    public static final StageId STAGE_INTERESTED = new StageId("stage_interested");
    public static final StageId STAGE_PRESENTATION = new StageId("stage_presentation");
    public static final StageId STAGE_CONTRACTED = new StageId("stage_contracted");
    public static final WorkflowId WF_SPEED_TO_LEAD = new WorkflowId("wf_speed_to_lead");
    public static final WorkflowId WF_ONBOARDING = new WorkflowId("wf_onboarding");
    public static final CalendarId CALENDAR = new CalendarId("cal_abc");

    private final GhlFaults faults = new GhlFaults();
    private final InMemoryContacts contacts;
    private final InMemoryPipelines pipelines = new InMemoryPipelines();
    private final InMemoryOpportunities opportunities;
    private final InMemoryConversations conversations;
    private final InMemoryCalendars calendars;
    private final InMemoryWorkflows workflows;
    private final InMemoryInstallations installations = new InMemoryInstallations();
    private final InMemoryRecruiters recruiters = new InMemoryRecruiters();

    /** A seeded account on the system clock. */
    public InMemoryGhl() {
        this(Clock.system());
    }

    /** A seeded account whose timestamps and free slots follow {@code clock}. */
    public InMemoryGhl(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        contacts = new InMemoryContacts(clock, faults);
        opportunities = new InMemoryOpportunities(clock, contacts, pipelines, faults);
        conversations = new InMemoryConversations(clock, contacts, faults);
        calendars = new InMemoryCalendars(clock, faults);
        workflows = new InMemoryWorkflows(clock, faults);
        seed();
    }

    private void seed() {
        pipelines.put(
                LOCATION,
                new Pipeline(
                        PIPELINE,
                        "Agent Recruiting",
                        List.of(
                                new Pipeline.Stage(STAGE_LEAD, "Lead", 0),
                                new Pipeline.Stage(STAGE_CONTACTED, "Contacted", 1),
                                new Pipeline.Stage(STAGE_INTERESTED, "Interested", 2),
                                new Pipeline.Stage(STAGE_PRESENTATION, "Presentation Scheduled", 3),
                                new Pipeline.Stage(STAGE_CONTRACTED, "Contracted", 4))));
        workflows.put(LOCATION, new Workflow(WF_SPEED_TO_LEAD, "Speed to Lead", true));
        workflows.put(LOCATION, new Workflow(WF_ONBOARDING, "Onboarding", true));
        calendars.put(new Calendar(CALENDAR, LOCATION, "iDecide Presentations", Optional.of(TIME_ZONE)));
        recruiters.add(LOCATION, new Recruiter(USER, "Gary Owens"));
    }

    /** The location's users (recruiters). */
    public InMemoryRecruiters recruiters() {
        return recruiters;
    }

    public InMemoryContacts contactDirectory() {
        return contacts;
    }

    public InMemoryOpportunities opportunities() {
        return opportunities;
    }

    public InMemoryPipelines pipelines() {
        return pipelines;
    }

    public InMemoryConversations conversations() {
        return conversations;
    }

    public InMemoryCalendars calendars() {
        return calendars;
    }

    public InMemoryWorkflows workflows() {
        return workflows;
    }

    public InMemoryInstallations installations() {
        return installations;
    }

    /** Scripted failures of the GHL calls. */
    public GhlFaults faults() {
        return faults;
    }

    /** Every contact GHL holds, in creation order. */
    public List<Contact> contacts() {
        return contacts.all();
    }

    /** Every outbound message GHL accepted, in send order. */
    public List<ConversationMessage> sentMessages() {
        return conversations.sent();
    }

    /** Every workflow enrolment, in order. */
    public List<InMemoryWorkflows.Enrollment> enrollments() {
        return workflows.enrollments();
    }

    /** Every opportunity, in creation order. */
    public List<InMemoryOpportunities.Stored> allOpportunities() {
        return opportunities.all();
    }

    /** Every appointment booked, cancelled ones included. */
    public List<Appointment> appointments() {
        return calendars.appointments();
    }
}
