package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Workflows with the trigger "Contact Tag added": a contact gaining the tag is enrolled, as in GHL. */
class TagTriggeredWorkflowsTest {
    private static GhlSandbox sandbox;
    private WebhookReceiver receiver;
    private Ghl ghl;

    @BeforeAll
    static void start() {
        sandbox = GhlSandbox.start(GhlSandboxMain.parse(new String[] {
            "--port", "0", "--rate-limit", "10000/1s", "--workflow-trigger", "wf_speed_to_lead=new-lead"
        }));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void closeReceiver() {
        sandbox.unsubscribeWebhooks();
        receiver.close();
    }

    @BeforeEach
    void reset() throws Exception {
        sandbox.reset();
        receiver = new WebhookReceiver();
        sandbox.subscribeWebhooks(receiver.url());
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
    }

    @Test
    void anUpsertAddingTheTagEnrollsTheContactWithoutAnEnrollmentCall() throws Exception {
        Map<String, Object> lead = Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550123");
        lead.put("tags", List.of("Licensed", "new-lead"));

        Ghl.Response upserted = ghl.post("/contacts/upsert", lead);

        assertThat(upserted.status()).isEqualTo(200);
        assertThat(sandbox.stats().workflowEnrollments()).isEqualTo(1);
        assertThat(sandbox.stats().location("loc_abc123").workflowEnrollments()).isEqualTo(1);
        assertThat(sandbox.stats().requests()).isEqualTo(1);
        // What GHL tells a webhook receiver: the contact, carrying the tag that triggers the workflow.
        Map<String, Object> created = receiver.next("ContactCreate").json();
        assertThat(created.get("tags")).asList().contains("new-lead");
    }

    @Test
    void aTagTheContactAlreadyHasTriggersNothingAgain() {
        Map<String, Object> lead = Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550123");
        lead.put("tags", List.of("new-lead"));
        String id = ghl.post("/contacts/upsert", lead).map("contact").get("id").toString();
        ghl.delete("/contacts/" + id + "/workflow/wf_speed_to_lead", null);
        assertThat(sandbox.stats().workflowEnrollments()).isZero();

        ghl.post("/contacts/upsert", lead);

        assertThat(sandbox.stats().workflowEnrollments()).isZero();
    }

    @Test
    void anUpsertOfAnExistingContactGainingTheTagEnrollsIt() throws Exception {
        Map<String, Object> lead = Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550123");
        ghl.post("/contacts/upsert", lead);
        assertThat(sandbox.stats().workflowEnrollments()).isZero();

        lead.put("tags", List.of("New-Lead")); // tags compare ignoring case
        ghl.post("/contacts/upsert", lead);

        assertThat(sandbox.stats().workflowEnrollments()).isEqualTo(1);
        assertThat(receiver.next("ContactTagUpdate").json().get("tags"))
                .asList()
                .contains("New-Lead");
    }

    @Test
    void createAndTheTagsRouteTriggerToo() {
        Map<String, Object> withTag = Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550123");
        withTag.put("tags", List.of("new-lead"));
        ghl.post("/contacts/", withTag);
        String bo = ghl.post("/contacts/", Ghl.contact("loc_abc123", "Bo", "bo@example.com", "+14075550124"))
                .map("contact")
                .get("id")
                .toString();
        assertThat(sandbox.stats().workflowEnrollments()).isEqualTo(1);

        ghl.post("/contacts/" + bo + "/tags", Map.of("tags", List.of("new-lead")));

        assertThat(sandbox.stats().workflowEnrollments()).isEqualTo(2);
    }

    @Test
    void triggersAreListedAndCanBeAddedAtRunTime() {
        Ghl admin = new Ghl(sandbox.baseUrl(), null);
        assertThat(admin.get("/_sandbox/workflows").list("workflows"))
                .extracting(w -> w.get("id"), w -> w.get("triggers"))
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                "wf_speed_to_lead", List.of(Map.of("type", "contact_tag_added", "tag", "new-lead"))),
                        org.assertj.core.groups.Tuple.tuple("wf_onboarding", new ArrayList<>()));

        Ghl.Response added = admin.post("/_sandbox/workflows/wf_onboarding/triggers", Map.of("tag", "contracted"));
        Ghl.Response unknown = admin.post("/_sandbox/workflows/wf_nope/triggers", Map.of("tag", "x"));
        Ghl.Response blank = admin.post("/_sandbox/workflows/wf_onboarding/triggers", Map.of("tag", " "));
        Map<String, Object> lead = Ghl.contact("loc_abc123", "Ann", "ann@example.com", "+14075550123");
        lead.put("tags", List.of("contracted", "new-lead"));
        ghl.post("/contacts/upsert", lead);

        assertThat(added.status()).isEqualTo(201);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(blank.status()).isEqualTo(422);
        assertThat(sandbox.stats().workflowEnrollments()).isEqualTo(2);
    }

    @Test
    void aTriggerOnAnUnknownWorkflowIsRefusedAtStart() {
        assertThatThrownBy(() ->
                        GhlSandbox.start(SandboxConfig.defaults().withPort(0).withWorkflowTrigger("wf_nope", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wf_nope");
        assertThatThrownBy(() -> GhlSandboxMain.parse(new String[] {"--workflow-trigger", "wf_speed_to_lead"}))
                .hasMessageContaining("--workflow-trigger");
    }
}
