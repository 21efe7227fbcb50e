package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.recruitflow.application.declareemergency.DeclareEmergencyService;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.SolicitationEngine;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The declared-emergency routes of the admin API ({@code GET/POST /api/compliance/emergencies}, {@code DELETE
 * /api/compliance/emergencies/{state}}) over real HTTP on the real use case, and the dashboard's recruit page
 * with the compliance decisions on its texts.
 */
class ComplianceRoutesTest {
    static final String TOKEN = "admin-token-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-12-01T15:00:00Z");
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");

    private final DeclaredEmergencies store = DeclaredEmergencies.inMemory();
    private final MutableClock clock = new MutableClock(NOW);
    private final ViewRecruitUseCase recruits = mock(ViewRecruitUseCase.class);
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(new FakeEventInbox())
                .clock(clock)
                .admin(new AdminServices(
                        mock(IntakeRecruitUseCase.class),
                        mock(ImportLeadsUseCase.class),
                        recruits,
                        mock(SchedulePresentationUseCase.class),
                        mock(RecruitingFunnelUseCase.class),
                        new FakeEventInbox(),
                        Optional.empty(),
                        mock(ReviewRepliesUseCase.class),
                        new DeclareEmergencyService(store, clock)))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    @Test
    void declaring_listing_and_ending_an_emergency() {
        HttpResponse<String> declared = post(
                "/api/compliance/emergencies",
                "{\"state\":\"LA\",\"until\":\"2026-12-10\",\"reason\":\"Hurricane, Proclamation 95 JML 2026\"}");
        assertThat(declared.statusCode()).isEqualTo(201);
        // Through December 10 everywhere in Louisiana (Central): midnight after it, 06:00 UTC.
        assertThat(json(declared))
                .containsEntry("state", "LA")
                .containsEntry("from", NOW.toString())
                .containsEntry("until", "2026-12-11T06:00:00Z")
                .containsEntry("reason", "Hurricane, Proclamation 95 JML 2026");
        assertThat(store.notEndedBy(UsState.LA, NOW)).hasSize(1);

        HttpResponse<String> list = get("/api/compliance/emergencies");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).get("items")).asList().hasSize(1);

        clock.advance(Duration.ofHours(1));
        HttpResponse<String> ended = delete("/api/compliance/emergencies/la");
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(json(ended)).containsEntry("state", "LA");
        assertThat(json(ended).get("ended")).asList().hasSize(1);
        assertThat(store.notEndedBy(UsState.LA, clock.now())).isEmpty();
        assertThat(json(get("/api/compliance/emergencies")).get("items"))
                .asList()
                .isEmpty();
        assertThat(delete("/api/compliance/emergencies/LA").statusCode()).isEqualTo(404);
    }

    @Test
    void an_instant_a_state_name_a_start_and_the_default_reason() {
        HttpResponse<String> r = post(
                "/api/compliance/emergencies",
                "{\"state\":\"Florida\",\"from\":\"2026-12-02\",\"until\":\"2026-12-03T18:00:00Z\"}");
        assertThat(r.statusCode()).isEqualTo(201);
        // From the start of December 2 anywhere in Florida (Eastern).
        assertThat(json(r))
                .containsEntry("state", "FL")
                .containsEntry("from", "2026-12-02T05:00:00Z")
                .containsEntry("until", "2026-12-03T18:00:00Z")
                .containsEntry("reason", "declared state of emergency");
    }

    @Test
    void bad_input_is_a_4xx_with_a_message_and_no_stack_trace() {
        Map<String, Integer> bad = Map.of(
                "{\"until\":\"2026-12-10\"}",
                422,
                "{\"state\":\"XX\",\"until\":\"2026-12-10\"}",
                422,
                "{\"state\":\"LA\"}",
                422,
                "{\"state\":\"LA\",\"until\":\"next week\"}",
                422,
                "{\"state\":\"LA\",\"until\":\"2026-11-01\"}",
                422,
                "{\"state\":\"LA\",\"from\":\"2026-12-20\",\"until\":\"2026-12-10\"}",
                422,
                "{\"state\":[\"LA\"],\"until\":\"2026-12-10\"}",
                422,
                "{\"state\":\"LA\",\"until\":\"2026-12-10\",\"reason\":\"" + "x".repeat(400) + "\"}",
                422,
                "[1,2]",
                400,
                "{not json",
                400);
        bad.forEach((body, status) -> {
            HttpResponse<String> r = post("/api/compliance/emergencies", body);
            assertThat(r.statusCode()).as(body).isEqualTo(status);
            assertThat(json(r)).as(body).containsKeys("error", "message");
            assertThat(r.body()).as(body).doesNotContain("Exception").doesNotContain("at io.");
        });
        assertThat(delete("/api/compliance/emergencies/Atlantis").statusCode()).isEqualTo(422);
        assertThat(store.notEndedBy(NOW)).isEmpty();
    }

    @Test
    void the_routes_need_the_token_and_json() {
        assertThat(http.get("/api/compliance/emergencies").statusCode()).isEqualTo(401);
        assertThat(http.post(
                                "/api/compliance/emergencies",
                                Bodies.utf8("{\"state\":\"LA\",\"until\":\"2026-12-10\"}"),
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.post(
                                "/api/compliance/emergencies",
                                Bodies.utf8("state=LA&until=2026-12-10"),
                                "Authorization",
                                "Bearer " + TOKEN,
                                "Content-Type",
                                "application/x-www-form-urlencoded")
                        .statusCode())
                .isEqualTo(415);
        HttpResponse<String> noType = http.send(http.request("/api/compliance/emergencies/LA")
                .DELETE()
                .header("Authorization", "Bearer " + TOKEN)
                .build());
        assertThat(noType.statusCode()).isEqualTo(415);
        assertThat(store.notEndedBy(NOW)).isEmpty();
    }

    @Test
    void the_dashboards_recruit_page_shows_each_decision_with_its_rules_and_no_personal_data() {
        Recruit ann = Recruit.accept(
                        ANN,
                        new LocationId("loc_1"),
                        new io.recruitflow.domain.recruit.Lead(
                                new PersonName("Ann", "Agent"),
                                Optional.empty(),
                                Optional.of(new PhoneNumber("+13055550100")),
                                new License(UsState.GA, Optional.of("W123"), Set.of(new LicenseType("Life"))),
                                "PropHog",
                                Map.of()),
                        Set.of(),
                        NOW)
                .withConsent(Consent.GRANTED);
        ComplianceEntry deferral = new ComplianceEntry(
                ANN,
                new MessageKey("intro/" + ANN),
                Channel.SMS,
                SolicitationEngine.standard()
                        .decide(
                                Whereabouts.of(
                                        ann.phone(), Optional.of(UsState.GA), Optional.empty(), Optional.empty()),
                                Channel.SMS,
                                Instant.parse("2026-02-13T01:30:00Z"),
                                List.of()));
        when(recruits.view(ANN))
                .thenReturn(Optional.of(new RecruitView(
                        ann, Optional.empty(), List.of(), Optional.empty(), List.of(), List.of(), List.of(deferral))));
        String basic = "Basic " + Base64.getEncoder().encodeToString(("ops:" + TOKEN).getBytes());

        HttpResponse<String> page = http.get("/recruits/" + ANN, "Authorization", basic);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("FL.hours")
                .contains("501.616")
                .contains("defer")
                .contains("2026-02-13 13:00:00 UTC")
                .contains("FL (area code 305)")
                .contains("GA (license)")
                .doesNotContain("5550100")
                .doesNotContain("Ann");
        assertThat(http.get("/recruits/" + ANN).statusCode()).isEqualTo(401);
        assertThat(http.get("/recruits/not-a-uuid", "Authorization", basic).statusCode())
                .isEqualTo(400);
        assertThat(http.get("/recruits/" + RecruitId.random(), "Authorization", basic)
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.post(
                path, Bodies.utf8(body), "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    private HttpResponse<String> delete(String path) {
        return http.send(http.request(path)
                .method("DELETE", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return (Map<String, Object>) TestJson.read(r.body()).orElseThrow();
    }
}
