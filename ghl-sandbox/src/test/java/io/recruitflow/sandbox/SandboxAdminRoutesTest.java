package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SandboxAdminRoutesTest {
    private static GhlSandbox sandbox;
    private static WebhookReceiver receiver;
    private Ghl ghl;
    private Ghl admin;

    @BeforeAll
    static void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
        admin = new Ghl(sandbox.baseUrl(), null);
    }

    @Test
    void credentialsListTheCompanyLocationsTokensAndOAuthClient() {
        Ghl.Response response = admin.get("/_sandbox/credentials");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("companyId", "comp_abc");
        assertThat(response.list("locations")).extracting(l -> l.get("id")).containsExactly("loc_abc123", "loc_def456");
        assertThat(response.list("locations").get(0).get("privateIntegrationToken"))
                .isEqualTo(sandbox.credentials().location("loc_abc123").privateIntegrationToken());
        assertThat(response.map("oauth"))
                .containsEntry("clientId", sandbox.credentials().oauth().clientId())
                .containsEntry("clientSecret", sandbox.credentials().oauth().clientSecret());
        assertThat(sandbox.credentials().toString())
                .doesNotContain(sandbox.credentials().oauth().clientSecret());
    }

    @Test
    void statsHaveTheDocumentedKeys() {
        Ghl.Response stats = admin.get("/_sandbox/stats");

        assertThat(stats.json())
                .containsKeys(
                        "contacts",
                        "opportunities",
                        "messagesByType",
                        "workflowEnrollments",
                        "appointments",
                        "duplicateContacts",
                        "duplicateMessages",
                        "requests",
                        "rateLimited",
                        "webhooksDelivered",
                        "webhooksFailed");
        assertThat(stats.map("messagesByType")).containsEntry("SMS", 0L).containsEntry("Email", 0L);
    }

    @Test
    void opportunitiesAndContactsAreReadBackWithTheirAssignees() {
        Map<String, Object> upsert =
                new java.util.LinkedHashMap<>(Ghl.contact("loc_abc123", "Rita", "rita@example.com", "+14075550123"));
        upsert.put("assignedTo", "user_ana456");
        String contactId =
                (String) ghl.post("/contacts/upsert", upsert).map("contact").get("id");
        Map<String, Object> opportunity = new java.util.LinkedHashMap<>(OpportunityRoutesTest.opportunity(contactId));
        opportunity.put("assignedTo", "user_ana456");
        String assigned = (String)
                ghl.post("/opportunities/", opportunity).map("opportunity").get("id");
        String other =
                (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Sam", "sam@example.com", "+14075550124"))
                        .map("contact")
                        .get("id");
        Map<String, Object> unassigned = new java.util.LinkedHashMap<>(OpportunityRoutesTest.opportunity(other));
        unassigned.remove("assignedTo");
        ghl.post("/opportunities/", unassigned);

        Ghl.Response listing = admin.get("/_sandbox/opportunities?location=loc_abc123");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.list("opportunities")).hasSize(2);
        assertThat(listing.list("opportunities").get(0))
                .containsEntry("id", assigned)
                .containsEntry("contactId", contactId)
                .containsEntry("assignedTo", "user_ana456")
                .containsEntry("contactAssignedTo", "user_ana456");
        assertThat(listing.list("opportunities").get(1)).doesNotContainKey("assignedTo");
        assertThat(admin.get("/_sandbox/opportunities?location=loc_def456").list("opportunities"))
                .isEmpty();
        assertThat(admin.get("/_sandbox/opportunities?location=loc_nowhere").status())
                .isEqualTo(404);

        SandboxStats.LocationStats stats = sandbox.stats().location("loc_abc123");
        assertThat(stats.opportunitiesByAssignee()).isEqualTo(Map.of("user_ana456", 1L, "", 1L));
        assertThat(stats.contactsByAssignee()).isEqualTo(Map.of("user_ana456", 1L, "", 1L));
        assertThat(admin.get("/_sandbox/stats").map("byLocation"))
                .extractingByKey("loc_abc123")
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsKeys("opportunitiesByAssignee", "contactsByAssignee");
        assertThat(ghl.get("/users/?locationId=loc_abc123").list("users"))
                .extracting(u -> u.get("id"))
                .contains("user_ana456", "user_ben789", "user_cara012");
    }

    @Test
    void driversPlayTheRecruitAndTheUserAndEmitWhatGhlWould() throws Exception {
        admin.post("/_sandbox/webhooks", Json.obj("url", receiver.url().toString()));
        String contactId =
                (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Rita", "rita@example.com", "+14075550123"))
                        .map("contact")
                        .get("id");
        String opportunityId = (String) ghl.post("/opportunities/", OpportunityRoutesTest.opportunity(contactId))
                .map("opportunity")
                .get("id");

        Ghl.Response inbound = admin.post(
                "/_sandbox/inbound", Json.obj("contactId", contactId, "body", "Yes, call me", "type", "SMS"));
        Ghl.Response booked = admin.post("/_sandbox/book", Json.obj("contactId", contactId));
        String appointmentId = (String) booked.map("appointment").get("id");
        Ghl.Response showed =
                admin.post("/_sandbox/appointments/" + appointmentId + "/status", Json.obj("status", "showed"));
        Ghl.Response moved = admin.post(
                "/_sandbox/opportunities/" + opportunityId + "/stage", Json.obj("stageId", "stage_presentation"));

        assertThat(inbound.status()).isEqualTo(201);
        assertThat(receiver.next("InboundMessage").json())
                .containsEntry("body", "Yes, call me")
                .containsEntry("contactId", contactId)
                .containsEntry("direction", "inbound");
        assertThat(receiver.next("ConversationUnreadUpdate").json()).containsEntry("unreadCount", 1L);
        assertThat(booked.status()).isEqualTo(201);
        assertThat(receiver.next("AppointmentCreate").json()).containsKey("appointment");
        assertThat(showed.map("appointment")).containsEntry("appointmentStatus", "showed");
        @SuppressWarnings("unchecked")
        Map<String, Object> updated =
                (Map<String, Object>) receiver.next("AppointmentUpdate").json().get("appointment");
        assertThat(updated).containsEntry("appointmentStatus", "showed");
        assertThat(moved.map("opportunity")).containsEntry("pipelineStageId", "stage_presentation");
        assertThat(receiver.next("OpportunityStageUpdate").json())
                .containsEntry("pipelineStageId", "stage_presentation")
                .containsEntry("id", opportunityId);
        assertThat(sandbox.stats().inboundMessages()).isEqualTo(1);
        assertThat(sandbox.stats().appointments()).isEqualTo(1);
        Ghl.Response messages = ghl.get("/conversations/" + inbound.str("conversationId") + "/messages");
        assertThat(messages.list("messages"))
                .extracting(m -> m.get("direction"))
                .containsExactly("inbound");
    }

    @Test
    void ghlsOwnStatusesActiveAndCompletedAreReportedButNotWritableByAClient() throws Exception {
        admin.post("/_sandbox/webhooks", Json.obj("url", receiver.url().toString()));
        String contactId = (String) ghl.post("/contacts/", Ghl.contact("loc_abc123", "Ada", "ada@example.com", null))
                .map("contact")
                .get("id");
        String appointmentId = (String) admin.post("/_sandbox/book", Json.obj("contactId", contactId))
                .map("appointment")
                .get("id");
        receiver.next("AppointmentCreate");

        Ghl.Response completed =
                admin.post("/_sandbox/appointments/" + appointmentId + "/status", Json.obj("status", "completed"));
        Ghl.Response written =
                ghl.put("/calendars/events/appointments/" + appointmentId, Json.obj("appointmentStatus", "completed"));

        assertThat(completed.status()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> updated =
                (Map<String, Object>) receiver.next("AppointmentUpdate").json().get("appointment");
        assertThat(updated).containsEntry("appointmentStatus", "completed");
        assertThat(written.status()).isEqualTo(422);
    }

    @Test
    void resetRestoresTheSeedZeroesCountersAndKeepsTokensAndSubscriptions() {
        admin.post("/_sandbox/webhooks", Json.obj("url", receiver.url().toString()));
        ghl.post("/contacts/", Ghl.contact("loc_abc123", "Sam", "sam@example.com", null));
        admin.post("/_sandbox/faults", Json.obj("route", "*", "error500", 1.0));

        Ghl.Response reset = admin.post("/_sandbox/reset", Json.obj());

        assertThat(reset.status()).isEqualTo(200);
        assertThat(sandbox.stats().contacts()).isZero();
        assertThat(sandbox.stats().requests()).isZero();
        assertThat(ghl.get("/users/user_gary123").status()).isEqualTo(200);
        assertThat(admin.get("/_sandbox/webhooks").json().get("urls"))
                .isEqualTo(List.of(receiver.url().toString()));
    }

    @Test
    void mainParsesTheDocumentedArguments() {
        SandboxConfig config = GhlSandboxMain.parse(new String[] {
            "--port",
            "8089",
            "--rate-limit",
            "100/60s",
            "--webhook-url",
            "http://localhost:9000/hook",
            "--token-lifetime",
            "3600s"
        });

        assertThat(config.port()).isEqualTo(8089);
        assertThat(config.burstLimit()).isEqualTo(100);
        assertThat(config.burstWindow()).hasSeconds(60);
        assertThat(config.webhookUrls()).extracting(Object::toString).containsExactly("http://localhost:9000/hook");
        assertThat(config.accessTokenLifetime()).hasHours(1);
        assertThat(config.webhookMaxRetries()).isEqualTo(6);
        assertThat(config.webhookRetryInterval()).hasMinutes(10);
        assertThat(config.webhookRetryJitter()).hasSeconds(100);
        SandboxConfig fast = GhlSandboxMain.parse(new String[] {"--webhook-retries", "3/1s+0s"});
        assertThat(fast.webhookMaxRetries()).isEqualTo(3);
        assertThat(fast.webhookRetryInterval()).hasSeconds(1);
        assertThat(fast.webhookRetryJitter()).isZero();
        assertThat(GhlSandboxMain.parse(new String[] {"--webhook-retries=0/10m"})
                        .webhookMaxRetries())
                .isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> GhlSandboxMain.parse(new String[] {"--webhook-retries", "six"}))
                .hasMessageContaining("6/10m+100s");
        assertThat(GhlSandboxMain.parse(new String[] {"--help"})).isNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> GhlSandboxMain.parse(new String[] {"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
