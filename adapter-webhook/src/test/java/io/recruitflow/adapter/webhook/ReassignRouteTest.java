package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.routing.ReassignRecruitUseCase;
import io.recruitflow.application.routing.ReassignRecruitUseCase.Reassignment;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/recruits/{id}/assignee} over real HTTP: the token, the body's shape and the user id are checked
 * before the use case is asked; its answers become 200, 404 and 422; a GHL failure is a 502.
 */
class ReassignRouteTest {
    static final String TOKEN = "admin-token-0123456789abcdef";
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");
    static final UserId ANA = new UserId("user_ana456");
    static final UserId BEN = new UserId("user_ben789");

    private final List<String> asked = new ArrayList<>();
    private volatile RuntimeException failure;
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        ReassignRecruitUseCase assignments = (recruit, user) -> {
            asked.add(recruit + "->" + user);
            if (failure != null) {
                throw failure;
            }
            if (!recruit.equals(ANN)) {
                return new Reassignment.NotFound(recruit);
            }
            if (!user.equals(BEN)) {
                return new Reassignment.UnknownUser("location loc_1 has no user " + user
                        + " (its users: user_ana456, user_ben789); fix the routing settings");
            }
            return new Reassignment.Reassigned(ann().assignedTo(BEN), Optional.of(ANA), true, false);
        };
        FakeEventInbox inbox = new FakeEventInbox();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .admin(new AdminServices(
                                mock(IntakeRecruitUseCase.class),
                                mock(ImportLeadsUseCase.class),
                                mock(ViewRecruitUseCase.class),
                                mock(SchedulePresentationUseCase.class),
                                mock(RecruitingFunnelUseCase.class),
                                inbox,
                                Optional.empty())
                        .withAssignments(assignments))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    @Test
    void aReassignmentAnswersTheUserNowAndBeforeAndWhatChangedInGhl() {
        HttpResponse<String> r = post("/api/recruits/" + ANN + "/assignee", "{\"userId\": \" user_ben789 \"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r))
                .containsEntry("recruitId", ANN.toString())
                .containsEntry("assignedUser", "user_ben789")
                .containsEntry("previousUser", "user_ana456")
                .containsEntry("contactUpdated", true)
                .containsEntry("opportunityUpdated", false);
        assertThat(asked).containsExactly(ANN + "->user_ben789");
    }

    @Test
    void aUserTheLocationDoesNotHaveIs422WithTheLocationsUserIds() {
        HttpResponse<String> r = post("/api/recruits/" + ANN + "/assignee", "{\"userId\": \"user_gone\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(json(r)).containsEntry("error", "unknown_user");
        assertThat((String) json(r).get("message")).contains("its users: user_ana456, user_ben789");
    }

    @Test
    void anUnknownRecruitIs404() {
        HttpResponse<String> r =
                post("/api/recruits/00000000-0000-0000-0000-00000000b002/assignee", "{\"userId\": \"user_ben789\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r)).containsEntry("error", "not_found");
    }

    @Test
    void badInputIsRefusedBeforeTheUseCaseIsAsked() {
        assertThat(post("/api/recruits/not-a-uuid/assignee", "{\"userId\": \"user_ben789\"}")
                        .statusCode())
                .isEqualTo(400);
        assertThat(post("/api/recruits/" + ANN + "/assignee", "not json").statusCode())
                .isEqualTo(400);
        assertThat(post("/api/recruits/" + ANN + "/assignee", "[1]").statusCode())
                .isEqualTo(400);
        HttpResponse<String> missing = post("/api/recruits/" + ANN + "/assignee", "{}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat((String) json(missing).get("message")).contains("userId is required");
        assertThat(post("/api/recruits/" + ANN + "/assignee", "{\"userId\": {\"id\": 1}}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(post("/api/recruits/" + ANN + "/assignee", "{\"userId\": \"ana@example.com\"}")
                        .statusCode())
                .as("an id, not an email")
                .isEqualTo(422);
        assertThat(post("/api/recruits/" + ANN + "/assignee", "{\"userId\": \"" + "u".repeat(101) + "\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(http.post(
                                "/api/recruits/" + ANN + "/assignee",
                                Bodies.utf8("{\"userId\": \"user_ben789\"}"),
                                "Authorization",
                                "Bearer " + TOKEN,
                                "Content-Type",
                                "text/plain")
                        .statusCode())
                .isEqualTo(415);
        assertThat(asked).isEmpty();
    }

    @Test
    void theRouteNeedsTheAdminToken() {
        assertThat(http.post(
                                "/api/recruits/" + ANN + "/assignee",
                                Bodies.utf8("{\"userId\": \"user_ben789\"}"),
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(http.post(
                                "/api/recruits/" + ANN + "/assignee",
                                Bodies.utf8("{\"userId\": \"user_ben789\"}"),
                                "Authorization",
                                "Bearer wrong-token-0123456789",
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(asked).isEmpty();
    }

    @Test
    void aGhlFailureIsA502AndTheRequestCanBeRepeated() {
        failure = new ExternalFailure.Unavailable("GHL answered 503");
        assertThat(post("/api/recruits/" + ANN + "/assignee", "{\"userId\": \"user_ben789\"}")
                        .statusCode())
                .isEqualTo(502);
        failure = null;
        assertThat(post("/api/recruits/" + ANN + "/assignee", "{\"userId\": \"user_ben789\"}")
                        .statusCode())
                .isEqualTo(200);
    }

    private static Recruit ann() {
        return new Recruit(
                ANN,
                new LocationId("loc_1"),
                new PersonName("Ann", "Lee"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075550100")),
                new License(UsState.FL, Optional.empty(), Set.of(new LicenseType("Life"))),
                "PropHog",
                Set.of(),
                Map.of(),
                Consent.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Instant.parse("2026-03-02T15:00:00Z"),
                Optional.empty(),
                1);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.post(
                path, Bodies.utf8(body), "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        return (Map<String, Object>) TestJson.read(r.body()).orElseThrow();
    }
}
