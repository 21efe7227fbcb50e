package io.recruitflow.adapter.ghl;

import static io.recruitflow.adapter.ghl.MockGhl.detail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.recruitflow.adapter.ghl.GhlHttpError.Reason;
import io.recruitflow.application.port.Installations;
import io.recruitflow.domain.appointment.AppointmentDraft;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Slot;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
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

/** The client against the GHL sandbox (module ghl-sandbox): the whole recruiting flow, OAuth, faults, rate limits. */
class SandboxEndToEndTest {
    private static final LocationId LOC = new LocationId("loc_abc123");
    private static GhlSandbox sandbox;
    private static final OkHttpClient admin = new OkHttpClient();
    private GhlClient ghl;

    @BeforeAll
    static void startSandbox() {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("50/1s"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
        admin.dispatcher().executorService().shutdown();
        admin.connectionPool().evictAll();
    }

    @BeforeEach
    void client() {
        sandbox.reset();
        ghl = GhlClient.create(config().build(), null, Clock.system());
    }

    @AfterEach
    void closeClient() {
        ghl.close();
    }

    private static GhlClientConfig.Builder config() {
        return GhlClientConfig.builder()
                .baseUrl(sandbox.baseUrl())
                .privateIntegrationToken(
                        sandbox.credentials().location(LOC.value()).privateIntegrationToken())
                .defaultLocation(LOC.value())
                .rateLimit("50/1s")
                .backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .attemptTimeout(Duration.ofSeconds(3));
    }

    private static ContactDraft draft(String email, String phone) {
        return new ContactDraft(
                LOC,
                "John",
                "Smith",
                Optional.of(new EmailAddress(email)),
                Optional.of(new PhoneNumber(phone)),
                Set.of("Licensed", "PropHog-Lead"),
                List.of(
                        new CustomFieldValue("cf_license_state", "FL"),
                        new CustomFieldValue("contact.license_number", "W1")),
                Optional.of("PropHog"));
    }

    private static void fault(String json) throws Exception {
        try (Response r = admin.newCall(new Request.Builder()
                        .url(sandbox.baseUrl() + "/_sandbox/faults")
                        .post(RequestBody.create(json, MediaType.get("application/json")))
                        .build())
                .execute()) {
            assertThat(r.code())
                    .as("fault accepted: %s", r.body() == null ? "" : r.body().string())
                    .isLessThan(300);
        }
    }

    @Test
    void theSpeedToLeadFlowRunsEndToEnd() {
        var upserted = ghl.contacts().upsert(draft("john.smith@example.com", "+14075551234"));
        assertThat(upserted.created()).isTrue();
        var contact = upserted.contact();
        assertThat(ghl.contacts()
                        .upsert(draft("john.smith@example.com", "+14075551234"))
                        .created())
                .isFalse();
        assertThat(contact.customFields()).extracting(CustomFieldValue::fieldId).contains("cf_license_state");

        var pipelines = ghl.pipelines().list(LOC);
        assertThat(pipelines).extracting(p -> p.id().value()).contains("pipe_recruiting");
        var opportunity = ghl.opportunities()
                .create(new OpportunityDraft(
                        LOC,
                        new PipelineId("pipe_recruiting"),
                        new StageId("stage_lead"),
                        contact.id(),
                        "John Smith - Agent Recruit",
                        OpportunityStatus.OPEN,
                        BigDecimal.valueOf(5000),
                        Optional.empty()));
        assertThat(ghl.opportunities().findForContact(LOC, new PipelineId("pipe_recruiting"), contact.id()))
                .map(o -> o.id())
                .contains(opportunity.id());

        var sent = ghl.conversations().send(OutgoingMessage.sms(LOC, contact.id(), "Hi John, this is Gary."));
        ghl.workflows().enroll(LOC, contact.id(), new WorkflowId("wf_speed_to_lead"));
        assertThat(ghl.workflows().findByName(LOC, "Speed to Lead")).isPresent();
        assertThat(ghl.contacts().addTags(LOC, contact.id(), Set.of("Hot-Lead")))
                .contains("Hot-Lead", "Licensed");

        sandbox.simulateInboundMessage(contact.id().value(), "Yes, interested!", "SMS");
        var messages = ghl.conversations().messages(LOC, sent.conversationId()).toList();
        assertThat(messages).extracting(m -> m.direction()).containsExactly(Direction.INBOUND, Direction.OUTBOUND);
        assertThat(ghl.conversations().messagesWith(LOC, contact.id())).containsExactlyElementsOf(messages);
        assertThat(ghl.conversations().findConversation(LOC, contact.id())).contains(sent.conversationId());

        var moved = ghl.opportunities()
                .move(
                        LOC,
                        opportunity.id(),
                        new StageId("stage_presentation"),
                        OpportunityStatus.OPEN,
                        Optional.empty());
        assertThat(moved).isPresent();
        assertThat(ghl.opportunities()
                        .find(LOC, opportunity.id())
                        .orElseThrow()
                        .stage()
                        .value())
                .isEqualTo("stage_presentation");

        var calendar = ghl.calendars().list(LOC).get(0);
        Instant from = Instant.now();
        var slots = ghl.calendars()
                .freeSlots(LOC, calendar.id(), from, from.plus(Duration.ofDays(40)), ZoneId.of("America/New_York"));
        assertThat(slots).isNotEmpty().isSorted();
        Slot slot = slots.get(0);
        var booked = ghl.calendars()
                .book(new AppointmentDraft(
                        calendar.id(),
                        LOC,
                        contact.id(),
                        slot,
                        "iDecide Presentation - John Smith",
                        AppointmentStatus.CONFIRMED));
        assertThat(booked.start()).isEqualTo(slot.start());
        assertThat(ghl.calendars()
                        .freeSlots(
                                LOC,
                                calendar.id(),
                                from,
                                from.plus(Duration.ofDays(40)),
                                ZoneId.of("America/New_York")))
                .doesNotContain(slot);
        ExternalFailure.Rejected taken = catchThrowableOfType(
                ExternalFailure.Rejected.class,
                () -> ghl.calendars()
                        .book(new AppointmentDraft(
                                calendar.id(), LOC, contact.id(), slot, "Twice", AppointmentStatus.CONFIRMED)));
        assertThat(detail(taken).status()).isEqualTo(400);
        assertThat(ghl.calendars()
                        .update(LOC, booked.id(), slot, AppointmentStatus.SHOWED)
                        .status())
                .isEqualTo(AppointmentStatus.SHOWED);

        ghl.opportunities().updateStatus(LOC, opportunity.id(), OpportunityStatus.WON);
        assertThat(ghl.opportunities().find(LOC, opportunity.id()).orElseThrow().status())
                .isEqualTo(OpportunityStatus.WON);
        assertThat(ghl.contacts().search(LOC, "john").map(c -> c.id())).contains(contact.id());
        assertThat(ghl.contacts()
                        .findByPhoneOrEmail(LOC, Optional.of(new PhoneNumber("+14075551234")), Optional.empty()))
                .map(c -> c.id())
                .contains(contact.id());
        assertThat(ghl.directory().findLocation(LOC).orElseThrow().timeZone()).contains(ZoneId.of("America/New_York"));
        assertThat(ghl.directory().usersOf(LOC)).extracting(u -> u.id().value()).contains("user_gary123");

        ghl.calendars().cancel(LOC, booked.id());
        ghl.workflows().unenroll(LOC, contact.id(), new WorkflowId("wf_speed_to_lead"));
        ghl.opportunities().delete(LOC, opportunity.id());
        ghl.contacts().delete(LOC, contact.id());
        assertThat(ghl.contacts().find(LOC, contact.id())).isEmpty();

        var stats = sandbox.stats();
        assertThat(stats.duplicateContacts()).isZero();
        assertThat(stats.duplicateMessages()).isZero();
        assertThat(stats.rateLimited()).isZero();
        assertThat(ghl.rateBudget(TokenOwner.location(LOC)).orElseThrow().burstMax())
                .isEqualTo(50);
        assertThat(ghl.callBudgets().of(LOC).orElseThrow().burstMax()).isEqualTo(50);
    }

    @Test
    void retriesRideOutInjected5xxAnd429OnReads() throws Exception {
        var contact =
                ghl.contacts().upsert(draft("r@example.com", "+14075550001")).contact();
        fault("{\"route\":\"GET /contacts/{contactId}\",\"error500\":0.1,\"error503\":0.1,\"error429\":0.05,"
                + "\"reset\":0.05,\"seed\":7}");
        long before = sandbox.stats().requests();

        try (GhlClient patient = GhlClient.create(config().maxAttempts(6).build(), null, Clock.system())) {
            for (int i = 0; i < 20; i++) {
                assertThat(patient.contacts().find(LOC, contact.id())).isPresent();
            }
        }
        // Some of the 20 reads needed more than one attempt.
        assertThat(sandbox.stats().requests() - before).isGreaterThan(20);
    }

    @Test
    void aResetOnACreateIsOutcomeUnknownAndIsNeverRepeated() throws Exception {
        fault("{\"route\":\"POST /conversations/messages\",\"reset\":1.0}");
        var contact =
                ghl.contacts().upsert(draft("u@example.com", "+14075550002")).contact();

        ExternalFailure.OutcomeUnknown e = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class,
                () -> ghl.conversations().send(OutgoingMessage.sms(LOC, contact.id(), "Hi")));
        assertThat(detail(e).reason()).isEqualTo(Reason.CONNECTION_BROKEN);
        assertThat(detail(e).route()).isEqualTo("POST /conversations/messages");
        assertThat(sandbox.stats().duplicateMessages()).isZero();
    }

