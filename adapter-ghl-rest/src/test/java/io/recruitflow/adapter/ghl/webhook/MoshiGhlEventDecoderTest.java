package io.recruitflow.adapter.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEvent.OpportunityChange;
import io.recruitflow.application.applyghlevent.GhlEventDecoder;
import io.recruitflow.application.applyghlevent.GhlEventDecoder.MalformedEventException;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.ghl.specs.GhlSpecs;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoshiGhlEventDecoderTest {

    private static final Instant TS = Instant.parse("2025-01-28T14:35:00Z");
    private final MoshiGhlEventDecoder decoder = new MoshiGhlEventDecoder();

    // ---- every example payload of GHL's webhook event pages (ghl-specs)

    /** File name → the webhook type GHL sends for it. */
    private static final Map<String, String> TYPE_OF_FILE = Map.of(
            "AppInstall",
            "INSTALL",
            "AppUninstall",
            "UNINSTALL",
            "ConversationUnreadWebhook",
            "ConversationUnreadUpdate");

    /** What each example decodes to, in file order (null: not acted on). */
    private static final Map<String, List<Class<?>>> EXPECTED = Map.ofEntries(
            Map.entry("AppInstall", list(GhlEvent.AppInstalled.class, GhlEvent.AppInstalled.class, null)),
            Map.entry("AppUninstall", list(GhlEvent.AppUninstalled.class, null)),
            Map.entry("AppointmentCreate", list(GhlEvent.AppointmentChanged.class)),
            Map.entry("AppointmentUpdate", list(GhlEvent.AppointmentChanged.class)),
            Map.entry("AppointmentDelete", list(GhlEvent.AppointmentDeleted.class)),
            Map.entry("ContactCreate", list(GhlEvent.ContactChanged.class)),
            Map.entry("ContactUpdate", list(GhlEvent.ContactChanged.class)),
            Map.entry("ContactDelete", list(GhlEvent.ContactDeleted.class)),
            Map.entry("ContactDndUpdate", list(GhlEvent.DndChanged.class)),
            Map.entry("ContactTagUpdate", list(GhlEvent.TagsChanged.class)),
            Map.entry("ConversationUnreadWebhook", list(GhlEvent.ConversationUnread.class)),
            // SMS, call, voicemail call, email
            Map.entry(
                    "InboundMessage", list(GhlEvent.MessageReceived.class, null, null, GhlEvent.MessageReceived.class)),
            // SMS, call, workflow voicemail, email
            Map.entry("OutboundMessage", list(GhlEvent.MessageSent.class, null, null, GhlEvent.MessageSent.class)),
            Map.entry("NoteCreate", list(GhlEvent.NoteCreated.class)),
            Map.entry("TaskCreate", list(GhlEvent.TaskCreated.class)),
            Map.entry("OpportunityCreate", list(GhlEvent.OpportunityChanged.class)),
            Map.entry("OpportunityUpdate", list(GhlEvent.OpportunityChanged.class)),
            Map.entry("OpportunityStageUpdate", list(GhlEvent.OpportunityChanged.class)),
            Map.entry("OpportunityStatusUpdate", list(GhlEvent.OpportunityChanged.class)),
            Map.entry("OpportunityMonetaryValueUpdate", list(GhlEvent.OpportunityChanged.class)),
            Map.entry("OpportunityAssignedToUpdate", list(GhlEvent.OpportunityChanged.class)),
            Map.entry("OpportunityDelete", list(GhlEvent.OpportunityDeleted.class)));

    private static List<Class<?>> list(Class<?>... classes) {
        return java.util.Arrays.asList(classes);
    }

    static Stream<Arguments> documentedExamples() throws IOException {
        Pattern block = Pattern.compile("```json\\s*\\n(.*?)```", Pattern.DOTALL);
        List<Arguments> out = new ArrayList<>();
        GhlSpecs.webhookEvents().forEach((name, markdown) -> {
            Matcher m = block.matcher(markdown);
            int i = 0;
            while (m.find()) {
                out.add(Arguments.of(name, i++, m.group(1)));
            }
        });
        assertThat(out).hasSizeGreaterThanOrEqualTo(28);
        return out.stream();
    }

    @ParameterizedTest(name = "{0} example {1}")
    @MethodSource("documentedExamples")
    void every_documented_example_decodes_as_expected(String file, int index, String json) {
        assertThat(EXPECTED).containsKey(file);
        String type = TYPE_OF_FILE.getOrDefault(file, file);
        // Real deliveries carry the envelope fields the schema pages leave out.
        String delivered = json.strip()
                .replaceFirst("^\\{", "{\"webhookId\":\"wh_" + file + index + "\",\"timestamp\":\"" + TS + "\",");
        Class<?> expected = EXPECTED.get(file).get(index);
        Optional<GhlEvent> event;
        try {
            event = decoder.decode(type, delivered.getBytes(StandardCharsets.UTF_8));
        } catch (GhlEventDecoder.IgnoredEventException e) {
            // Not acted on, and kept with its reason (an agency-level install names no location).
            assertThat(expected).as(e.getMessage()).isNull();
            event = Optional.empty();
        }
        if (expected == null) {
            assertThat(event).isEmpty();
        } else {
            assertThat(event).get().isInstanceOf(expected);
            assertThat(event.get().eventId()).isEqualTo("wh_" + file + index);
            assertThat(event.get().occurredAt()).isEqualTo(TS);
        }
    }

    @Test
    void every_documented_type_and_install_events_are_known_and_the_decoder_covers_22_types() {
        assertThat(GhlEventTypes.KNOWN).hasSize(22);
        for (String file : EXPECTED.keySet()) {
            assertThat(GhlEventTypes.KNOWN).contains(TYPE_OF_FILE.getOrDefault(file, file));
        }
    }

    // ---- field by field

    @Test
    void contact_create_maps_its_fields() {
        GhlEvent.ContactChanged c = (GhlEvent.ContactChanged) decode("ContactCreate", """
                {"type":"ContactCreate","locationId":"loc_1","id":"c_1","email":" Ann@Example.COM ","phone":"+14075551234",
                 "tags":["Licensed"," Life-Licensed ",""],"dnd":false,"dateAdded":"2021-11-26T12:41:02.193Z",
                 "webhookId":"wh_1","timestamp":"2025-01-28T14:35:00Z","customFields":[{"id":"x","value":{"a":1}}]}""");
        assertThat(c.created()).isTrue();
        assertThat(c.location().value()).isEqualTo("loc_1");
        assertThat(c.contactId().value()).isEqualTo("c_1");
        assertThat(c.email()).contains(new EmailAddress("ann@example.com"));
        assertThat(c.phone()).contains(new PhoneNumber("+14075551234"));
        assertThat(c.tags()).containsExactlyInAnyOrder("Licensed", "Life-Licensed");
        assertThat(c.dnd().blocksTexts()).isFalse();
        assertThat(c.occurredAt()).isEqualTo(TS);
        assertThat(c.contact()).contains(c.contactId());
    }

    @Test
    void optional_contact_fields_may_be_missing_or_unusable() {
        GhlEvent.ContactChanged c = (GhlEvent.ContactChanged) decode("ContactUpdate", """
                {"locationId":"loc_1","id":"c_1","phone":"(407) 555-1234","email":"not-an-email",
                 "dateUpdated":"2026-01-02T03:04:05.000Z","dateAdded":"2020-01-01T00:00:00Z"}""");
        assertThat(c.created()).isFalse();
        assertThat(c.email()).isEmpty();
        assertThat(c.phone()).isEmpty();
        assertThat(c.tags()).isEmpty();
        assertThat(c.dnd().blocksTexts()).isFalse();
        assertThat(c.eventId()).startsWith("sha256:"); // no webhookId: the receiver's digest id
        assertThat(c.occurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z")); // dateUpdated before dateAdded
    }

    @Test
    void sms_dnd_in_dnd_settings_counts_as_dnd_and_a_dnd_update_without_either_field_is_malformed() {
        GhlEvent.DndChanged d = (GhlEvent.DndChanged) decode("ContactDndUpdate", """
                {"locationId":"l","id":"c","dnd":false,"timestamp":"2025-01-28T14:35:00Z",
                 "dndSettings":{"SMS":{"status":"active","code":"101"},"Email":{"status":"inactive"}}}""");
        assertThat(d.dnd().blocksTexts()).isTrue();
        GhlEvent.DndChanged off = (GhlEvent.DndChanged) decode("ContactDndUpdate", """
                {"locationId":"l","id":"c","dnd":false,"timestamp":"2025-01-28T14:35:00Z",
                 "dndSettings":{"SMS":{"status":"inactive"},"Email":{"status":"active"}}}""");
        assertThat(off.dnd().blocksTexts()).isFalse();
        assertMalformed(
                "ContactDndUpdate",
                "{\"locationId\":\"l\",\"id\":\"c\",\"timestamp\":\"2025-01-28T14:35:00Z\"}",
                "dnd");
    }

    @Test
    void a_permanent_sms_dnd_and_dnd_on_all_channels_count_as_dnd() {
        GhlEvent.DndChanged permanent = (GhlEvent.DndChanged) decode("ContactDndUpdate", """
                {"locationId":"l","id":"c","dnd":false,"timestamp":"2025-01-28T14:35:00Z",
                 "dndSettings":{"SMS":{"status":"permanent","code":"103"}}}""");
        assertThat(permanent.dnd().blocksTexts()).isTrue();
        GhlEvent.DndChanged all = (GhlEvent.DndChanged) decode("ContactDndUpdate", """
                {"locationId":"l","id":"c","dnd":false,"timestamp":"2025-01-28T14:35:00Z",
                 "dndSettings":{"all":{"status":"active"},"SMS":{"status":"inactive"}}}""");
        assertThat(all.dnd().blocksTexts()).isTrue();
    }

    @Test
    void opportunity_events_carry_their_change_and_an_exact_monetary_value() {
        Map<String, OpportunityChange> changes = Map.of(
                "OpportunityCreate",
                OpportunityChange.CREATED,
                "OpportunityUpdate",
                OpportunityChange.UPDATED,
                "OpportunityStageUpdate",
                OpportunityChange.STAGE_CHANGED,
                "OpportunityStatusUpdate",
                OpportunityChange.STATUS_CHANGED,
                "OpportunityMonetaryValueUpdate",
                OpportunityChange.VALUE_CHANGED,
                "OpportunityAssignedToUpdate",
                OpportunityChange.ASSIGNED);
        changes.forEach((type, change) -> {
            GhlEvent.OpportunityChanged o = (GhlEvent.OpportunityChanged) decode(type, """
                    {"locationId":"loc","id":"opp","contactId":"c","pipelineId":"pipe","pipelineStageId":"stage",
                     "status":"won","monetaryValue":1234.10,"timestamp":"2025-01-28T14:35:00Z"}""");
            assertThat(o.change()).isEqualTo(change);
            assertThat(o.opportunityId().value()).isEqualTo("opp");
            assertThat(o.contactId().value()).isEqualTo("c");
            assertThat(o.pipeline().value()).isEqualTo("pipe");
            assertThat(o.stage().value()).isEqualTo("stage");
            assertThat(o.status()).isEqualTo(OpportunityStatus.WON);
            assertThat(o.monetaryValue()).isEqualTo(new BigDecimal("1234.10"));
        });
    }

    @Test
    void an_assigned_to_update_carries_the_opportunitys_user_and_a_blank_one_is_none() {
        GhlEvent.OpportunityChanged o = (GhlEvent.OpportunityChanged) decode("OpportunityAssignedToUpdate", """
                {"locationId":"loc","id":"opp","contactId":"c","pipelineId":"pipe","pipelineStageId":"stage",
                 "assignedTo":"user_ben789","timestamp":"2025-01-28T14:35:00Z"}""");
        assertThat(o.assignedTo()).contains(new io.recruitflow.domain.shared.UserId("user_ben789"));
        GhlEvent.OpportunityChanged blank = (GhlEvent.OpportunityChanged) decode("OpportunityAssignedToUpdate", """
                {"locationId":"loc","id":"opp","contactId":"c","pipelineId":"pipe","pipelineStageId":"stage",
                 "assignedTo":" ","timestamp":"2025-01-28T14:35:00Z"}""");
        assertThat(blank.assignedTo()).isEmpty();
    }

    @Test
    void the_references_stage_update_without_status_or_value_reads_as_open_and_zero() {
        GhlEvent.OpportunityChanged o = (GhlEvent.OpportunityChanged) decode("OpportunityStageUpdate", """
                {"type":"OpportunityStageUpdate","locationId":"loc_abc123","id":"opp_abc456",
                 "pipelineId":"pipe_recruiting","pipelineStageId":"stage_contracted","contactId":"cont_xyz789",
                 "dateUpdated":"2026-02-12T15:00:00Z"}""");
        assertThat(o.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(o.monetaryValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(o.occurredAt()).isEqualTo(Instant.parse("2026-02-12T15:00:00Z"));
    }

    @Test
    void appointments_nest_under_appointment_and_keep_the_offset_of_their_times() {
        GhlEvent.AppointmentChanged a = (GhlEvent.AppointmentChanged) decode("AppointmentCreate", """
                {"type":"AppointmentCreate","locationId":"loc","timestamp":"2025-01-28T14:35:00Z","appointment":{
                 "id":"apt","calendarId":"cal","contactId":"c","title":"Presentation","appointmentStatus":"confirmed",
                 "startTime":"2023-09-25T16:00:00+05:30","endTime":"2023-09-25T16:30:00+05:30"}}""");
        assertThat(a.created()).isTrue();
        assertThat(a.appointmentId().value()).isEqualTo("apt");
        assertThat(a.calendar().value()).isEqualTo("cal");
        assertThat(a.contactId().value()).isEqualTo("c");
        assertThat(a.start()).isEqualTo(Instant.parse("2023-09-25T10:30:00Z"));
        assertThat(a.end()).isEqualTo(Instant.parse("2023-09-25T11:00:00Z"));
        assertThat(a.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(a.title()).isEqualTo("Presentation");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "new:NEW",
                "confirmed:CONFIRMED",
                "booked:CONFIRMED",
                "cancelled:CANCELLED",
                "canceled:CANCELLED",
                "invalid:CANCELLED",
                "showed:SHOWED",
                "noshow:NOSHOW",
                "no_show:NOSHOW",
                // GHL's own values (calendars spec, AppointmentSchemaResponse): set by GHL, never by a client
                "active:CONFIRMED",
                "completed:SHOWED"
            })
    void appointment_statuses(String mapping) {
        String[] p = mapping.split(":");
        GhlEvent.AppointmentChanged a = (GhlEvent.AppointmentChanged)
                decode("AppointmentUpdate", appointment("\"appointmentStatus\":\"" + p[0] + "\","));
        assertThat(a.status()).isEqualTo(AppointmentStatus.valueOf(p[1]));
        assertThat(a.created()).isFalse();
    }

    @Test
    void an_appointment_without_status_is_new_and_with_an_unknown_status_malformed() {
        assertThat(((GhlEvent.AppointmentChanged) decode("AppointmentUpdate", appointment(""))).status())
                .isEqualTo(AppointmentStatus.NEW);
        assertMalformed("AppointmentUpdate", appointment("\"appointmentStatus\":\"teleported\","), "appointmentStatus");
    }

    @Test
    void messages_map_sms_and_email_and_skip_other_channels() {
        GhlEvent.MessageReceived in = (GhlEvent.MessageReceived) decode("InboundMessage", """
                {"locationId":"l","contactId":"c","conversationId":"conv","messageType":"SMS","body":"STOP",
                 "timestamp":"2025-01-28T14:35:00Z","direction":"inbound"}""");
        assertThat(in.channel()).isEqualTo(Channel.SMS);
        assertThat(in.body()).isEqualTo("STOP");
        assertThat(in.conversation()).get().extracting(Object::toString).isEqualTo("conv");
        GhlEvent.MessageSent out = (GhlEvent.MessageSent) decode("OutboundMessage", """
                {"locationId":"l","contactId":"c","messageType":"TYPE_EMAIL","timestamp":"2025-01-28T14:35:00Z"}""");
        assertThat(out.channel()).isEqualTo(Channel.EMAIL);
        assertThat(out.body()).isEmpty();
        assertThat(out.conversation()).isEmpty();
        for (String other : List.of("CALL", "VoiceMail", "FB", "IG", "GMB", "Live Chat", "WhatsApp")) {
            assertThat(decoder.decode(
                            "InboundMessage",
                            Bodies.utf8("{\"locationId\":\"l\",\"contactId\":\"c\"," + "\"messageType\":\"" + other
                                    + "\",\"timestamp\":\"2025-01-28T14:35:00Z\"}")))
                    .as(other)
                    .isEmpty();
        }
    }

    @Test
    void notes_tasks_and_unread_counts() {
        GhlEvent.NoteCreated n = (GhlEvent.NoteCreated)
                decode(
                        "NoteCreate",
                        "{\"locationId\":\"l\",\"id\":\"n\",\"body\":\"called back\",\"dateAdded\":\"2021-11-26T12:41:02.193Z\"}");
        assertThat(n.contact()).isEmpty();
        assertThat(n.body()).isEqualTo("called back");
        GhlEvent.TaskCreated t = (GhlEvent.TaskCreated) decode(
                "TaskCreate",
                "{\"locationId\":\"l\",\"contactId\":\"c\",\"title\":\"Call\",\"timestamp\":\"2025-01-28T14:35:00Z\"}");
        assertThat(t.contact()).get().extracting(Object::toString).isEqualTo("c");
        assertThat(t.title()).isEqualTo("Call");
        GhlEvent.ConversationUnread u = (GhlEvent.ConversationUnread) decode(
                "ConversationUnreadUpdate",
                "{\"locationId\":\"l\",\"contactId\":\"c\",\"unreadCount\":3,\"timestamp\":\"1738074900000\"}");
        assertThat(u.unreadCount()).isEqualTo(3);
        assertThat(u.occurredAt()).isEqualTo(Instant.ofEpochMilli(1738074900000L));
    }

    @Test
    void installs_carry_the_company_and_agency_level_ones_are_not_acted_on() {
        GhlEvent.AppInstalled i = (GhlEvent.AppInstalled)
                decode(
                        "INSTALL",
                        "{\"type\":\"INSTALL\",\"appId\":\"app\",\"locationId\":\"l\",\"companyId\":\"co\",\"timestamp\":\"2025-01-28T14:35:00Z\"}");
        assertThat(i.company()).get().extracting(Object::toString).isEqualTo("co");
        assertThat(i.contact()).isEmpty();
        GhlEvent.AppUninstalled u = (GhlEvent.AppUninstalled) decode(
                "UNINSTALL", "{\"type\":\"UNINSTALL\",\"locationId\":\"l\",\"timestamp\":\"2025-01-28T14:35:00Z\"}");
        assertThat(u.company()).isEmpty();
        assertThatThrownBy(() -> decoder.decode(
                        "UNINSTALL", Bodies.utf8("{\"companyId\":\"co\",\"timestamp\":\"2025-01-28T14:35:00Z\"}")))
                .isInstanceOf(GhlEventDecoder.IgnoredEventException.class)
                .hasMessage("agency-level UNINSTALL of company co, naming no location");
    }

    private static final String OUR_APP = "66a0419a0dffa47fb5f8b22f";
    private final MoshiGhlEventDecoder ours =
            new MoshiGhlEventDecoder(MoshiGhlEventDecoder.appIdOf(Optional.of(OUR_APP + "-lz1k0yqs")));

    @Test
    void the_app_id_is_the_client_id_before_its_first_dash() {
        assertThat(MoshiGhlEventDecoder.appIdOf(Optional.of(OUR_APP + "-lz1k0yqs")))
                .contains(OUR_APP);
        assertThat(MoshiGhlEventDecoder.appIdOf(Optional.of("plain"))).contains("plain");
        assertThat(MoshiGhlEventDecoder.appIdOf(Optional.of(" "))).isEmpty();
        assertThat(MoshiGhlEventDecoder.appIdOf(Optional.empty())).isEmpty();
    }

    @Test
    void installs_and_uninstalls_of_another_app_are_ignored_with_the_reason() {
        String other = "{\"type\":\"%s\",\"appId\":\"ve9EPM428h8vShlRW1KT\",\"locationId\":\"l\",\"companyId\":\"co\","
                + "\"timestamp\":\"2025-01-28T14:35:00Z\"}";
        for (String type : List.of("INSTALL", "UNINSTALL")) {
            assertThatThrownBy(() -> ours.decodeAll(type, Bodies.utf8(other.formatted(type))))
                    .isInstanceOf(GhlEventDecoder.IgnoredEventException.class)
                    .hasMessage(type + " of another app (appId ve9EPM428h8vShlRW1KT), not this app's");
        }
        String mine = "{\"type\":\"INSTALL\",\"appId\":\"" + OUR_APP
                + "\",\"locationId\":\"l\",\"companyId\":\"co\",\"timestamp\":\"2025-01-28T14:35:00Z\"}";
        assertThat(ours.decodeAll("INSTALL", Bodies.utf8(mine)))
                .singleElement()
                .isInstanceOf(GhlEvent.AppInstalled.class);
        // Without a client id (a static token) there is nothing to compare with.
        assertThat(decoder.decodeAll("INSTALL", Bodies.utf8(other.formatted("INSTALL"))))
                .hasSize(1);
    }

    @Test
    void an_agency_level_install_names_no_location_and_is_ignored_with_the_reason() {
        // webhook-events/AppInstall.md, "For Agency Level App Install".
        String agency = "{\"type\":\"INSTALL\",\"appId\":\"" + OUR_APP + "\",\"companyId\":\"otg8dTQqGLh3Q6iQI55w\","
                + "\"planId\":\"66a0419a0dffa47fb5f8b22f\",\"trial\":{\"onTrial\":true,\"trialDuration\":10}}";
        assertThatThrownBy(() -> ours.decodeAll("INSTALL", Bodies.utf8(agency)))
                .isInstanceOf(GhlEventDecoder.IgnoredEventException.class)
                .hasMessage("agency-level INSTALL of company otg8dTQqGLh3Q6iQI55w, naming no location:"
                        + " each location's access comes with its own INSTALL");
        assertThatThrownBy(() -> ours.decodeAll("INSTALL", Bodies.utf8("{\"type\":\"INSTALL\"}")))
                .isInstanceOf(GhlEventDecoder.IgnoredEventException.class)
                .hasMessage("INSTALL names neither a location nor a company");
    }

    @Test
    void a_future_locations_install_lacks_the_company_and_is_an_install_without_one() {
        // AppInstall.md: "In case of app installation via future locations, you may not get these fields."
        GhlEvent.AppInstalled i = (GhlEvent.AppInstalled) ours.decodeAll(
                        "INSTALL",
                        Bodies.utf8("{\"type\":\"INSTALL\",\"appId\":\"" + OUR_APP
                                + "\",\"locationId\":\"otg8dTQqGLh3Q6iQI55w\",\"webhookId\":\"w1\","
                                + "\"timestamp\":\"2025-01-28T14:35:00Z\"}"))
                .get(0);
        assertThat(i.location().value()).isEqualTo("otg8dTQqGLh3Q6iQI55w");
        assertThat(i.company()).isEmpty();
        assertThat(i.eventId()).isEqualTo("w1");
    }

    @Test
    void a_bulk_install_is_one_install_per_location_each_with_its_own_id() {
        List<GhlEvent> events = ours.decodeAll(
                "INSTALL",
                Bodies.utf8("{\"type\":\"INSTALL\",\"appId\":\"" + OUR_APP + "\",\"companyId\":\"co\","
                        + "\"locationIds\":[\"l1\",\"l2\",\"l1\",\" \"],\"webhookId\":\"w2\","
                        + "\"timestamp\":\"2025-01-28T14:35:00Z\"}"));
        assertThat(events)
                .extracting(e -> e.eventId() + ":" + e.location().value() + ":"
                        + ((GhlEvent.AppInstalled) e).company().orElseThrow().value())
                .containsExactly("w2/l1:l1:co", "w2/l2:l2:co");
    }

    @Test
    void ids_sent_as_numbers_are_read_as_text() {
        GhlEvent.ContactDeleted d = (GhlEvent.ContactDeleted)
                decode("ContactDelete", "{\"locationId\":\"l\",\"id\":12345,\"timestamp\":\"2025-01-28T14:35:00Z\"}");
        assertThat(d.contactId().value()).isEqualTo("12345");
    }

    // ---- unknown and malformed

    @Test
    void unknown_types_are_empty_whatever_the_body() {
        assertThat(decoder.decode("LocationCreate", Bodies.utf8("{}"))).isEmpty();
        assertThat(decoder.decode("Unknown", Bodies.utf8("not even json"))).isEmpty();
        assertThat(decoder.decode(null, Bodies.utf8("{}"))).isEmpty();
    }

    @Test
    void a_known_type_without_its_essential_ids_is_malformed_and_the_message_names_the_field_not_values() {
        String ts = "\"timestamp\":\"2025-01-28T14:35:00Z\"";
        assertMalformed(
                "ContactCreate", "{\"locationId\":\"l\"," + ts + ",\"email\":\"secret@example.com\"}", "without id");
        assertMalformed("ContactCreate", "{\"id\":\"c\"," + ts + "}", "without locationId");
        assertMalformed(
                "OpportunityStageUpdate",
                "{\"locationId\":\"l\",\"id\":\"o\",\"pipelineId\":\"p\"," + "\"pipelineStageId\":\"s\"," + ts + "}",
                "without contactId");
        assertMalformed(
                "OpportunityStageUpdate",
                "{\"locationId\":\"l\",\"id\":\"o\",\"contactId\":\"c\"," + "\"pipelineId\":\"p\"," + ts + "}",
                "without pipelineStageId");
        assertMalformed("OpportunityDelete", "{\"locationId\":\"l\"," + ts + "}", "without id");
        assertMalformed("AppointmentCreate", "{\"locationId\":\"l\"," + ts + "}", "no appointment");
        assertMalformed("AppointmentCreate", appointment("").replace("\"calendarId\":\"cal\",", ""), "calendarId");
        assertMalformed(
                "AppointmentCreate",
                appointment("").replace("\"startTime\":\"2023-09-25T16:00:00+05:30\",", ""),
                "startTime");
        assertMalformed("InboundMessage", "{\"locationId\":\"l\",\"messageType\":\"SMS\"," + ts + "}", "contactId");
        assertMalformed("ContactCreate", "{\"locationId\":\"l\",\"id\":\"c\"}", "timestamp");
    }

    @Test
    void wrong_shapes_and_broken_json_are_malformed() {
        String ts = "\"timestamp\":\"2025-01-28T14:35:00Z\"";
        assertMalformed(
                "ContactTagUpdate", "{\"locationId\":\"l\",\"id\":\"c\",\"tags\":\"a,b\"," + ts + "}", "$.tags");
        assertMalformed("ContactCreate", "{\"locationId\":\"l\",\"id\":\"c\",\"dnd\":\"yes\"," + ts + "}", "$.dnd");
        assertMalformed(
                "OpportunityUpdate",
                "{\"locationId\":\"l\",\"id\":\"o\",\"contactId\":\"c\",\"pipelineId\":\"p\","
                        + "\"pipelineStageId\":\"s\",\"monetaryValue\":\"lots\"," + ts + "}",
                "$.monetaryValue");
        assertMalformed(
                "OpportunityUpdate",
                "{\"locationId\":\"l\",\"id\":\"o\",\"contactId\":\"c\",\"pipelineId\":\"p\","
                        + "\"pipelineStageId\":\"s\",\"status\":\"maybe\"," + ts + "}",
                "status");
        assertMalformed("ContactCreate", "{\"locationId\":", "JSON");
        assertMalformed("ContactCreate", "[]", "not a JSON object");
    }

    private GhlEvent decode(String type, String json) {
        return decoder.decode(type, json.getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    private void assertMalformed(String type, String json, String messagePart) {
        assertThatThrownBy(() -> decoder.decode(type, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining(messagePart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret@example.com"));
    }

    private static String appointment(String extra) {
        return "{\"locationId\":\"loc\",\"timestamp\":\"2025-01-28T14:35:00Z\",\"appointment\":{" + extra
                + "\"id\":\"apt\",\"calendarId\":\"cal\",\"contactId\":\"c\",\"startTime\":\"2023-09-25T16:00:00+05:30\","
                + "\"endTime\":\"2023-09-25T16:30:00+05:30\"}}";
    }
}
