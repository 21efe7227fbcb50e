package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GHL's real behaviour end to end, one finding of issue 12 per test, on the real adapters (embedded PostgreSQL,
 * durable jobs, the GHL REST client, the HTTP server receiving the sandbox's signed webhooks) against the
 * sandbox, which does what GHL does: do-not-disturb per channel in the contact and only in ContactDndUpdate,
 * the upsert that drops a phone another contact holds (highlevel-api-docs #37), the trailing OpportunityUpdate
 * after a delete (#27), a contact's existing opportunity. What a GHL user or form does is done through GHL's
 * own API, as another client. One sandbox and one Recruitflow for the class; each test has its own leads.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RealGhlBehaviourE2eTest {
    private static final LocationId LOCATION = new LocationId(E2e.LOCATION);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static GhlSandbox sandbox;
    private static RecruitflowRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        sandbox = GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"));
        Path keys = dir.resolve("webhook-public-keys.pem");
        Files.writeString(
                keys,
                sandbox.publicKeysPem().ed25519() + "\n"
                        + sandbox.publicKeysPem().rsa() + "\n");
        Settings settings = Settings.load(Optional.empty(), Map.of());
        for (var e : E2e.settings(sandbox, dir.resolve("data")).entrySet()) {
            settings = settings.with(e.getKey(), e.getValue());
        }
        settings = settings.with(Setting.WEBHOOK_PUBLIC_KEYS, keys.toString())
                .with(Setting.ADMIN_TOKEN, HexFormat.of().formatHex(new SecureRandom().generateSeed(16)));
        runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system());
        int port = runtime.startHttp();
        sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
        runtime.startJobs();
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    // ---- finding 2: DND set in GHL is honoured at intake

    @Test
    void aLeadWhoseGhlContactHasSmsDndIsNotTextedAtIntake() throws Exception {
        String contact = createContact("Old", null, "+12065550141");
        ghl("PUT", "/contacts/" + contact, "{\"dndSettings\":{\"SMS\":{\"status\":\"active\",\"code\":\"101\"}}}");

        RecruitId id = importAndAwait("Ada,Quist,,(206) 555-0141");

        assertThat(recruit(id).contactId()).contains(new ContactId(contact));
        assertThat(recruit(id).consent().dnd()).isTrue();
        assertThat(step(id, IntakeStep.SEND_INTRO).state()).isEqualTo(StepState.SKIPPED);
        assertThat(outbound(new ContactId(contact))).as("texts to the contact").isEmpty();
    }

    // ---- finding 3: DND is never switched back off by a contact update

    @Test
    void aContactUpdateAfterAnSmsDndDoesNotSwitchItOff() throws Exception {
        RecruitId id = importAndAwait("Bea,Quist,bea.quist@example.net,(206) 555-0142");
        ContactId contact = recruit(id).contactId().orElseThrow();
        assertThat(recruit(id).consent().dnd()).isFalse();

        // A user sets DND on SMS in GHL: ContactUpdate (dnd false, no dndSettings) and ContactDndUpdate.
        ghl("PUT", "/contacts/" + contact.value(), "{\"dndSettings\":{\"SMS\":{\"status\":\"active\"}}}");
        E2e.await(WAIT, Duration.ofMillis(50), () -> recruit(id).consent().dnd(), () -> "DND never on: " + inbox());
        // Later a user edits the contact's name: a ContactUpdate with dnd false and no dndSettings.
        long delivered = sandbox.stats().webhooksDelivered();
        ghl("PUT", "/contacts/" + contact.value(), "{\"firstName\":\"Beatrice\"}");
        awaitWebhooksApplied(delivered + 1);

        assertThat(recruit(id).consent().dnd())
                .as("DND after a later ContactUpdate")
                .isTrue();
    }

    // ---- finding 4: the upsert's contact carries the lead's phone and email, or the lead gets its own

    @Test
    void aLeadWhoseEmailAndPhoneMatchTwoContactsIsTextedOnlyOnAContactOfItsOwn() throws Exception {
        String byEmail = createContact("Mary", "cal.quist@example.net", "+12065550199");
        String byPhone = createContact("Jack", null, "+12065550143");

        RecruitId id = importAndAwait("Cal,Quist,cal.quist@example.net,(206) 555-0143");

        ContactId linked = recruit(id).contactId().orElseThrow();
        assertThat(linked.value()).isNotIn(byEmail, byPhone);
        StepRecord upsert = step(id, IntakeStep.UPSERT_CONTACT);
        assertThat(upsert.detail())
                .hasValueSatisfying(d -> assertThat(d).contains(byEmail, "phone", "separate contact"));
        var own = runtime.ghl().contacts().find(LOCATION, linked).orElseThrow();
        assertThat(own.phone()).contains(new PhoneNumber("+12065550143"));
        assertThat(outbound(linked)).hasSize(1);
        assertThat(outbound(new ContactId(byEmail)))
                .as("texts to the email's contact")
                .isEmpty();
        assertThat(outbound(new ContactId(byPhone)))
                .as("texts to the phone's contact")
                .isEmpty();
    }

    // ---- finding 5: a deleted opportunity stays deleted

    @Test
    void anOpportunityDeletedInGhlDoesNotComeBackWithTheTrailingUpdate() throws Exception {
        RecruitId id = importAndAwait("Dov,Quist,dov.quist@example.net,(206) 555-0144");
        OpportunityId opportunity =
                new OpportunityId(step(id, IntakeStep.CREATE_OPPORTUNITY).ref().orElseThrow());
        OpportunityMirror mirror = runtime.injector().getInstance(OpportunityMirror.class);
        assertThat(mirror.find(opportunity)).isPresent();

        long delivered = sandbox.stats().webhooksDelivered();
        ghl("DELETE", "/opportunities/" + opportunity.value(), null);
        awaitWebhooksApplied(delivered + 2); // OpportunityDelete, then OpportunityUpdate (#27)

        assertThat(mirror.find(opportunity))
                .as("the deleted opportunity in the mirror")
                .isEmpty();
        assertThat(mirror.all(Optional.of(LOCATION))).extracting(o -> o.id()).doesNotContain(opportunity);
    }

    // ---- finding 6: no second opportunity for a contact that has one

    @Test
    void aLeadWhoseContactHasAnOpportunityKeepsItAtItsRealStage() throws Exception {
        String contact = createContact("Old", "eve.quist@example.net", "+12065550145");
        String opportunity = id(ghl(
                "POST",
                "/opportunities/",
                "{\"pipelineId\":\"pipe_recruiting\",\"locationId\":\"" + E2e.LOCATION + "\",\"name\":\"Eve\","
                        + "\"pipelineStageId\":\"stage_interested\",\"status\":\"open\",\"contactId\":\"" + contact
                        + "\"}"));

        RecruitId id = importAndAwait("Eve,Quist,eve.quist@example.net,(206) 555-0145");

        StepRecord create = step(id, IntakeStep.CREATE_OPPORTUNITY);
        assertThat(create.state()).as("%s", create.detail()).isEqualTo(StepState.DONE);
        assertThat(create.ref()).contains(opportunity);
        assertThat(runtime.ghl()
                        .opportunities()
                        .search(LOCATION, new PipelineId("pipe_recruiting"))
                        .filter(o -> new ContactId(contact).equals(o.contact())))
                .as("the contact's opportunities in GHL")
                .hasSize(1);
        OpportunityMirror mirror = runtime.injector().getInstance(OpportunityMirror.class);
        assertThat(mirror.find(new OpportunityId(opportunity)).orElseThrow().stage())
                .isEqualTo(RecruitingStage.INTERESTED);
    }

    // ---- helpers

    /** Imports one lead ("First,Last,Email,Phone") and waits until its intake is complete. */
    private static RecruitId importAndAwait(String lead) throws Exception {
        String csv = "First Name,Last Name,Email,Phone,License State,License Number,License Type\n" + lead
                + ",WA,WA-123456,Life\n";
        ImportReport report = runtime.injector()
                .getInstance(ImportLeadsUseCase.class)
                .importLeads(new ImportLeadsCommand(
                        LOCATION, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(report.rejected()).isEmpty();
        assertThat(report.accepted()).hasSize(1);
        RecruitId id = report.accepted().get(0).recruit();
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> intake.isComplete(id),
                () -> "intake open: " + journal().steps(id));
        return id;
    }

    /** Waits until the sandbox delivered at least {@code deliveries} webhooks and the inbox applied them all. */
    private static void awaitWebhooksApplied(long deliveries) throws InterruptedException {
        EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> {
                    InboxStats s = inbox.stats();
                    return sandbox.stats().webhooksDelivered() >= deliveries
                            && s.stored() + s.duplicates() >= sandbox.stats().webhooksDelivered()
                            && s.processed() + s.dead() + s.ignored() >= s.stored();
                },
                () -> "webhooks not applied: sandbox " + sandbox.stats() + ", inbox " + inbox.stats() + ", failing "
                        + inbox.list(io.recruitflow.application.port.InboxStatus.PENDING, 10).stream()
                                .map(e ->
                                        e.event().type() + ": " + e.lastError().orElse(""))
                                .toList());
    }

    private static String inbox() {
        return runtime.injector().getInstance(EventInbox.class).stats().toString();
    }

    private static Recruit recruit(RecruitId id) {
        return runtime.injector().getInstance(Recruits.class).find(id).orElseThrow();
    }

    private static IntakeJournal journal() {
        return runtime.injector().getInstance(IntakeJournal.class);
    }

    private static StepRecord step(RecruitId id, IntakeStep step) {
        return journal().find(id, step).orElseThrow();
    }

    private static List<ConversationMessage> outbound(ContactId contact) {
        return runtime.ghl()
                .conversations()
                .messagesWith(LOCATION, contact)
                .filter(m -> m.direction() == Direction.OUTBOUND)
                .toList();
    }

    private static String createContact(String first, String email, String phone) throws Exception {
        return id(ghl(
                "POST",
                "/contacts/",
                "{\"locationId\":\"" + E2e.LOCATION + "\",\"firstName\":\"" + first + "\""
                        + (email == null ? "" : ",\"email\":\"" + email + "\"")
                        + (phone == null ? "" : ",\"phone\":\"" + phone + "\"") + "}"));
    }

    private static String id(String answer) {
        Matcher m = ID.matcher(answer);
        assertThat(m.find()).as("an id in GHL's answer").isTrue();
        return m.group(1);
    }

    /** A call to GHL's API as a GHL user's tool (another client with the location's token) makes it. */
    private static String ghl(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + path))
                .timeout(Duration.ofSeconds(10))
                .header(
                        "Authorization",
                        "Bearer " + sandbox.credentials().location(E2e.LOCATION).privateIntegrationToken())
                .header("Version", "2021-07-28")
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s", method, path).isLessThan(300);
        return response.body();
    }
}
