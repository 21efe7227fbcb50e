package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks as GHL really sends them: an OpportunityUpdate alongside every specific opportunity event, create
 * and delete included (highlevel-api-docs #27: [Create, Update], [Update, StageUpdate], ..., [Delete, Update]);
 * do-not-disturb per channel only in ContactDndUpdate, while ContactUpdate carries {@code dnd} alone
 * (webhook-events/ContactUpdate.md, ContactDndUpdate.md).
 */
class RealGhlWebhooksTest {
    private GhlSandbox sandbox;
    private WebhookReceiver receiver;
    private Ghl ghl;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s"));
        sandbox.subscribeWebhooks(receiver.url());
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    @Test
    void createAndDeleteAreEachFollowedByAnOpportunityUpdate() throws Exception {
        String contactId = ghl.post("/contacts/", Ghl.contact("loc_abc123", "John", null, "+14075551234"))
                .map("contact")
                .get("id")
                .toString();
        String opportunityId = ghl.post(
                        "/opportunities/",
                        Json.obj(
                                "pipelineId", "pipe_recruiting",
                                "locationId", "loc_abc123",
                                "name", "John - Agent Recruit",
                                "status", "open",
                                "contactId", contactId))
                .map("opportunity")
                .get("id")
                .toString();
        Map<String, Object> created = receiver.next("OpportunityCreate").json();
        Map<String, Object> afterCreate = receiver.next("OpportunityUpdate").json();

        ghl.delete("/opportunities/" + opportunityId, null);
        Map<String, Object> deleted = receiver.next("OpportunityDelete").json();
        Map<String, Object> afterDelete = receiver.next("OpportunityUpdate").json();

        assertThat(created).containsEntry("id", opportunityId);
        assertThat(afterCreate).containsEntry("id", opportunityId).containsEntry("pipelineStageId", "stage_lead");
        assertThat(deleted).containsEntry("id", opportunityId);
        assertThat(afterDelete)
                .as("the update after the delete describes the deleted opportunity")
                .containsEntry("id", opportunityId)
                .containsEntry("contactId", contactId);
        assertThat(afterDelete.get("webhookId")).isNotEqualTo(afterCreate.get("webhookId"));
        Thread.sleep(Duration.ofMillis(200).toMillis());
        assertThat(receiver.all().stream().filter(r -> r.type().equals("OpportunityUpdate")))
                .hasSize(2);
    }

    @Test
    void anSmsDndIsInTheContactAndTheDndUpdateButAContactUpdateCarriesOnlyDnd() throws Exception {
        String contactId = ghl.post("/contacts/", Ghl.contact("loc_abc123", "John", null, "+14075551234"))
                .map("contact")
                .get("id")
                .toString();

        Ghl.Response set = ghl.put(
                "/contacts/" + contactId,
                Json.obj("dndSettings", Json.obj("SMS", Json.obj("status", "permanent", "code", "103"))));

        assertThat(set.status()).isEqualTo(200);
        assertThat(ghl.get("/contacts/" + contactId).map("contact"))
                .containsEntry("dnd", false)
                .containsKey("dndSettings");
        Map<String, Object> update = receiver.next("ContactUpdate").json();
        Map<String, Object> dndUpdate = receiver.next("ContactDndUpdate").json();
        assertThat(update).containsEntry("dnd", false).doesNotContainKey("dndSettings");
        assertThat(dndUpdate.get("dndSettings"))
                .isEqualTo(Json.obj("SMS", Json.obj("status", "permanent", "code", "103")));
        Ghl.Response invalid =
                ghl.put("/contacts/" + contactId, Json.obj("dndSettings", Json.obj("SMS", Json.obj("status", "on"))));
        assertThat(invalid.status()).isEqualTo(422);
    }
}
