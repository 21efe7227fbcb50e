package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.recruitflow.application.declareemergency.DeclareEmergencyService;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeProgress;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/replies/review} and {@code POST /api/replies/{id}/resolve} over real HTTP: the reply's text is
 * shown to the admin and never logged; bad input is a 4xx without a stack trace.
 */
class ReplyReviewRoutesTest {
    static final String TOKEN = "admin-token-0123456789abcdef";
    static final Instant AT = Instant.parse("2026-03-02T15:00:00Z");
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");
    static final String TEXT = "Not interested, Bob <b>Smith</b> 4075551234";

    private final Map<String, RecruitReply> store = new ConcurrentHashMap<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private volatile RuntimeException failure;
    private WebhookServer server;
    private Http http;

    @BeforeEach
    void start() {
        logs.start();
        root.addAppender(logs);
        store.put("evt_1", review("evt_1", 0));
        store.put("evt_2", review("evt_2", 1));
        ReviewRepliesUseCase replies = new ReviewRepliesUseCase() {
            @Override
            public List<RecruitReply> open(int limit) {
                return store.values().stream()
                        .filter(RecruitReply::open)
                        .sorted(java.util.Comparator.comparing(RecruitReply::receivedAt))
                        .limit(limit)
                        .toList();
            }

            @Override
            public Optional<RecruitReply> find(String id) {
                return Optional.ofNullable(store.get(id));
            }

            @Override
            public Resolution resolve(String id, boolean optOut, String decidedBy) {
                if (failure != null) {
                    throw failure;
                }
                RecruitReply r = store.get(id);
                if (r == null) {
                    return new Resolution.NotFound();
                }
                if (!r.open()) {
                    return new Resolution.AlreadyDecided(r);
                }
                RecruitReply decided = r.decided(new RecruitReply.Decision(optOut, decidedBy, AT.plusSeconds(60)));
                store.put(id, decided);
                return new Resolution.Decided(decided);
            }
        };
        IntakeRecruitUseCase intake = new IntakeRecruitUseCase() {
            @Override
            public IntakeAcceptance accept(IntakeRecruitCommand command) {
                throw new UnsupportedOperationException();
            }

            @Override
            public IntakeProgress progress(RecruitId recruit) {
                throw new UnsupportedOperationException();
            }
        };
        ImportLeadsUseCase imports = c -> {
            throw new UnsupportedOperationException();
        };
        ViewRecruitUseCase recruits = new ViewRecruitUseCase() {
            @Override
            public Optional<RecruitView> view(RecruitId id) {
                return Optional.empty();
            }

            @Override
            public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
                return new Page<>(List.of(), Optional.empty());
            }
        };
        FakeEventInbox inbox = new FakeEventInbox();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(inbox)
                .admin(new AdminServices(
                        intake,
                        imports,
                        recruits,
                        c -> {
                            throw new UnsupportedOperationException();
                        },
                        q -> {
                            throw new UnsupportedOperationException();
                        },
                        inbox,
                        Optional.empty(),
                        replies,
                        new DeclareEmergencyService(DeclaredEmergencies.inMemory(), Clock.system())))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
        root.detachAppender(logs);
        // Whatever a test did, the reply's text never reached a log line.
        assertThat(logs.list)
                .noneMatch(e -> e.getFormattedMessage().contains("Not interested")
                        || e.getFormattedMessage().contains("4075551234"));
    }

    static RecruitReply review(String id, int minute) {
        return RecruitReply.received(
                id,
                ANN,
                new LocationId("loc_1"),
                new ContactId("c_1"),
                RecruitReply.Kind.REVIEW,
                "'not interested' may be a revocation",
                Optional.of(TEXT),
                AT.plusSeconds(60L * minute));
    }

    @Test
    void theOpenReviewsAreListedOldestFirstWithTheReplyText() {
        HttpResponse<String> r = get("/api/replies/review");
        assertThat(r.statusCode()).isEqualTo(200);
        List<Map<String, Object>> items = items(r);
        assertThat(items).extracting(i -> i.get("id")).containsExactly("evt_1", "evt_2");
        assertThat(items.get(0))
                .containsEntry("recruitId", ANN.toString())
                .containsEntry("reply", TEXT)
                .containsEntry("why", "'not interested' may be a revocation")
                .containsEntry("status", "open")
                .containsEntry("decidedBy", null)
                .containsEntry("receivedAt", "2026-03-02T15:00:00Z");
        assertThat(items(get("/api/replies/review?limit=1"))).hasSize(1);
    }

    @Test
    void aBadLimitIs400() {
        for (String limit : List.of("0", "501", "ten", "-1")) {
            HttpResponse<String> r = get("/api/replies/review?limit=" + limit);
            assertThat(r.statusCode()).as(limit).isEqualTo(400);
            assertThat(json(r)).containsEntry("error", "bad_request");
        }
    }

    @Test
    void resolvingAsAnOptOutAnswersTheDecision() {
        HttpResponse<String> r = post("/api/replies/evt_1/resolve", "{\"optOut\": true}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r))
                .containsEntry("id", "evt_1")
                .containsEntry("status", "opted_out")
                .containsEntry("decidedBy", "admin API")
                .containsEntry("decidedAt", "2026-03-02T15:01:00Z");
        assertThat(items(get("/api/replies/review")))
                .extracting(i -> i.get("id"))
                .containsExactly("evt_2");
    }

    @Test
    void releasingNamesWhoDecided() {
        HttpResponse<String> r = post("/api/replies/evt_2/resolve", "{\"optOut\": false, \"decidedBy\": \"Dana\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).containsEntry("status", "released").containsEntry("decidedBy", "admin API: Dana");
    }

    @Test
    void aDecidedReplyIs409AndAnUnknownOne404() {
        post("/api/replies/evt_1/resolve", "{\"optOut\": false}");
        HttpResponse<String> again = post("/api/replies/evt_1/resolve", "{\"optOut\": true}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again)).containsEntry("error", "already_decided");
        HttpResponse<String> unknown = post("/api/replies/evt_nope/resolve", "{\"optOut\": true}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown)).containsEntry("error", "not_found");
    }

    @Test
    void badBodiesAre4xxWithoutAStackTrace() {
        Map<String, Integer> cases = Map.of(
                "not json",
                400,
                "[true]",
                400,
                "{}",
                422,
                "{\"optOut\": null}",
                422,
                "{\"optOut\": \"maybe\"}",
                422,
                "{\"optOut\": 1}",
                422,
                "{\"optOut\": {\"yes\": true}}",
                422,
                "{\"optOut\": true, \"decidedBy\": [1]}",
                422,
                "{\"optOut\": true, \"decidedBy\": \"" + "x".repeat(101) + "\"}",
                422);
        cases.forEach((body, status) -> {
            HttpResponse<String> r = post("/api/replies/evt_1/resolve", body);
            assertThat(r.statusCode()).as(body).isEqualTo(status);
            assertThat(r.body()).as(body).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(json(r)).as(body).containsKeys("error", "message");
        });
        assertThat(store.get("evt_1").open()).as("nothing was decided").isTrue();
    }

    @Test
    void anUnexpectedFailureIsABare500() {
        failure = new IllegalStateException("database gone");
        HttpResponse<String> r = post("/api/replies/evt_1/resolve", "{\"optOut\": true}");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r)).containsEntry("error", "internal_error").containsEntry("message", "unexpected error");
        assertThat(r.body()).doesNotContain("database gone").doesNotContain("IllegalStateException");
    }

    @Test
    void theRoutesNeedTheAdminToken() {
        assertThat(http.get("/api/replies/review").statusCode()).isEqualTo(401);
        assertThat(http.post(
                                "/api/replies/evt_1/resolve",
                                Bodies.utf8("{\"optOut\": true}"),
                                "Content-Type",
                                "application/json")
                        .statusCode())
                .isEqualTo(401);
        assertThat(store.get("evt_1").open()).isTrue();
    }

    @Test
    void theDashboardListsTheRepliesToReviewEscaped() {
        HttpResponse<String> page = http.get("/", "Authorization", "Bearer " + TOKEN);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"replies\"")
                .contains("Replies to review")
                .contains("Not interested, Bob &lt;b&gt;Smith&lt;/b&gt;")
                .doesNotContain("<b>Smith</b>")
                .contains("evt_1");
    }

    private HttpResponse<String> get(String path) {
        return http.get(path, "Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> post(String path, String body) {
        return http.post(
                path, Bodies.utf8(body), "Authorization", "Bearer " + TOKEN, "Content-Type", "application/json");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> r) {
        assertThat(r.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
        return (Map<String, Object>) TestJson.read(r.body()).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(HttpResponse<String> r) {
        return (List<Map<String, Object>>) json(r).get("items");
    }
}
