package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JSON fixture round-trips for every DTO: the fixtures (src/test/resources/fixtures) are the specs' examples,
 * corrected where the spec is wrong (pipeline stages are objects, custom fields are {id, key, field_value} on
 * input), plus real-world shapes (free slots with a traceId key, the wrapped messages page, numeric and list
 * custom field values). Each fixture reads into its DTO with every field we model filled, writes back, and
 * reads again to an equal DTO.
 */
class DtoFixtureTest {
    private static final Moshi MOSHI = GhlJson.moshi();

    private static final Map<String, Class<?>> FIXTURES = new LinkedHashMap<>();

    static {
        FIXTURES.put("contacts-CreateContactDto", ContactDtos.CreateContactDto.class);
        FIXTURES.put("contacts-UpsertContactDto", ContactDtos.UpsertContactDto.class);
        FIXTURES.put("contacts-UpdateContactDto", ContactDtos.UpdateContactDto.class);
        FIXTURES.put(
                "contacts-CreateContactsSuccessfulResponseDto", ContactDtos.CreateContactsSuccessfulResponseDto.class);
        FIXTURES.put(
                "contacts-UpsertContactsSuccessfulResponseDto", ContactDtos.UpsertContactsSuccessfulResponseDto.class);
        FIXTURES.put(
                "contacts-ContactsSearchSuccessfulResponseDto", ContactDtos.ContactsSearchSuccessfulResponseDto.class);
        FIXTURES.put("contacts-ContactsByIdSuccessfulResponseDto", ContactDtos.ContactsByIdSuccessfulResponseDto.class);
        FIXTURES.put(
                "contacts-UpdateContactsSuccessfulResponseDto", ContactDtos.UpdateContactsSuccessfulResponseDto.class);
        FIXTURES.put(
                "contacts-DeleteContactsSuccessfulResponseDto", ContactDtos.DeleteContactsSuccessfulResponseDto.class);
        FIXTURES.put("contacts-TagsDTO", ContactDtos.TagsDTO.class);
        FIXTURES.put("contacts-CreateAddTagSuccessfulResponseDto", ContactDtos.CreateAddTagSuccessfulResponseDto.class);
        FIXTURES.put(
                "contacts-CreateDeleteTagSuccessfulResponseDto",
                ContactDtos.CreateDeleteTagSuccessfulResponseDto.class);
        FIXTURES.put(
                "contacts-ContactsWorkflowSuccessfulResponseDto",
                ContactDtos.ContactsWorkflowSuccessfulResponseDto.class);
        FIXTURES.put("contacts-search-v2", ContactDtos.SearchContactsV2ResponseDto.class);
        FIXTURES.put("opportunities-CreateDto", OpportunityDtos.CreateDto.class);
        FIXTURES.put("opportunities-UpdateOpportunityDto", OpportunityDtos.UpdateOpportunityDto.class);
        FIXTURES.put("opportunities-UpdateStatusDto", OpportunityDtos.UpdateStatusDto.class);
        FIXTURES.put(
                "opportunities-GetPostOpportunitySuccessfulResponseDto",
                OpportunityDtos.GetPostOpportunitySuccessfulResponseDto.class);
        FIXTURES.put("opportunities-SearchSuccessfulResponseDto", OpportunityDtos.SearchSuccessfulResponseDto.class);
        FIXTURES.put(
                "opportunities-DeleteUpdateOpportunitySuccessfulResponseDto",
                OpportunityDtos.DeleteUpdateOpportunitySuccessfulResponseDto.class);
        FIXTURES.put(
                "opportunities-GetPipelinesSuccessfulResponseDto",
                OpportunityDtos.GetPipelinesSuccessfulResponseDto.class);
        FIXTURES.put("conversations-SendMessageBodyDto", ConversationDtos.SendMessageBodyDto.class);
        FIXTURES.put("conversations-SendMessageResponseDto", ConversationDtos.SendMessageResponseDto.class);
        FIXTURES.put("conversations-SendConversationResponseDto", ConversationDtos.SendConversationResponseDto.class);
        FIXTURES.put(
                "conversations-GetMessagesByConversationResponseDto",
                ConversationDtos.GetMessagesByConversationResponseDto.class);
        FIXTURES.put("conversations-messages-wrapped", ConversationDtos.GetMessagesByConversationResponseDto.class);
        FIXTURES.put(
                "calendars-CalendarsGetSuccessfulResponseDTO", CalendarDtos.CalendarsGetSuccessfulResponseDTO.class);
        FIXTURES.put(
                "calendars-CalendarByIdSuccessfulResponseDTO", CalendarDtos.CalendarByIdSuccessfulResponseDTO.class);
        FIXTURES.put("calendars-AppointmentCreateSchema", CalendarDtos.AppointmentCreateSchema.class);
        FIXTURES.put("calendars-AppointmentEditSchema", CalendarDtos.AppointmentEditSchema.class);
        FIXTURES.put("calendars-AppointmentSchemaResponse", CalendarDtos.AppointmentSchemaResponse.class);
        FIXTURES.put("calendars-DeleteEventSuccessfulResponseDto", CalendarDtos.DeleteEventSuccessfulResponseDto.class);
        FIXTURES.put("calendars-free-slots", CalendarDtos.FreeSlotsResponse.class);
        FIXTURES.put(
                "workflows-GetWorkflowSuccessfulResponseDto",
                DirectoryDtos.Workflows.GetWorkflowSuccessfulResponseDto.class);
        FIXTURES.put(
                "locations-SearchSuccessfulResponseDto", DirectoryDtos.Locations.SearchSuccessfulResponseDto.class);
        FIXTURES.put(
                "locations-GetLocationByIdSuccessfulResponseDto",
                DirectoryDtos.Locations.GetLocationByIdSuccessfulResponseDto.class);
        FIXTURES.put("users-LocationSuccessfulResponseDto", DirectoryDtos.Users.LocationSuccessfulResponseDto.class);
        FIXTURES.put(
                "users-SearchUserSuccessfulResponseDto", DirectoryDtos.Users.SearchUserSuccessfulResponseDto.class);
        FIXTURES.put("users-UserSuccessfulResponseDto", DirectoryDtos.Users.UserSuccessfulResponseDto.class);
        FIXTURES.put("oauth-GetAccessCodeSuccessfulResponseDto", OAuthDtos.GetAccessCodeSuccessfulResponseDto.class);
        FIXTURES.put(
                "oauth-GetLocationAccessTokenSuccessfulResponseDto",
                OAuthDtos.GetLocationAccessTokenSuccessfulResponseDto.class);
    }

