package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactRoutesTest {
    private static GhlSandbox sandbox;
    private Ghl ghl;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
    }

    @Test
    void theLocationsCustomFieldsCarryTheirDataType() {
        Ghl.Response response = ghl.get("/locations/loc_abc123/customFields?model=contact");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.list("customFields"))
                .extracting(f -> f.get("id") + ":" + f.get("dataType"))
                .contains(
                        "cf_license_state:TEXT",
                        "cf_lines_of_authority:MULTIPLE_OPTIONS",
                        "cf_appointed_carriers:CHECKBOX");
        assertThat(response.list("customFields"))
                .filteredOn(f -> "cf_lines_of_authority".equals(f.get("id")))
                .first()
                .satisfies(f -> assertThat(f)
                        .containsEntry("fieldKey", "contact.lines_of_authority")
                        .containsEntry("model", "contact")
                        .containsEntry(
                                "picklistOptions",
                                List.of("Life", "Health", "Property", "Casualty", "Variable Annuities")));
        assertThat(ghl.get("/locations/loc_nowhere/customFields").status()).isEqualTo(404);
    }

    @Test
    void aMultiSelectOrCheckboxFieldTakesAnArrayAndRefusesAString() {
        Map<String, Object> asString = Ghl.contact("loc_abc123", "John", "john@example.com", "(407) 555-1234");
        asString.put(
                "customFields",
                List.of(
                        Json.obj("id", "cf_lines_of_authority", "field_value", "Life, Health"),
                        Json.obj("key", "contact.appointed_carriers", "field_value", "Aetna")));
        Ghl.Response refused = ghl.post("/contacts/upsert", asString);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.raw())
                .contains("customFields.0.field_value must be an array")
                .contains("customFields.1.field_value must be an array");
        assertThat(sandbox.stats().contacts()).isZero();

        Map<String, Object> asArray = Ghl.contact("loc_abc123", "John", "john@example.com", "(407) 555-1234");
        asArray.put(
                "customFields",
                List.of(
                        Json.obj("id", "cf_lines_of_authority", "field_value", List.of("Life", "Health")),
                        Json.obj("key", "contact.appointed_carriers", "field_value", List.of("Aetna")),
                        Json.obj("id", "cf_license_state", "field_value", "FL")));
        Ghl.Response stored = ghl.post("/contacts/upsert", asArray);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.json()).containsEntry("new", true);
        assertThat(stored.map("contact").get("customFields"))
                .isEqualTo(List.of(
                        Json.obj("id", "cf_lines_of_authority", "value", List.of("Life", "Health")),
                        Json.obj("id", "cf_appointed_carriers", "value", List.of("Aetna")),
                        Json.obj("id", "cf_license_state", "value", "FL")));
    }

    @Test
    void createAnswers201WithTheContactWrapperAndCustomFieldsAsIdValue() {
        Map<String, Object> body = Ghl.contact("loc_abc123", "John", "John.Smith@Example.com", "(407) 555-1234");
        body.put("tags", List.of("Licensed", "PropHog-Lead"));
        body.put(
                "customFields",
                List.of(
                        Json.obj("id", "cf_license_state", "field_value", "FL"),
                        Json.obj("key", "contact.license_number", "field_value", "W123456")));

        Ghl.Response response = ghl.post("/contacts/", body);

        assertThat(response.status()).isEqualTo(201);
        Map<String, Object> contact = response.map("contact");
        assertThat(contact.get("id")).asString().hasSize(20);
        assertThat(contact)
                .containsEntry("locationId", "loc_abc123")
                .containsEntry("email", "John.Smith@Example.com")
                .containsEntry("emailLowerCase", "john.smith@example.com")
                .containsEntry("phone", "+14075551234")
                .containsEntry("tags", List.of("Licensed", "PropHog-Lead"))
                .containsKey("dateAdded");
        assertThat(contact.get("customFields"))
                .isEqualTo(List.of(
                        Json.obj("id", "cf_license_state", "value", "FL"),
                        Json.obj("id", "cf_license_number", "value", "W123456")));
        assertThat(response.str("traceId")).isNotBlank();
    }

    @Test
    void upsertWhoseEmailAndPhoneMatchDifferentContactsUpdatesTheEmailsAndDropsThePhone() {
        String byEmail = (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Mary", "ann@example.com", null))
                .map("contact")
                .get("id");
        String byPhone = (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Jack", null, "+14075550001"))
                .map("contact")
                .get("id");

        Ghl.Response upserted =
                ghl.post("/contacts/upsert", Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550001"));

        assertThat(upserted.status()).isEqualTo(200);
        assertThat(upserted.json()).containsEntry("new", false);
        assertThat(upserted.map("contact")).containsEntry("id", byEmail).doesNotContainKey("phone");
        assertThat(ghl.get("/contacts/" + byPhone).map("contact")).containsEntry("phone", "+14075550001");
    }

    @Test
    void withoutDuplicatesAnUpdateMayNotGiveAContactAnotherContactsPhone() {
        try (GhlSandbox strict =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withAllowDuplicateContacts(false))) {
            Ghl api = Ghl.forLocation(strict, "loc_abc123");
            String emailOnly =
                    (String) api.post("/contacts/", Ghl.contact("loc_abc123", "Ann", "ann@example.com", null))
                            .map("contact")
                            .get("id");
            String phoneOnly = (String) api.post("/contacts/", Ghl.contact("loc_abc123", "Jack", null, "+14075550001"))
                    .map("contact")
                    .get("id");

            Ghl.Response refused = api.put("/contacts/" + emailOnly, Json.obj("phone", "+14075550001"));
            Ghl.Response allowed = api.put("/contacts/" + emailOnly, Json.obj("phone", "+14075550002"));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.str("message")).isEqualTo("This location does not allow duplicated contacts.");
            assertThat(refused.map("meta")).containsEntry("contactId", phoneOnly);
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.map("contact")).containsEntry("phone", "+14075550002");
            assertThat(api.get("/locations/loc_abc123").map("location"))
                    .extractingByKey("settings")
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                    .containsEntry("allowDuplicateContact", false);
        }
    }

    @Test
    void upsertFindsTheContactByEmailThenByPhone() {
        Ghl.Response first =
                ghl.post("/contacts/upsert", Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550001"));
        Ghl.Response byEmail = ghl.post(
                "/contacts/upsert",
                Json.obj("locationId", "loc_abc123", "email", "ANN@example.com", "tags", List.of("Hot-Lead")));
        Ghl.Response byPhone =
                ghl.post("/contacts/upsert", Json.obj("locationId", "loc_abc123", "phone", "407-555-0001"));
        Ghl.Response other = ghl.post("/contacts/upsert", Ghl.contact("loc_abc123", "Bob", "bob@example.com", null));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).containsEntry("new", true).containsKeys("contact", "traceId");
        String id = (String) first.map("contact").get("id");
        assertThat(byEmail.json()).containsEntry("new", false);
        assertThat(byEmail.map("contact")).containsEntry("id", id).containsEntry("tags", List.of("Hot-Lead"));
        assertThat(byPhone.json()).containsEntry("new", false);
        assertThat(byPhone.map("contact")).containsEntry("id", id);
        assertThat(other.json()).containsEntry("new", true);
        assertThat(sandbox.stats().contacts()).isEqualTo(2);
        assertThat(sandbox.stats().duplicateContacts()).isZero();
    }

    @Test
    void createWithAnExistingEmailOrPhoneMakesADuplicateThatStatsCount() {
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550001"));
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Ann", "ann@example.com", null));
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Ann", null, "+14075550001"));
        // The same person in the other location is not a duplicate.
        Ghl.forLocation(sandbox, "loc_def456")
                .post("/contacts/", Ghl.contact("loc_def456", "Ann", "ann@example.com", null));

        assertThat(sandbox.stats().contacts()).isEqualTo(4);
        assertThat(sandbox.stats().duplicateContacts()).isEqualTo(2);
    }

    @Test
    void withDuplicatesDisallowedCreateAnswers400NamingTheExistingContact() {
        try (GhlSandbox strict =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withAllowDuplicateContacts(false))) {
            Ghl client = Ghl.forLocation(strict, "loc_abc123");
            String id = (String) client.post("/contacts/", Ghl.contact("loc_abc123", "Ann", "ann@example.com", null))
                    .map("contact")
                    .get("id");

            Ghl.Response again = client.post("/contacts/", Ghl.contact("loc_abc123", "Ann", "ann@example.com", null));

            assertThat(again.status()).isEqualTo(400);
            assertThat(again.map("meta")).containsEntry("contactId", id).containsEntry("matchingField", "email");
        }
    }

    @Test
    void missingLocationIdAnswers422WithAnArrayOfMessages() {
        Ghl.Response response = ghl.post("/contacts/", Json.obj("firstName", "X", "email", "not-an-email"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json())
                .containsEntry("statusCode", 422L)
                .containsEntry("error", "Unprocessable Entity")
                .containsKey("traceId");
        assertThat(response.json().get("message"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("locationId should not be empty", "email must be an email");
    }

    @Test
    void getUpdateAndDeleteAnswerInGhlsShapes() {
        String id = createContact("Cara", "cara@example.com");

        Ghl.Response got = ghl.get("/contacts/" + id);
        Ghl.Response updated = ghl.put(
                "/contacts/" + id,
                Json.obj(
                        "tags",
                        List.of("Contracted"),
                        "customFields",
                        List.of(Json.obj("id", "cf_contract_date", "field_value", "2026-02-12"))));
        Ghl.Response deleted = ghl.delete("/contacts/" + id, null);
        Ghl.Response gone = ghl.get("/contacts/" + id);

        assertThat(got.status()).isEqualTo(200);
        assertThat(got.map("contact")).containsEntry("id", id);
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json()).containsEntry("succeded", true);
        assertThat(updated.map("contact")).containsEntry("tags", List.of("Contracted"));
        assertThat(updated.map("contact").get("customFields"))
                .isEqualTo(List.of(Json.obj("id", "cf_contract_date", "value", "2026-02-12")));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json()).containsEntry("succeded", true);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json()).containsEntry("statusCode", 404L).containsKeys("message", "error", "traceId");
    }

    @Test
    void tagsAreAddedAndRemoved() {
        String id = createContact("Dan", "dan@example.com");

        Ghl.Response added = ghl.post("/contacts/" + id + "/tags", Json.obj("tags", List.of("Hot-Lead", "Cold-Lead")));
        Ghl.Response removed = ghl.delete("/contacts/" + id + "/tags", Json.obj("tags", List.of("Cold-Lead")));

        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().get("tags")).isEqualTo(List.of("Hot-Lead", "Cold-Lead"));
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get("tags")).isEqualTo(List.of("Hot-Lead"));
    }

    @Test
    void workflowEnrollmentIsCountedOncePerContactAndWorkflow() {
        String id = createContact("Eve", "eve@example.com");

        Ghl.Response added = ghl.post("/contacts/" + id + "/workflow/wf_speed_to_lead", Json.obj());
        ghl.post("/contacts/" + id + "/workflow/wf_speed_to_lead", Json.obj());
        ghl.post("/contacts/" + id + "/workflow/wf_onboarding", Json.obj());
        Ghl.Response removed = ghl.delete("/contacts/" + id + "/workflow/wf_onboarding", null);
        Ghl.Response unknown = ghl.post("/contacts/" + id + "/workflow/wf_nope", Json.obj());

        assertThat(added.status()).isEqualTo(200);
        assertThat(added.json()).containsEntry("succeded", true);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(sandbox.stats().workflowEnrollments()).isEqualTo(1);
    }

    @Test
    void searchPagesWithPageAndPageLimitAndFilters() {
        for (int i = 0; i < 5; i++) {
            createContact("Fay" + i, "fay" + i + "@example.com");
        }
        ghl.post("/contacts/", Json.obj("locationId", "loc_abc123", "firstName", "Gil", "tags", List.of("Licensed")));

        Ghl.Response page2 =
                ghl.post("/contacts/search", Json.obj("locationId", "loc_abc123", "page", 2, "pageLimit", 2));
        Ghl.Response byQuery =
                ghl.post("/contacts/search", Json.obj("locationId", "loc_abc123", "pageLimit", 10, "query", "fay3"));
        Ghl.Response byTag = ghl.post(
                "/contacts/search",
                Json.obj(
                        "locationId",
                        "loc_abc123",
                        "pageLimit",
                        10,
                        "filters",
                        List.of(Json.obj("field", "tags", "operator", "eq", "value", "Licensed"))));
        Ghl.Response byEmail = ghl.post(
                "/contacts/search",
                Json.obj(
                        "locationId",
                        "loc_abc123",
                        "pageLimit",
                        10,
                        "filters",
                        List.of(Json.obj("field", "email", "operator", "eq", "value", "FAY1@example.com"))));
        Ghl.Response invalid = ghl.post("/contacts/search", Json.obj("query", "x"));

        assertThat(page2.status()).isEqualTo(200);
        assertThat(page2.json()).containsEntry("total", 6L);
        assertThat(page2.list("contacts")).extracting(c -> c.get("firstName")).containsExactly("Fay2", "Fay3");
        assertThat(byQuery.list("contacts")).extracting(c -> c.get("firstName")).containsExactly("Fay3");
        assertThat(byTag.list("contacts")).extracting(c -> c.get("firstName")).containsExactly("Gil");
        assertThat(byEmail.list("contacts")).extracting(c -> c.get("firstName")).containsExactly("Fay1");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("message"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .hasSize(2);
    }

    @Test
    void deprecatedListPagesWithStartAfterIdAndMeta() {
        for (int i = 0; i < 3; i++) {
            createContact("Hal" + i, "hal" + i + "@example.com");
        }

        Ghl.Response first = ghl.get("/contacts/?locationId=loc_abc123&limit=2");
        String next = (String) first.map("meta").get("startAfterId");
        Ghl.Response second = ghl.get("/contacts/?locationId=loc_abc123&limit=2&startAfterId=" + next);

        assertThat(first.list("contacts")).hasSize(2);
        assertThat(first.map("meta")).containsEntry("total", 3L).containsKeys("nextPageUrl", "startAfter");
        assertThat(second.list("contacts")).extracting(c -> c.get("firstName")).containsExactly("Hal2");
    }

    @Test
    void notesAndTasksAreCreated() {
        String id = createContact("Ivy", "ivy@example.com");

        Ghl.Response note = ghl.post("/contacts/" + id + "/notes", Json.obj("body", "Called, left voicemail"));
        Ghl.Response task = ghl.post(
                "/contacts/" + id + "/tasks",
                Json.obj("title", "Call back", "dueDate", "2026-02-13T15:00:00Z", "completed", false));
        Ghl.Response badTask = ghl.post("/contacts/" + id + "/tasks", Json.obj("body", "x"));

        assertThat(note.status()).isEqualTo(201);
        assertThat(note.map("note"))
                .containsEntry("body", "Called, left voicemail")
                .containsEntry("contactId", id);
        assertThat(task.status()).isEqualTo(201);
        assertThat(task.map("task")).containsEntry("title", "Call back");
        assertThat(badTask.status()).isEqualTo(422);
    }

    @Test
    void tokensAreCheckedAndConfinedToTheirLocation() {
        String id = createContact("Jo", "jo@example.com");
        Ghl other = Ghl.forLocation(sandbox, "loc_def456");

        assertThat(ghl.token(null).get("/contacts/" + id).status()).isEqualTo(401);
        assertThat(ghl.token("pit-forged").get("/contacts/" + id).status()).isEqualTo(401);
        assertThat(other.get("/contacts/" + id).status()).isEqualTo(403);
        assertThat(other.post("/contacts/", Ghl.contact("loc_abc123", "X", "x@example.com", null))
                        .status())
                .isEqualTo(403);
        assertThat(ghl.get("/contacts/doesNotExist").status()).isEqualTo(404);
    }

    @Test
    void everyVersionThatRealClientsSendIsAcceptedOnEveryRouteAndAMissingOneIsRefused() {
        String id = createContact("Kim", "kim@example.com");

        for (String version : List.of("2021-04-15", "2021-07-28", "2023-02-21", "v3")) {
            assertThat(ghl.version(version).get("/contacts/" + id).status()).isEqualTo(200);
            assertThat(ghl.version(version)
                            .get("/calendars/?locationId=loc_abc123")
                            .status())
                    .isEqualTo(200);
        }
        Ghl.Response missing = ghl.version(null).get("/contacts/" + id);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json()).containsEntry("statusCode", 400L).containsKey("traceId");
    }

    @Test
    void pathsWorkWithAndWithoutTheTrailingSlashClientsSend() {
        assertThat(ghl.post("/contacts", Ghl.contact("loc_abc123", "Lee", "lee@example.com", null))
                        .status())
                .isEqualTo(201);
        assertThat(ghl.get("/contacts?locationId=loc_abc123").status()).isEqualTo(200);
        assertThat(ghl.get("/workflows?locationId=loc_abc123").status()).isEqualTo(200);
    }

    @Test
    void unknownRoutesAnswerAGhlShaped404() {
        Ghl.Response response = ghl.get("/nothing/here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).containsEntry("message", "Cannot GET /nothing/here");
    }

    private String createContact(String first, String email) {
        Ghl.Response response = ghl.post("/contacts/", Ghl.contact("loc_abc123", first, email, null));
        assertThat(response.status()).isEqualTo(201);
        return (String) response.map("contact").get("id");
    }
}
