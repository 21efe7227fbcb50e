package io.recruitflow.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Texts the sandbox does not deliver, reported the way GHL reports them. */
class DeliveryFailuresTest {
    private final MutableClock clock = new MutableClock(Instant.now());
    private GhlSandbox sandbox;
    private WebhookReceiver receiver;
    private Ghl ghl;
    private Ghl admin;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
        sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("10000/1s").withClock(clock));
        sandbox.subscribeWebhooks(receiver.url());
        ghl = Ghl.forLocation(sandbox, "loc_abc123");
        admin = new Ghl(sandbox.baseUrl(), null);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.close();
    }

    private String contact(String phone) {
        return ghl.post("/contacts/", Ghl.contact("loc_abc123", "Ann", null, phone))
                .map("contact")
                .get("id")
                .toString();
    }

    private Ghl.Response text(String contactId) {
        return ghl.post(
                "/conversations/messages", Json.obj("type", "SMS", "contactId", contactId, "message", "Hi Ann"));
    }

    @Test
    void a_text_to_a_failing_number_is_queued_then_reported_failed_with_ghls_error() throws Exception {
        String id = contact("+14075550101");
        assertThat(admin.post(
                                "/_sandbox/delivery-failures",
                                Json.obj("phone", "+14075550101", "reason", "unregistered"))
                        .status())
                .isEqualTo(200);

        Ghl.Response sent = text(id);
        Map<String, Object> event = receiver.next("OutboundMessage").json();

        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.str("msg")).isEqualTo("Message queued successfully.");
        assertThat(sent.str("status")).isEqualTo("pending");
        assertThat(event)
                .containsEntry("messageId", sent.str("messageId"))
                .containsEntry("status", "failed")
                .containsEntry("direction", "outbound");
        assertThat(event.get("error"))
                .isEqualTo(Map.of(
                        "code",
                        "30034",
                        "type",
                        "carrier",
                        "message",
                        "Message from an Unregistered Number (A2P 10DLC registration required)"));
        List<Map<String, Object>> messages = ghl.get("/conversations/" + sent.str("conversationId") + "/messages")
                .list("messages");
        assertThat(messages.get(0)).containsEntry("status", "failed").containsKey("error");
    }

    @Test
    void other_numbers_and_emails_are_delivered() throws Exception {
        admin.post("/_sandbox/delivery-failures", Json.obj("phone", "+14075550101", "reason", "carrier-blocked"));
        String other = contact("+14075550102");

        Ghl.Response sent = text(other);

        assertThat(sent.str("status")).isEqualTo("delivered");
        assertThat(receiver.next("OutboundMessage").json())
                .containsEntry("status", "delivered")
                .doesNotContainKey("error");
    }

    @Test
    void only_the_next_n_texts_fail_when_asked_so_a_retry_goes_through() throws Exception {
        String id = contact("+14075550103");
        admin.post("/_sandbox/delivery-failures", Json.obj("phone", "+14075550103", "reason", "temporary", "times", 1));

        text(id);
        Map<String, Object> first = receiver.next("OutboundMessage").json();
        text(id);
        Map<String, Object> second = receiver.next("OutboundMessage").json();

        assertThat(first).containsEntry("status", "undelivered");
        assertThat(((Map<?, ?>) first.get("error")).get("code")).isEqualTo("30017");
        assertThat(second).containsEntry("status", "delivered");
    }

    @Test
    void a_failure_rate_fails_that_share_of_texts() {
        sandbox.deliveryFailures().failAtRate(1.0, DeliveryFailures.Reason.TEMPORARY, 7);
        String id = contact("+14075550104");
        assertThat(text(id).str("status")).isEqualTo("pending");
        sandbox.deliveryFailures().failAtRate(0.0, DeliveryFailures.Reason.TEMPORARY, 7);
        assertThat(text(id).str("status")).isEqualTo("delivered");
    }

    @Test
    void the_admin_api_lists_validates_and_clears() {
        admin.post("/_sandbox/delivery-failures", Json.obj("phone", "+14075550105", "reason", "30005"));

        Ghl.Response listed = admin.get("/_sandbox/delivery-failures");
        assertThat(listed.list("numbers"))
                .singleElement()
                .satisfies(n -> assertThat(n)
                        .containsEntry("phone", "+14075550105")
                        .containsEntry("reason", "invalid-number")
                        .containsEntry("status", "undelivered"));
        assertThat(admin.post("/_sandbox/delivery-failures", Json.obj("phone", "4075550105"))
                        .status())
                .isEqualTo(422);
        assertThat(admin.post("/_sandbox/delivery-failures", Json.obj("phone", "+14075550105", "reason", "gremlins"))
                        .status())
                .isEqualTo(422);
        assertThat(admin.post("/_sandbox/delivery-failures", Json.obj("rate", 2))
                        .status())
                .isEqualTo(422);
        assertThat(admin.delete("/_sandbox/delivery-failures", null).list("numbers"))
                .isEmpty();
    }

    @Test
    void the_cli_takes_failing_numbers_and_a_rate() {
        DeliveryFailures failures = new DeliveryFailures();
        GhlSandboxMain.parse(
                new String[] {
                    "--fail-texts-to",
                    "+15555550100=unregistered",
                    "--fail-texts-to=+15555550101=temporary*2",
                    "--text-failure-rate",
                    "0.05",
                    "--text-failure-reason",
                    "unknown"
                },
                failures);

        Map<String, Object> json = failures.toJson();
        assertThat((List<?>) json.get("numbers")).hasSize(2);
        assertThat(json).containsEntry("rate", 0.05).containsEntry("rateReason", "unknown");
        assertThat(failures.nextText("+15555550101")).contains(DeliveryFailures.Reason.TEMPORARY);
        assertThatThrownBy(() -> GhlSandboxMain.parse(new String[] {"--fail-texts-to", "+15555550100"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("+15551234567=unregistered");
        assertThatThrownBy(() -> GhlSandboxMain.parse(new String[] {"--text-failure-rate", "5%"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