    /** GHL's free slots may carry a {@code _dates_} key beside the days and {@code traceId}: it is not a day. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "[\"2026-02-12\", \"2026-02-13\"]",
                "{\"slots\": [\"2026-02-14T09:00:00-05:00\"]}",
                "{\"startDate\": 1770872400000, \"endDate\": 1771045200000}"
            })
    void freeSlotsTolerateTheDatesKeyBesideTheDays(String dates) throws IOException {
        String json = fixture("calendars-free-slots").replace("\"traceId\"", "\"_dates_\": " + dates + ", \"traceId\"");

        var slots = MOSHI.adapter(CalendarDtos.FreeSlotsResponse.class).fromJson(json);

        assertThat(slots.days()).containsOnlyKeys("2026-02-12", "2026-02-13");
        assertThat(slots.days().get("2026-02-12")).hasSize(2);
        assertThat(slots.traceId()).isEqualTo("8f2c1d3e-4b5a-6c7d-8e9f-0a1b2c3d4e5f");
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = DtoFixtureTest.class.getResourceAsStream("/fixtures/" + name + ".json")) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureRoundTrips() {
        return FIXTURES.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> roundTrip(e.getKey(), e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private <T> void roundTrip(String name, Class<T> type) throws IOException {
        String json = fixture(name);
        JsonAdapter<T> adapter = MOSHI.adapter(type);
        T first = adapter.fromJson(json);
        assertThat(first).isNotNull();
        if (type.isRecord() && type != CalendarDtos.FreeSlotsResponse.class) {
            Map<String, Object> raw = MOSHI.<Map<String, Object>>adapter(
                            Types.newParameterizedType(Map.class, String.class, Object.class))
                    .fromJson(json);
            for (RecordComponent c : type.getRecordComponents()) {
                Json named = c.getAnnotation(Json.class);
                String wire = named != null ? named.name() : c.getName();
                if (raw.get(wire) != null && !(raw.get(wire) instanceof Map<?, ?> m && m.isEmpty())) {
                    assertThat(invoke(c, first)).as("%s.%s", name, wire).isNotNull();
                }
            }
        }
        T second = adapter.fromJson(adapter.toJson(first));
        assertThat(second).isEqualTo(first);
    }

    private static Object invoke(RecordComponent c, Object target) {
        try {
            return c.getAccessor().invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void realityQuirksMapToTheDomain() throws IOException {
        var page = MOSHI.adapter(ContactDtos.SearchContactsV2ResponseDto.class).fromJson(fixture("contacts-search-v2"));
        var contact = ContactMapper.contact(page.contacts().get(0), new LocationId("fallback"));
        assertThat(contact.id()).isEqualTo(new ContactId("cont_xyz789"));
        assertThat(contact.customFields()).extracting(f -> f.value()).containsExactly("FL", "12", "Life, Health");
        assertThat(Wire.cursor(page.contacts().get(0).searchAfter())).containsExactly(1770901200000L, "cont_xyz789");

        var slots = MOSHI.adapter(CalendarDtos.FreeSlotsResponse.class).fromJson(fixture("calendars-free-slots"));
        assertThat(slots.days()).containsOnlyKeys("2026-02-12", "2026-02-13");
        assertThat(slots.traceId()).isEqualTo("8f2c1d3e-4b5a-6c7d-8e9f-0a1b2c3d4e5f");

        var messages = MOSHI.adapter(ConversationDtos.GetMessagesByConversationResponseDto.class)
                .fromJson(fixture("conversations-messages-wrapped"));
        assertThat(messages.messages()).hasSize(1);
        assertThat(messages.nextPage()).isFalse();

        var upsert = MOSHI.adapter(ContactDtos.UpsertContactsSuccessfulResponseDto.class)
                .fromJson(fixture("contacts-UpsertContactsSuccessfulResponseDto"));
        assertThat(upsert.created()).isTrue();
        var status = MOSHI.adapter(OpportunityDtos.DeleteUpdateOpportunitySuccessfulResponseDto.class)
                .fromJson(fixture("opportunities-DeleteUpdateOpportunitySuccessfulResponseDto"));
        assertThat(status.succeded()).isNotNull();
    }

    @Test
    void a422MessageMayBeAStringOrAnArray() throws IOException {
        var errors = MOSHI.adapter(ErrorBodyReader.ErrorDto.class);
        assertThat(errors.fromJson("{\"statusCode\":422,\"message\":[\"a\",\"b\"]}")
                        .message())
                .isEqualTo(java.util.List.of("a", "b"));
        assertThat(errors.fromJson("{\"statusCode\":400,\"message\":\"Bad\"}").message())
                .isEqualTo("Bad");
    }
}