    @Test
    void a422ThatStillCreatedIsOutcomeUnknownAndReconcilable() throws Exception {
        fault("{\"route\":\"POST /contacts/\",\"createdButUnprocessable\":1.0}");

        ExternalFailure.OutcomeUnknown e = catchThrowableOfType(
                ExternalFailure.OutcomeUnknown.class,
                () -> ghl.contacts().create(draft("q@example.com", "+14075550003")));

        assertThat(detail(e).status()).isEqualTo(422);
        assertThat(ghl.contacts()
                        .findByPhoneOrEmail(LOC, Optional.empty(), Optional.of(new EmailAddress("q@example.com"))))
                .isPresent();
        assertThat(sandbox.stats().contacts()).isEqualTo(1);
    }

    @Test
    void theClientLimiterKeepsUnderTheSandboxLimit() {
        for (int i = 0; i < 120; i++) {
            ghl.workflows().list(LOC);
        }
        assertThat(sandbox.stats().rateLimited()).isZero();
    }

    @Test
    void oauthInstallsThroughTheMarketplaceFlowAndMintsLocationTokens() throws Exception {
        var oauth = sandbox.credentials().oauth();
        CountingCredentialStore store = new CountingCredentialStore();
        try (GhlClient client = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .marketplaceUrl(sandbox.baseUrl())
                        .oauth(oauth.clientId(), oauth.clientSecret(), "http://127.0.0.1/cb")
                        .rateLimit("50/1s")
                        .build(),
                store,
                Clock.system())) {
            URI authorize = client.installations().consentUrl("s1");
            String code;
            try (Response r = admin.newBuilder()
                    .followRedirects(false)
                    .build()
                    .newCall(new Request.Builder().url(authorize.toString()).build())
                    .execute()) {
                assertThat(r.code()).isEqualTo(302);
                code = HttpUrl.get(r.header("Location")).queryParameter("code");
            }
            var location = client.installations().complete(code, Installations.Installer.LOCATION);
            assertThat(location).isEqualTo(new Installations.Installed(Installations.Installer.LOCATION, LOC.value()));
            assertThat(store.tokens.find(TokenOwner.location(LOC))).isPresent();
            assertThat(client.pipelines().list(LOC)).isNotEmpty();

            String companyCode;
            try (Response r = admin.newBuilder()
                    .followRedirects(false)
                    .build()
                    .newCall(new Request.Builder().url(authorize.toString()).build())
                    .execute()) {
                companyCode = HttpUrl.get(r.header("Location")).queryParameter("code");
            }
            var company = client.installations().complete(companyCode, Installations.Installer.AGENCY);
            assertThat(company.installer()).isEqualTo(Installations.Installer.AGENCY);
            CompanyId agency = new CompanyId(company.accountId());
            assertThat(store.tokens.find(TokenOwner.company(agency))).isPresent();
            var batch = client.installations()
                    .locationTokens(agency, List.of(new LocationId("loc_def456"), new LocationId("loc_missing")));
            assertThat(batch.issued()).containsOnlyKeys(new LocationId("loc_def456"));
            assertThat(batch.failed()).containsOnlyKeys(new LocationId("loc_missing"));
            assertThat(client.workflows().list(new LocationId("loc_def456"))).isNotEmpty();
            assertThat(client.directory().searchLocations(agency)).hasSizeGreaterThanOrEqualTo(2);
            assertThat(client.installations().remove(new LocationId("loc_def456")))
                    .isTrue();
            assertThat(catchThrowableOfType(
                            ExternalFailure.AccessDenied.class,
                            () -> client.workflows().list(new LocationId("loc_def456"))))
                    .isNotNull();
            assertThat(client.installations().addLocation(Optional.of(agency), new LocationId("loc_def456")))
                    .isEqualTo(Installations.LocationAccess.OBTAINED);
            assertThat(client.workflows().list(new LocationId("loc_def456"))).isNotEmpty();
        }
    }

    @Test
    void anExpiredOAuthTokenIsRefreshedAgainstTheSandbox() throws Exception {
        var oauth = sandbox.credentials().oauth();
        CountingCredentialStore store = new CountingCredentialStore();
        Instant[] now = {Instant.now()};
        try (GhlClient client = GhlClient.create(
                GhlClientConfig.builder()
                        .baseUrl(sandbox.baseUrl())
                        .marketplaceUrl(sandbox.baseUrl())
                        .oauth(oauth.clientId(), oauth.clientSecret(), "http://127.0.0.1/cb")
                        .rateLimit("50/1s")
                        .build(),
                store,
                () -> now[0])) {
            String code;
            try (Response r = admin.newBuilder()
                    .followRedirects(false)
                    .build()
                    .newCall(new Request.Builder()
                            .url(client.installations().consentUrl("s").toString())
                            .build())
                    .execute()) {
                code = HttpUrl.get(r.header("Location")).queryParameter("code");
            }
            OAuthTokens first = client.installations().exchangeCode(code, TokenOwner.Type.LOCATION);
            now[0] = first.expiresAt().minusSeconds(30); // inside the refresh skew

            assertThat(client.calendars().list(LOC)).isNotEmpty();
            OAuthTokens second = store.tokens.find(first.owner()).orElseThrow();
            assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        }
    }
}
