package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The GHL adapter against the sandbox where GHL behaves other than our first assumptions did: do-not-disturb
 * per channel in the contact, an upsert that drops the second identifier, the location's duplicate setting,
 * a contact's existing opportunity.
 */
class SandboxRealGhlTest {
    private static final LocationId LOC = new LocationId("loc_abc123");
    private static final MediaType JSON = MediaType.get("application/json");
    private static GhlSandbox sandbox;
    private static final OkHttpClient http = new OkHttpClient();
    private GhlClient ghl;

    @BeforeAll
    static void startSandbox() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @BeforeEach
    void client() {
        sandbox.reset();
        ghl = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .privateIntegrationToken(
                                sandbox.credentials().location(LOC.value()).privateIntegrationToken())
                        .defaultLocation(LOC.value())
                        .rateLimit("100/1s")
                        .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                        .attemptTimeout(Duration.ofSeconds(3))
                        .build(),
                null,
                Clock.system());
    }

    @AfterEach
    void closeClient() {
        ghl.close();
    }

    private static ContactDraft draft(String email, String phone) {
        return new ContactDraft(
                LOC,
                "John",
                "Smith",
                Optional.ofNullable(email).map(EmailAddress::new),
                Optional.ofNullable(phone).map(PhoneNumber::new),
                Set.of("Licensed"),
                List.of(),
                Optional.of("PropHog"));
    }

    /** A call to GHL's API as another GHL client (a user's form, GHL's UI) would make it. */
    private static String ghlCall(String method, String path, String body) throws IOException {
        Request request = new Request.Builder()
                .url(sandbox.baseUrl() + path)
                .header(
                        "Authorization",
                        "Bearer " + sandbox.credentials().location(LOC.value()).privateIntegrationToken())
                .header("Version", "2021-07-28")
                .method(method, body == null ? null : RequestBody.create(body, JSON))
                .build();
        try (Response r = http.newCall(request).execute()) {
            String answer = r.body() == null ? "" : r.body().string();
            assertThat(r.code()).as("%s %s", method, path).isLessThan(300);
            return answer;
        }
    }

    private static String createContact(String email, String phone) throws IOException {
        String answer = ghlCall(
                "POST",
                "/contacts/",
                "{\"locationId\":\"" + LOC.value() + "\",\"firstName\":\"Old\""
                        + (email == null ? "" : ",\"email\":\"" + email + "\"")
                        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}");
        int at = answer.indexOf("\"id\":\"") + 6;
        return answer.substring(at, answer.indexOf('"', at));
    }

    /**
     * GHL's multi-select and checkbox custom fields take an array (contacts spec,
     * {@code customFieldsInputArraySchema}); a string for them is a 422. The client learns each field's
     * {@code dataType} from the location once and writes every upsert, create and update accordingly.
     */
    @Test
    void multiSelectAndCheckboxFieldsAreWrittenAsArraysTextFieldsAsStrings() throws IOException {
        ContactDraft lead = withFields(
                draft("jane@example.com", "+14075550177"),
                List.of(
                        new CustomFieldValue("cf_lines_of_authority", "Life, Health"),
                        new CustomFieldValue("contact.appointed_carriers", "Aetna"),
                        new CustomFieldValue("cf_license_state", "FL")));

        ContactDirectory.Upserted upserted = ghl.contacts().upsert(lead);

        String stored = ghlCall("GET", "/contacts/" + upserted.contact().id().value(), null);
        assertThat(stored)
                .contains("{\"id\":\"cf_lines_of_authority\",\"value\":[\"Life\",\"Health\"]}")
                .contains("{\"id\":\"cf_appointed_carriers\",\"value\":[\"Aetna\"]}")
                .contains("{\"id\":\"cf_license_state\",\"value\":\"FL\"}");
        assertThat(upserted.contact().customFields())
                .contains(new CustomFieldValue("cf_lines_of_authority", "Life, Health"));

        // The definitions are read once per location, not per write; a draft without custom fields reads none.
        ghl.contacts().upsert(withFields(draft("max@example.com", "+14075550178"), lead.customFields()));
        ghl.contacts()
                .update(
                        LOC,
                        upserted.contact().id(),
                        new ContactChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                List.of(new CustomFieldValue("cf_lines_of_authority", "Property; Casualty")),
                                Optional.empty()));
        assertThat(ghlCall("GET", "/contacts/" + upserted.contact().id().value(), null))
                .contains("{\"id\":\"cf_lines_of_authority\",\"value\":[\"Property\",\"Casualty\"]}");
        assertThat(ghl.contacts().customFieldLoads()).isEqualTo(1);
    }

    private static ContactDraft withFields(ContactDraft d, List<CustomFieldValue> fields) {
        return new ContactDraft(
                d.location(), d.firstName(), d.lastName(), d.email(), d.phone(), d.tags(), fields, d.source());
    }

    @Test
    void theUpsertAnswersDoNotDisturbPerChannelPermanentIncluded() throws IOException {
        String id = createContact(null, "+14075551234");
        ghlCall("PUT", "/contacts/" + id, "{\"dndSettings\":{\"SMS\":{\"status\":\"permanent\",\"code\":\"103\"}}}");

        ContactDirectory.Upserted upserted = ghl.contacts().upsert(draft(null, "+14075551234"));

        assertThat(upserted.contact().id()).isEqualTo(new ContactId(id));
        assertThat(upserted.contact().dnd().blocksTexts()).isTrue();
        assertThat(upserted.contact().dnd().everyChannel()).isFalse();
    }

    @Test
    void inactiveChannelsAreNoDnd() throws IOException {
        String id = createContact(null, "+14075551234");
        ghlCall(
                "PUT",
                "/contacts/" + id,
                "{\"dndSettings\":{\"SMS\":{\"status\":\"inactive\"},\"Email\":{\"status\":\"active\"}}}");

        ContactDirectory.Upserted upserted = ghl.contacts().upsert(draft(null, "+14075551234"));

        assertThat(upserted.contact().dnd().blocksTexts()).isFalse();
        assertThat(upserted.contact().dnd().blocksEmail()).isTrue();
    }

    // ---- an upsert whose email matches one contact and phone another (highlevel-api-docs #37)

    @Test
    void anUpsertMatchingTheEmailDropsAPhoneThatAnotherContactHolds() throws IOException {
        String byEmail = createContact("john@example.com", "+14075559876");
        String byPhone = createContact(null, "+14075551234");

        ContactDirectory.Upserted upserted = ghl.contacts().upsert(draft("john@example.com", "+14075551234"));

        assertThat(upserted.contact().id()).isEqualTo(new ContactId(byEmail));
        assertThat(upserted.contact().phone()).contains(new PhoneNumber("+14075559876"));
        assertThat(upserted.contact()
                        .carries(
                                Optional.of(new PhoneNumber("+14075551234")),
                                Optional.of(new EmailAddress("john@example.com"))))
                .isFalse();
        assertThat(ghl.contacts()
                        .find(LOC, new ContactId(byPhone))
                        .orElseThrow()
                        .phone())
                .contains(new PhoneNumber("+14075551234"));
    }

    @Test
    void whereDuplicatesAreAllowedASeparateContactIsCreatedOnceAndFoundAgain() throws IOException {
        createContact("john@example.com", "+14075559876");
        createContact(null, "+14075551234");
        assertThat(ghl.contacts().allowsDuplicates(LOC))
                .as("the sandbox's default")
                .isTrue();
        ContactDraft lead = draft("john@example.com", "+14075551234");

        var first = ghl.contacts().createSeparate(lead);
        var again = ghl.contacts().createSeparate(lead);

        assertThat(first.carries(lead.phone(), lead.email())).isTrue();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(sandbox.stats().contacts()).isEqualTo(3);
    }

    @Test
    void whereDuplicatesAreNotAllowedGhlRefusesToGiveAContactAnotherContactsPhone() throws IOException {
        try (GhlSandbox strict =
                        GhlSandbox.start(SandboxConfig.defaults().withPort(0).withAllowDuplicateContacts(false));
                GhlClient client = GhlClient.create(
                        GhlClientConfig.builder()
                                .baseUrl(strict.baseUrl())
                                .privateIntegrationToken(strict.credentials()
                                        .location(LOC.value())
                                        .privateIntegrationToken())
                                .defaultLocation(LOC.value())
                                .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                                .build(),
                        null,
                        Clock.system())) {
            assertThat(client.contacts().allowsDuplicates(LOC)).isFalse();
            ContactId emailOnly =
                    client.contacts().create(draft("john@example.com", null)).id();
            client.contacts().create(draft(null, "+14075551234"));

            var refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    ExternalFailure.Rejected.class,
                    () -> client.contacts().addIdentifiers(emailOnly, draft("john@example.com", "+14075551234")));

            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).doesNotContain("+14075551234");
            assertThat(client.contacts().find(LOC, emailOnly).orElseThrow().phone())
                    .isEmpty();
            // Nobody else holds it: the contact takes the phone.
            var completed = client.contacts().addIdentifiers(emailOnly, draft("john@example.com", "+14075550000"));
            assertThat(completed.phone()).contains(new PhoneNumber("+14075550000"));
        }
    }

    // ---- a contact that already has an opportunity in the pipeline

    @Test
    void theContactsOpportunityIsFoundWithItsStageAndStatus() throws IOException {
        String contact = createContact(null, "+14075551234");
        String answer = ghlCall(
                "POST",
                "/opportunities/",
                "{\"pipelineId\":\"pipe_recruiting\",\"locationId\":\"" + LOC.value() + "\",\"name\":\"x\","
                        + "\"pipelineStageId\":\"stage_interested\",\"status\":\"open\",\"contactId\":\""
                        + contact + "\"}");
        assertThat(answer).contains("stage_interested");

        var found = ghl.opportunities()
                .findForContact(
                        LOC, new io.recruitflow.domain.pipeline.PipelineId("pipe_recruiting"), new ContactId(contact))
                .orElseThrow();

        assertThat(found.stage()).contains(new io.recruitflow.domain.pipeline.StageId("stage_interested"));
        assertThat(found.status()).contains(io.recruitflow.domain.pipeline.OpportunityStatus.OPEN);
        assertThat(found.updatedAt()).isPresent();
    }
}
