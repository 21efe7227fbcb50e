package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.LOC;
import static io.recruitflow.adapter.ghl.MockGhl.LOCATION;
import static io.recruitflow.adapter.ghl.MockGhl.TOKEN;
import static io.recruitflow.adapter.ghl.MockGhl.json;
import static io.recruitflow.adapter.ghl.MockGhl.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.appointment.AppointmentDraft;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.CalendarId;
import io.recruitflow.domain.appointment.Slot;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exact wire checks: path, method, headers (the Version per service), bodies. */
class WireTest {
    private final MockWebServer server = new MockWebServer();
    private GhlClient ghl;

    @BeforeEach
    void start() throws Exception {
        server.start();
        ghl = MockGhl.client(server);
    }

    @AfterEach
    void stop() {
        ghl.close();
        MockGhl.closeQuietly(server);
    }

    private static ContactDraft draft() {
        return new ContactDraft(
                new LocationId(LOC),
                "John",
                "Smith",
                Optional.of(new EmailAddress("john.smith@example.com")),
                Optional.of(new PhoneNumber("+14075551234")),
                Set.of("Licensed"),
                List.of(
                        new CustomFieldValue("cf_license_state", "FL"),
                        new CustomFieldValue("contact.license_number", "W123456"),
                        new CustomFieldValue("contact.lines_of_authority", "Life, Health")),
                Optional.of("PropHog"));
    }

    /** The location's custom field definitions, which a first write with custom fields reads. */
    private static final String CUSTOM_FIELDS = "{\"customFields\":["
            + "{\"id\":\"cf_license_state\",\"fieldKey\":\"contact.license_state\",\"dataType\":\"TEXT\"},"
            + "{\"id\":\"cf_lines\",\"fieldKey\":\"contact.lines_of_authority\",\"dataType\":\"MULTIPLE_OPTIONS\","
            + "\"picklistOptions\":[\"Life\",\"Health\"],\"model\":\"contact\"}]}";

    private void expectCustomFieldsRead() throws Exception {
        server.enqueue(json(CUSTOM_FIELDS));
    }

    private void assertCustomFieldsRead() throws Exception {
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("GET");
        assertThat(r.getPath()).isEqualTo("/locations/loc_abc123/customFields?model=contact");
        assertThat(r.getHeader("Version")).isEqualTo("2021-07-28");
    }

    private static void assertCommonHeaders(RecordedRequest r, String version) {
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(r.getHeader("Version")).isEqualTo(version);
        assertThat(r.getHeader("User-Agent")).startsWith("Recruitflow/0.1.0");
        assertThat(r.getHeader("Accept")).isEqualTo("application/json");
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    }

    @Test
    void createContactPostsTheSpecShapeWithCustomFieldsAsIdKeyFieldValue() throws Exception {
        expectCustomFieldsRead();
        server.enqueue(json(201, "{\"contact\":" + MockGhl.contactJson("cont_1") + ",\"unknownField\":{\"x\":1}}"));

        var contact = ghl.contacts().create(draft());

        assertCustomFieldsRead();
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/contacts/");
        assertCommonHeaders(r, "2021-07-28");
        String body = r.getBody().readUtf8();
        assertThat(body)
                .contains(
                        "\"locationId\":\"loc_abc123\"",
                        "\"firstName\":\"John\"",
                        "\"phone\":\"+14075551234\"",
                        "\"email\":\"john.smith@example.com\"",
                        "\"tags\":[\"Licensed\"]",
                        "\"source\":\"PropHog\"",
                        "{\"id\":\"cf_license_state\",\"field_value\":\"FL\"}",
                        "{\"key\":\"contact.license_number\",\"field_value\":\"W123456\"}",
                        // A multi-select field takes an array (customFieldsInputArraySchema).
                        "{\"key\":\"contact.lines_of_authority\",\"field_value\":[\"Life\",\"Health\"]}")
                .doesNotContain("null");
        assertThat(contact.id()).isEqualTo(new ContactId("cont_1"));
        assertThat(contact.customFields()).containsExactly(new CustomFieldValue("cf_license_state", "FL"));
        assertThat(contact.phone()).contains(new PhoneNumber("+14075551234"));
        assertThat(contact.dateAdded()).contains(Instant.parse("2026-02-12T13:00:00Z"));
    }

