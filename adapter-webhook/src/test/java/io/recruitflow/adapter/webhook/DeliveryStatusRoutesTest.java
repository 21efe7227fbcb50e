package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.RecruitView;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A text GHL could not deliver shows as such, with GHL's reason: on the dashboard and in the recruit's detail. */
class DeliveryStatusRoutesTest {
    static final String TOKEN = "delivery-token-0123456789abcdef";
    static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    static final RecruitId ANN = RecruitId.parse("00000000-0000-0000-0000-00000000a001");
    static final LocationId LOC = new LocationId("loc_1");
    static final String REASON =
            "unregistered sender (A2P 10DLC) (GHL: \"Message from an <b>Unregistered</b> Number\", " + "error 30034)";

    private WebhookServer server;
    private Http http;

    static MessageRecord failedIntro() {
        MessageRecord planned = new MessageRecord(
                new MessageKey("intro/" + ANN),
                LOC,
                new ContactId("c_1"),
                Channel.SMS,
                "Hi Ann",
                Optional.empty(),
                SendState.PLANNED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                NOW,
                NOW);
        return planned.sending(NOW)
                .sent(
                        new io.recruitflow.domain.message.SentMessage(
                                new MessageId("msg_1"), new ConversationId("conv_1")),
                        NOW)
                .withDelivery(Delivery.failed(REASON, false, NOW.plusSeconds(3)));
    }

    static MessageRecord workflowText() {
        return MessageRecord.reportedByCrm(
                new MessageId("wf_1"),
                LOC,
                new ContactId("c_1"),
                Channel.SMS,
                "Reminder",
                Optional.empty(),
                NOW.plusSeconds(60),
                Optional.of(Delivery.of(DeliveryStatus.DELIVERED, NOW.plusSeconds(61))));
    }

    static Recruit ann() {
        return new Recruit(
                ANN,
                LOC,
                new PersonName("Ann", "Agent"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075551234")),
                new License(UsState.FL, Optional.of("W123"), Set.of(new LicenseType("Life"))),
                "PropHog",
                Set.of(),
                Map.of(),
                Consent.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new ContactId("c_1")),
                NOW,
                Optional.of(NOW.plusSeconds(1)),
                1);
    }

    static Funnel funnel() {
        Funnel base = DashboardFixture.funnel();
        return new Funnel(
                base.stages(),
                base.conversions(),
                base.recruits(),
                base.won(),
                base.lost(),
                base.speedToLeadMedian(),
                base.speedToLeadP95(),
                base.speedToLeadSamples(),
                base.messages(),
                Map.of(DeliveryStatus.DELIVERED, 1280L, DeliveryStatus.FAILED, 7L, DeliveryStatus.UNDELIVERED, 3L),
                List.of(Funnel.NotDelivered.of(failedIntro())));
    }

    @BeforeEach
    void start() {
        ViewRecruitUseCase recruits = new ViewRecruitUseCase() {
            @Override
            public Optional<RecruitView> view(RecruitId id) {
                return Optional.of(new RecruitView(
                        ann(),
                        Optional.empty(),
                        List.of(),
                        Optional.of(failedIntro()),
                        List.of(),
                        List.of(failedIntro(), workflowText()),
                        List.of()));
            }

            @Override
            public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
                return new Page<>(List.of(), Optional.empty());
            }
        };
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(new FakeEventInbox())
                .clock(() -> NOW)
                .admin(new AdminServices(
                        mock(IntakeRecruitUseCase.class),
                        mock(ImportLeadsUseCase.class),
                        recruits,
                        mock(SchedulePresentationUseCase.class),
                        q -> funnel(),
                        new FakeEventInbox(),
                        Optional.empty()))
                .build();
        http = new Http(server.start(0));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    @Test
    void the_dashboard_counts_texts_not_delivered_apart_and_lists_them_with_ghls_reason_escaped() {
        HttpResponse<String> r = http.get("/", "Authorization", "Bearer " + TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"not-delivered\">10<")
                .contains("Texts GHL could not deliver")
                .contains("data-message=\"intro/" + ANN + "\"")
                .contains("unregistered sender (A2P 10DLC)")
                .contains("&lt;b&gt;Unregistered&lt;/b&gt;")
                .doesNotContain("<b>Unregistered</b>")
                .contains("not retried")
                .contains("data-delivery=\"FAILED\"><th>Failed</th><td class=\"num\">7<");
    }

    @Test
    void the_recruit_shows_each_message_with_its_delivery_status_and_ghls_reason() {
        HttpResponse<String> r = http.get("/api/recruits/" + ANN, "Authorization", "Bearer " + TOKEN);

        assertThat(r.statusCode()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) TestJson.read(r.body()).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> intro = (Map<String, Object>) body.get("intro");
        assertThat(intro)
                .containsEntry("delivery", "failed")
                .containsEntry("deliveryReason", REASON)
                .containsEntry("deliveryRetryable", false)
                .containsEntry("state", "SENT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> messages = (List<Map<String, Object>>) body.get("messages");
        assertThat(messages).extracting(m -> m.get("key")).containsExactly("intro/" + ANN, "crm/wf_1");
        assertThat(messages.get(1)).containsEntry("delivery", "delivered").containsEntry("deliveryReason", null);
    }

    @Test
    void the_funnel_api_counts_deliveries_apart_from_send_states() {
        HttpResponse<String> r = http.get("/api/funnel", "Authorization", "Bearer " + TOKEN);

        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) TestJson.read(r.body()).orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> deliveries = (Map<String, Object>) body.get("deliveries");
        assertThat(deliveries).containsEntry("FAILED", 7.0).containsEntry("UNDELIVERED", 3.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> failed = (List<Map<String, Object>>) body.get("notDelivered");
        assertThat(failed)
                .singleElement()
                .satisfies(t -> assertThat(t)
                        .containsEntry("key", "intro/" + ANN)
                        .containsEntry("status", "FAILED")
                        .containsEntry("retrying", false));
    }
}
