package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpportunityRoutesTest {
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
    void pipelinesAreTheSeededRecruitingPipelineWithStageObjects() {
        Ghl.Response response = ghl.get("/opportunities/pipelines?locationId=loc_abc123");

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> pipeline = response.list("pipelines").get(0);
        assertThat(pipeline).containsEntry("id", "pipe_recruiting").containsEntry("name", "Agent Recruiting");
        assertThat(Json.objects(pipeline.get("stages")))
                .extracting(s -> s.get("id"), s -> s.get("name"), s -> s.get("position"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("stage_lead", "Lead", 0L),
                        org.assertj.core.groups.Tuple.tuple("stage_contacted", "Contacted", 1L),
                        org.assertj.core.groups.Tuple.tuple("stage_interested", "Interested", 2L),
                        org.assertj.core.groups.Tuple.tuple("stage_presentation", "Presentation Scheduled", 3L),
                        org.assertj.core.groups.Tuple.tuple("stage_contracted", "Contracted", 4L));
    }

    @Test
    void createGetMoveStageSetStatusAndDelete() {
        String contactId = contact("ann@example.com");

        Ghl.Response created = ghl.post("/opportunities/", opportunity(contactId));
        String id = (String) created.map("opportunity").get("id");
        Ghl.Response moved =
                ghl.put("/opportunities/" + id, Json.obj("pipelineStageId", "stage_contracted", "status", "won"));
        Ghl.Response status = ghl.put("/opportunities/" + id + "/status", Json.obj("status", "lost"));
        Ghl.Response got = ghl.get("/opportunities/" + id);
        Ghl.Response deleted = ghl.delete("/opportunities/" + id, null);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map("opportunity"))
                .containsEntry("pipelineStageId", "stage_lead")
                .containsEntry("monetaryValue", 5000L)
                .containsEntry("contactId", contactId)
                .containsEntry("status", "open");
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.map("opportunity"))
                .containsEntry("pipelineStageId", "stage_contracted")
                .containsEntry("status", "won");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.raw()).contains("\"succeded\":true");
        assertThat(got.map("opportunity")).containsEntry("status", "lost").containsKey("contact");
        assertThat(deleted.json()).containsEntry("succeded", true);
        assertThat(ghl.get("/opportunities/" + id).status()).isEqualTo(404);
    }

    @Test
    void createValidatesRequiredFieldsAndKnownIds() {
        String contactId = contact("bob@example.com");

        Ghl.Response missing = ghl.post("/opportunities/", Json.obj("locationId", "loc_abc123"));
        Map<String, Object> badStage = opportunity(contactId);
        badStage.put("pipelineStageId", "stage_nope");
        Map<String, Object> badContact = opportunity("nope");

        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("message"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains(
                        "pipelineId should not be empty",
                        "name should not be empty",
                        "status should not be empty",
                        "contactId should not be empty");
        assertThat(ghl.post("/opportunities/", badStage).status()).isEqualTo(404);
        assertThat(ghl.post("/opportunities/", badContact).status()).isEqualTo(404);
    }

    @Test
    void aSecondOpportunityForTheSameContactAndPipelineIsRefusedLikeGhl() {
        String contactId = contact("cat@example.com");
        String first = (String) ghl.post("/opportunities/", opportunity(contactId))
                .map("opportunity")
                .get("id");

        Ghl.Response second = ghl.post("/opportunities/", opportunity(contactId));
        Ghl.Response otherContact = ghl.post("/opportunities/", opportunity(contact("dan@example.com")));
        ghl.delete("/opportunities/" + first, null);
        Ghl.Response afterDelete = ghl.post("/opportunities/", opportunity(contactId));

        assertThat(second.status()).isEqualTo(400);
        assertThat(otherContact.status()).isEqualTo(201);
        assertThat(afterDelete.status())
                .as("the contact's only opportunity was deleted")
                .isEqualTo(201);
        assertThat(sandbox.stats().opportunities()).isEqualTo(2);
    }

    @Test
    void searchTakesSnakeCaseParametersAndRefusesUnknownOnes() {
        String first = contact("d1@example.com");
        String second = contact("d2@example.com");
        ghl.post("/opportunities/", opportunity(first));
        Map<String, Object> other = opportunity(second);
        other.put("pipelineStageId", "stage_interested");
        ghl.post("/opportunities/", other);

        Ghl.Response all = ghl.get("/opportunities/search?location_id=loc_abc123&pipeline_id=pipe_recruiting");
        Ghl.Response byStage =
                ghl.get("/opportunities/search?location_id=loc_abc123&pipeline_stage_id=stage_interested");
        Ghl.Response byContact = ghl.get("/opportunities/search?location_id=loc_abc123&contact_id=" + first);
        Ghl.Response paged = ghl.get("/opportunities/search?location_id=loc_abc123&limit=1");
        Ghl.Response camel = ghl.get("/opportunities/search?locationId=loc_abc123");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.list("opportunities")).hasSize(2);
        assertThat(all.map("meta")).containsEntry("total", 2L);
        assertThat(byStage.list("opportunities"))
                .extracting(o -> o.get("contactId"))
                .containsExactly(second);
        assertThat(byContact.list("opportunities"))
                .extracting(o -> o.get("contactId"))
                .containsExactly(first);
        assertThat(paged.map("meta")).containsKeys("startAfterId", "startAfter", "nextPageUrl");
        assertThat(camel.status()).isEqualTo(422);
        assertThat(camel.json().get("message"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .contains("property locationId should not exist");
    }

    private String contact(String email) {
        return (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Opp", email, null))
                .map("contact")
                .get("id");
    }

    static Map<String, Object> opportunity(String contactId) {
        return Json.obj(
                "pipelineId",
                "pipe_recruiting",
                "locationId",
                "loc_abc123",
                "name",
                "Recruit - Agent",
                "pipelineStageId",
                "stage_lead",
                "contactId",
                contactId,
                "monetaryValue",
                5000,
                "assignedTo",
                "user_gary123",
                "status",
                "open");
    }
}