    @Test
    void withoutTheScopeToReadFieldDefinitionsCustomFieldsAreWrittenAsTextAndTheReadIsNotRepeated() throws Exception {
        server.enqueue(json(403, "{\"statusCode\":403,\"message\":\"The token is not authorized for this scope.\"}"));
        server.enqueue(json("{\"new\":true,\"contact\":" + MockGhl.contactJson("cont_2") + "}"));
        server.enqueue(json("{\"new\":false,\"contact\":" + MockGhl.contactJson("cont_2") + "}"));

        ghl.contacts().upsert(draft());
        ghl.contacts().upsert(draft());

        assertCustomFieldsRead();
        for (int i = 0; i < 2; i++) {
            RecordedRequest r = take(server);
            assertThat(r.getPath()).isEqualTo("/contacts/upsert");
            assertThat(r.getBody().readUtf8())
                    .contains("{\"key\":\"contact.lines_of_authority\",\"field_value\":\"Life, Health\"}");
        }
    }

    @Test
    void upsertReadsTheNewFlag() throws Exception {
        expectCustomFieldsRead();
        server.enqueue(json("{\"new\":true,\"contact\":" + MockGhl.contactJson("cont_2") + ",\"traceId\":\"t-1\"}"));

        var upserted = ghl.contacts().upsert(draft());

        assertCustomFieldsRead();
        RecordedRequest r = take(server);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getPath()).isEqualTo("/contacts/upsert");
        assertThat(upserted.created()).isTrue();
        assertThat(upserted.contact().id().value()).isEqualTo("cont_2");
    }

    @Test
    void contactReadUpdateDeleteTagsAndWorkflows() throws Exception {
        server.enqueue(json("{\"contact\":" + MockGhl.contactJson("cont_3") + "}"));
        server.enqueue(json("{\"succeded\":true,\"contact\":" + MockGhl.contactJson("cont_3") + "}"));
        server.enqueue(json(201, "{\"tags\":[\"Licensed\",\"Hot-Lead\"]}"));
        server.enqueue(json("{\"tags\":[\"Hot-Lead\"]}"));
        server.enqueue(json("{\"succeded\":true}"));
        server.enqueue(json("{\"succeded\":true}"));
        server.enqueue(json("{\"succeded\":true}"));
        ContactId id = new ContactId("cont_3");

        assertThat(ghl.contacts().find(LOCATION, id)).isPresent();
        ghl.contacts().update(LOCATION, id, ContactChanges.none().withTags(Set.of("Contracted")));
        assertThat(ghl.contacts().addTags(LOCATION, id, Set.of("Hot-Lead")))
                .containsExactlyInAnyOrder("Licensed", "Hot-Lead");
        assertThat(ghl.contacts().removeTags(LOCATION, id, Set.of("Licensed"))).containsExactly("Hot-Lead");
        ghl.workflows().enroll(LOCATION, id, new WorkflowId("wf_speed_to_lead"));
        ghl.workflows().unenroll(LOCATION, id, new WorkflowId("wf_speed_to_lead"));
        ghl.contacts().delete(LOCATION, id);

        RecordedRequest get = take(server);
        assertThat(get.getMethod() + " " + get.getPath()).isEqualTo("GET /contacts/cont_3");
        RecordedRequest put = take(server);
        assertThat(put.getMethod() + " " + put.getPath()).isEqualTo("PUT /contacts/cont_3");
        assertThat(put.getBody().readUtf8()).isEqualTo("{\"tags\":[\"Contracted\"]}");
        RecordedRequest add = take(server);
        assertThat(add.getMethod() + " " + add.getPath()).isEqualTo("POST /contacts/cont_3/tags");
        assertThat(add.getBody().readUtf8()).isEqualTo("{\"tags\":[\"Hot-Lead\"]}");
        RecordedRequest remove = take(server);
        assertThat(remove.getMethod() + " " + remove.getPath()).isEqualTo("DELETE /contacts/cont_3/tags");
        assertThat(remove.getBody().readUtf8()).isEqualTo("{\"tags\":[\"Licensed\"]}");
        RecordedRequest enroll = take(server);
        assertThat(enroll.getMethod() + " " + enroll.getPath())
                .isEqualTo("POST /contacts/cont_3/workflow/wf_speed_to_lead");
        assertCommonHeaders(enroll, "2021-07-28");
        RecordedRequest unenroll = take(server);
        assertThat(unenroll.getMethod() + " " + unenroll.getPath())
                .isEqualTo("DELETE /contacts/cont_3/workflow/wf_speed_to_lead");
        RecordedRequest delete = take(server);
        assertThat(delete.getMethod() + " " + delete.getPath()).isEqualTo("DELETE /contacts/cont_3");
    }

    @Test
    void opportunitiesUseSnakeCaseSearchAndTheStatusEndpoint() throws Exception {
        String opp = "{\"id\":\"opp_1\",\"name\":\"John Smith - Agent Recruit\",\"pipelineId\":\"pipe_recruiting\","
                + "\"pipelineStageId\":\"stage_lead\",\"contactId\":\"cont_1\",\"locationId\":\"" + LOC + "\","
                + "\"monetaryValue\":5000,\"status\":\"open\",\"assignedTo\":\"user_gary123\","
                + "\"updatedAt\":\"2026-02-12T13:00:00.000Z\"}";
        server.enqueue(json(201, "{\"opportunity\":" + opp + "}"));
        server.enqueue(json("{\"opportunities\":[" + opp + "],\"meta\":{\"total\":1}}"));
        server.enqueue(json("{\"opportunities\":[" + opp + "],\"meta\":{\"total\":1}}"));
        server.enqueue(json("{\"opportunity\":"
                + opp.replace("stage_lead", "stage_contracted")
                        .replace("open", "won")
                        .replace("13:00:00.000Z", "14:30:00.000Z")
                + "}"));
        server.enqueue(json("{\"succeded\":true}"));
        server.enqueue(json("{\"succeded\":true}"));
        server.enqueue(
                json(
                        "{\"pipelines\":[{\"id\":\"pipe_recruiting\",\"name\":\"Agent Recruiting\",\"stages\":["
                                + "{\"id\":\"stage_contacted\",\"name\":\"Contacted\",\"position\":1},{\"id\":\"stage_lead\",\"name\":\"Lead\",\"position\":0}]}]}"));
        LocationId loc = new LocationId(LOC);

        var created = ghl.opportunities()
                .create(new OpportunityDraft(
                        loc,
                        new PipelineId("pipe_recruiting"),
                        new StageId("stage_lead"),
                        new ContactId("cont_1"),
                        "John Smith - Agent Recruit",
                        OpportunityStatus.OPEN,
                        new BigDecimal("5000"),
                        Optional.of(new UserId("user_gary123"))));
        var found = ghl.opportunities().findForContact(loc, new PipelineId("pipe_recruiting"), new ContactId("cont_1"));
        var listed = ghl.opportunities()
                .search(loc, new PipelineId("pipe_recruiting"))
                .toList();
        var moved = ghl.opportunities()
                .move(
                        loc,
                        new OpportunityId("opp_1"),
                        new StageId("stage_contracted"),
                        OpportunityStatus.WON,
                        Optional.of(new BigDecimal("5000")));
        ghl.opportunities().updateStatus(loc, new OpportunityId("opp_1"), OpportunityStatus.LOST);
        ghl.opportunities().delete(loc, new OpportunityId("opp_1"));
        var pipelines = ghl.pipelines().list(loc);

        RecordedRequest create = take(server);
        assertThat(create.getMethod() + " " + create.getPath()).isEqualTo("POST /opportunities/");
        assertThat(create.getBody().readUtf8())
                .contains(
                        "\"pipelineStageId\":\"stage_lead\"",
                        "\"status\":\"open\"",
                        "\"monetaryValue\":5000",
                        "\"assignedTo\":\"user_gary123\"");
        assertThat(take(server).getPath())
                .isEqualTo(
                        "/opportunities/search?location_id=loc_abc123&pipeline_id=pipe_recruiting&contact_id=cont_1&limit=100");
        assertThat(take(server).getPath())
                .isEqualTo("/opportunities/search?location_id=loc_abc123&pipeline_id=pipe_recruiting&limit=100");
        RecordedRequest move = take(server);
        assertThat(move.getMethod() + " " + move.getPath()).isEqualTo("PUT /opportunities/opp_1");
        assertThat(move.getBody().readUtf8())
                .isEqualTo("{\"pipelineStageId\":\"stage_contracted\",\"status\":\"won\",\"monetaryValue\":5000.0}");
        RecordedRequest status = take(server);
        assertThat(status.getMethod() + " " + status.getPath()).isEqualTo("PUT /opportunities/opp_1/status");
        assertThat(status.getBody().readUtf8()).isEqualTo("{\"status\":\"lost\"}");
        assertThat(take(server).getMethod()).isEqualTo("DELETE");
        RecordedRequest pipes = take(server);
        assertThat(pipes.getPath()).isEqualTo("/opportunities/pipelines?locationId=loc_abc123");
        assertCommonHeaders(pipes, "2021-07-28");

        assertThat(created.id()).isEqualTo(new OpportunityId("opp_1"));
        assertThat(created.updatedAt()).contains(Instant.parse("2026-02-12T13:00:00Z"));
        assertThat(found).map(o -> o.id().value()).contains("opp_1");
        GhlOpportunity full = listed.get(0);
        assertThat(full.monetaryValue()).isEqualByComparingTo("5000");
        assertThat(full.assignedTo()).contains(new UserId("user_gary123"));
        assertThat(full.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(full.contact()).isEqualTo(new ContactId("cont_1"));
        // GHL's own time of the move, read from the PUT's answer.
        assertThat(moved).contains(Instant.parse("2026-02-12T14:30:00Z"));
        assertThat(pipelines.get(0).stages())
                .extracting(s -> s.id().value())
                .containsExactly("stage_lead", "stage_contacted");
    }

    @Test
    void conversationsAndCalendarsSendVersion20210415() throws Exception {
        server.enqueue(json(
                "{\"conversationId\":\"conv_1\",\"messageId\":\"msg_1\",\"msg\":\"Message queued successfully.\"}"));
        server.enqueue(json("{\"conversationId\":\"conv_1\",\"messageId\":\"msg_2\"}"));
        server.enqueue(json("{\"conversations\":[{\"id\":\"conv_1\",\"contactId\":\"cont_1\",\"locationId\":\"" + LOC
                + "\"}],\"total\":1}"));
        server.enqueue(json("{\"calendars\":[{\"id\":\"cal_1\",\"locationId\":\"" + LOC
                + "\",\"name\":\"Presentations\"," + "\"slotDuration\":45,\"slotDurationUnit\":\"mins\"}]}"));
        server.enqueue(json("{\"2026-02-12\":{\"slots\":[\"2026-02-12T09:00:00-05:00\",\"2026-02-12T10:00:00-05:00\"]},"
                + "\"traceId\":\"trace-9\"}"));
        String appt =
                "{\"id\":\"appt_1\",\"calendarId\":\"cal_1\",\"locationId\":\"" + LOC + "\",\"contactId\":\"cont_1\","
                        + "\"startTime\":\"2026-02-14T15:00:00Z\",\"endTime\":\"2026-02-14T15:30:00Z\",\"title\":\"iDecide\","
                        + "\"appointmentStatus\":\"confirmed\"}";
        server.enqueue(json(appt));
        server.enqueue(json(appt.replace("confirmed", "showed")));
        server.enqueue(json(201, "{\"succeeded\":true}"));
        LocationId loc = new LocationId(LOC);
        ContactId contact = new ContactId("cont_1");

        var sms = ghl.conversations().send(OutgoingMessage.sms(loc, contact, "Hi John, this is Gary."));
        ghl.conversations()
                .send(new OutgoingMessage(
                        loc,
                        contact,
                        Channel.EMAIL,
                        "<p>Hi John</p>",
                        Optional.of("Exciting Opportunity"),
                        Optional.of("gary@oocunlimited.com")));
        var conversation = ghl.conversations().findConversation(loc, contact);
        var calendars = ghl.calendars().list(loc);
        Instant from = Instant.parse("2026-02-12T00:00:00Z");
        var slots = ghl.calendars()
                .freeSlots(loc, new CalendarId("cal_1"), from, from.plusSeconds(86_400), ZoneId.of("America/New_York"));
        Slot slot = new Slot(Instant.parse("2026-02-14T15:00:00Z"), Instant.parse("2026-02-14T15:30:00Z"));
        var booked = ghl.calendars()
                .book(new AppointmentDraft(
                        new CalendarId("cal_1"), loc, contact, slot, "iDecide", AppointmentStatus.CONFIRMED));
        var updated = ghl.calendars().update(loc, new AppointmentId("appt_1"), slot, AppointmentStatus.SHOWED);
        ghl.calendars().cancel(loc, new AppointmentId("appt_1"));

        RecordedRequest send = take(server);
        assertThat(send.getMethod() + " " + send.getPath()).isEqualTo("POST /conversations/messages");
        assertCommonHeaders(send, "2021-04-15");
        assertThat(send.getBody().readUtf8())
                .isEqualTo("{\"type\":\"SMS\",\"contactId\":\"cont_1\",\"message\":\"Hi John, this is Gary.\"}");
        assertThat(take(server).getBody().readUtf8())
                .isEqualTo(
                        "{\"type\":\"Email\",\"contactId\":\"cont_1\","
                                + "\"message\":\"<p>Hi John</p>\",\"subject\":\"Exciting Opportunity\",\"emailFrom\":\"gary@oocunlimited.com\"}");
        RecordedRequest search = take(server);
        assertThat(search.getPath()).isEqualTo("/conversations/search?locationId=loc_abc123&contactId=cont_1&limit=20");
        assertCommonHeaders(search, "2021-04-15");
        RecordedRequest list = take(server);
        assertThat(list.getPath()).isEqualTo("/calendars/?locationId=loc_abc123");
        assertCommonHeaders(list, "2021-04-15");
        RecordedRequest free = take(server);
        assertThat(free.getPath())
                .isEqualTo("/calendars/cal_1/free-slots?startDate=" + from.toEpochMilli() + "&endDate="
                        + from.plusSeconds(86_400).toEpochMilli() + "&timezone=America%2FNew_York");
        assertCommonHeaders(free, "2021-04-15");
        RecordedRequest book = take(server);
        assertThat(book.getMethod() + " " + book.getPath()).isEqualTo("POST /calendars/events/appointments");
        assertThat(book.getBody().readUtf8())
                .isEqualTo("{\"calendarId\":\"cal_1\",\"locationId\":\"loc_abc123\","
                        + "\"contactId\":\"cont_1\",\"startTime\":\"2026-02-14T15:00Z\",\"endTime\":\"2026-02-14T15:30Z\","
                        + "\"title\":\"iDecide\",\"appointmentStatus\":\"confirmed\"}");
        RecordedRequest edit = take(server);
        assertThat(edit.getMethod() + " " + edit.getPath()).isEqualTo("PUT /calendars/events/appointments/appt_1");
        RecordedRequest cancel = take(server);
        assertThat(cancel.getMethod() + " " + cancel.getPath()).isEqualTo("DELETE /calendars/events/appt_1");
        assertThat(cancel.getBody().readUtf8()).isEqualTo("{}");

        assertThat(sms.messageId().value()).isEqualTo("msg_1");
        assertThat(sms.conversationId().value()).isEqualTo("conv_1");
        assertThat(conversation).map(c -> c.value()).contains("conv_1");
        assertThat(calendars).hasSize(1);
        // The list gave a 45-minute slot duration; the traceId key among the dates is ignored.
        assertThat(slots)
                .containsExactly(
                        new Slot(Instant.parse("2026-02-12T14:00:00Z"), Instant.parse("2026-02-12T14:45:00Z")),
                        new Slot(Instant.parse("2026-02-12T15:00:00Z"), Instant.parse("2026-02-12T15:45:00Z")));
        assertThat(booked.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(updated.status()).isEqualTo(AppointmentStatus.SHOWED);
    }

    @Test
    void freeSlotsSplitRangesLongerThan31Days() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(json("{\"traceId\":\"t\"}"));
        }
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = from.plus(java.time.Duration.ofDays(70));

        assertThat(ghl.calendars().freeSlots(LOCATION, new CalendarId("cal_1"), from, to, ZoneId.of("UTC")))
                .isEmpty();

        long day = 86_400_000L;
        assertThat(take(server).getPath())
                .contains("startDate=" + from.toEpochMilli(), "endDate=" + (from.toEpochMilli() + 31 * day));
        assertThat(take(server).getPath())
                .contains(
                        "startDate=" + (from.toEpochMilli() + 31 * day), "endDate=" + (from.toEpochMilli() + 62 * day));
        assertThat(take(server).getPath())
                .contains("startDate=" + (from.toEpochMilli() + 62 * day), "endDate=" + to.toEpochMilli());
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void locationsAndUsers() throws Exception {
        server.enqueue(json("{\"location\":{\"id\":\"" + LOC
                + "\",\"companyId\":\"comp_abc\",\"name\":\"OOC\",\"timezone\":\"America/New_York\"}}"));
        server.enqueue(json("{\"locations\":[{\"id\":\"loc_1\",\"name\":\"A\"},{\"id\":\"loc_2\",\"name\":\"B\"}]}"));
        server.enqueue(
                json("{\"users\":[{\"id\":\"user_gary123\",\"name\":\"Gary\",\"email\":\"gary@oocunlimited.com\"}]}"));
        server.enqueue(
                json("{\"users\":[{\"id\":\"user_gary123\",\"firstName\":\"Gary\",\"lastName\":\"O\"}],\"count\":1}"));
        server.enqueue(json("{\"id\":\"user_gary123\",\"name\":\"Gary\",\"email\":\"gary@oocunlimited.com\"}"));
        server.enqueue(json("{\"workflows\":[{\"id\":\"wf_1\",\"name\":\"Speed to Lead\",\"status\":\"published\"},"
                + "{\"id\":\"wf_2\",\"name\":\"Draft\",\"status\":\"draft\"}]}"));

        var location = ghl.directory().findLocation(LOCATION);
        var all = ghl.directory().searchLocations(new CompanyId("comp_abc"));
        var users = ghl.directory().usersOf(LOCATION);
        var found = ghl.directory().searchUsers(new CompanyId("comp_abc"), "gary");
        var user = ghl.directory().findUser(LOCATION, new UserId("user_gary123"));
        var flows = ghl.workflows().findByName(LOCATION, "speed to lead");

        assertThat(take(server).getPath()).isEqualTo("/locations/loc_abc123");
        assertThat(take(server).getPath()).isEqualTo("/locations/search?companyId=comp_abc&skip=0&limit=100");
        assertThat(take(server).getPath()).isEqualTo("/users/?locationId=loc_abc123");
        assertThat(take(server).getPath()).isEqualTo("/users/search?companyId=comp_abc&query=gary&skip=0&limit=100");
        assertThat(take(server).getPath()).isEqualTo("/users/user_gary123");
        assertThat(take(server).getPath()).isEqualTo("/workflows/?locationId=loc_abc123");
        assertThat(location.orElseThrow().timeZone()).contains(ZoneId.of("America/New_York"));
        assertThat(location.orElseThrow().companyId()).contains(new CompanyId("comp_abc"));
        assertThat(all).hasSize(2);
        assertThat(users).extracting(u -> u.name()).containsExactly("Gary");
        assertThat(found).extracting(u -> u.name()).containsExactly("Gary O");
        assertThat(user).isPresent();
        assertThat(flows).map(w -> w.published()).contains(true);
    }

    @Test
    void versionOverrideReplacesTheServiceDefault() throws Exception {
        ghl.close();
        ghl = GhlClient.create(
                MockGhl.config(server)
                        .versionOverrides(Map.of("calendars", "2099-01-01"))
                        .build(),
                null,
                Clock.system());
        server.enqueue(json("{\"calendars\":[]}"));
        server.enqueue(json("{\"workflows\":[]}"));

        ghl.calendars().list(LOCATION);
        ghl.workflows().list(LOCATION);

        assertThat(take(server).getHeader("Version")).isEqualTo("2099-01-01");
        assertThat(take(server).getHeader("Version")).isEqualTo("2021-07-28");
    }

    @Test
    void aV1ApiKeyGoesToTheV1BaseUrlAndSearchesWithTheLegacyGet() throws Exception {
        ghl.close();
        ghl = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl("https://services.invalid")
                        .v1BaseUrl(server.url("/v1").toString())
                        .v1ApiKey("v1-key")
                        .defaultLocation(LOC)
                        .backoff(java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(2))
                        .build(),
                null,
                Clock.system());
        server.enqueue(json("{\"contacts\":[" + MockGhl.contactJson("c1") + "],\"count\":1,\"meta\":{\"total\":1}}"));

        var hits = ghl.contacts().search(LOCATION, "john").toList();

        RecordedRequest r = take(server);
        assertThat(r.getPath()).isEqualTo("/v1/contacts/?locationId=loc_abc123&query=john&limit=100");
        assertThat(r.getHeader("Authorization")).isEqualTo("Bearer v1-key");
        assertThat(hits).hasSize(1);
    }
}
