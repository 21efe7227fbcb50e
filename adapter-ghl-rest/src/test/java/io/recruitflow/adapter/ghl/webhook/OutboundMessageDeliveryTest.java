package io.recruitflow.adapter.ghl.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An OutboundMessage's status and error, as GHL sends them, become the text's delivery. */
class OutboundMessageDeliveryTest {
    private final MoshiGhlEventDecoder decoder = new MoshiGhlEventDecoder();

    private GhlEvent.MessageSent outbound(String extra) {
        String json =
                "{\"type\":\"OutboundMessage\",\"locationId\":\"l\",\"contactId\":\"c\",\"conversationId\":\"conv\","
                        + "\"messageType\":\"SMS\",\"direction\":\"outbound\",\"body\":\"Hi\",\"messageId\":\"msg_1\","
                        + "\"dateAdded\":\"2026-12-01T11:00:00.000Z\"" + extra + "}";
        return (GhlEvent.MessageSent) decoder.decode("OutboundMessage", json.getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
    }

    @Test
    void the_reference_example_is_delivered_with_its_message_id() {
        GhlEvent.MessageSent e = outbound(",\"status\":\"delivered\",\"source\":\"app\"");

        assertThat(e.messageId()).get().hasToString("msg_1");
        assertThat(e.delivery()).contains(Delivery.of(DeliveryStatus.DELIVERED, Instant.parse("2026-12-01T11:00:00Z")));
        assertThat(e.notDelivered()).isFalse();
    }

    @Test
    void without_a_status_there_is_no_delivery_report() {
        assertThat(outbound("").delivery()).isEmpty();
        assertThat(outbound(",\"status\":\"completed\"").delivery()).isEmpty();
    }

    @Test
    void pending_queued_and_sent_are_stages_not_outcomes() {
        assertThat(outbound(",\"status\":\"pending\"").delivery().orElseThrow().status())
                .isEqualTo(DeliveryStatus.PENDING);
        assertThat(outbound(",\"status\":\"queued\"").delivery().orElseThrow().status())
                .isEqualTo(DeliveryStatus.PENDING);
        assertThat(outbound(",\"status\":\"sent\"").delivery().orElseThrow().status())
                .isEqualTo(DeliveryStatus.SENT);
        assertThat(outbound(",\"status\":\"read\"").delivery().orElseThrow().status())
                .isEqualTo(DeliveryStatus.READ);
    }

    @Test
    void an_unregistered_a2p_sender_is_a_permanent_failure_with_ghls_reason() {
        Delivery d = outbound(",\"status\":\"failed\",\"error\":{\"code\":\"30034\",\"type\":\"carrier\","
                        + "\"message\":\"Message from an Unregistered Number\"}")
                .delivery()
                .orElseThrow();

        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(d.retryable()).isFalse();
        assertThat(d.reason())
                .contains(
                        "unregistered sender (A2P 10DLC) (GHL: \"Message from an Unregistered Number\", error 30034)");
    }

    @Test
    void a_carrier_block_and_an_invalid_number_are_undelivered_for_good() {
        Delivery blocked = outbound(
                        ",\"status\":\"undelivered\",\"error\":{\"code\":30007,\"message\":\"Carrier violation\"}")
                .delivery()
                .orElseThrow();
        Delivery invalid = outbound(",\"status\":\"undelivered\",\"error\":{\"code\":\"30005\"}")
                .delivery()
                .orElseThrow();

        assertThat(blocked.status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(blocked.retryable()).isFalse();
        assertThat(blocked.reason().orElseThrow()).startsWith("carrier block").contains("error 30007");
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.reason()).contains("unknown destination: invalid number (GHL: error 30005)");
    }

    @Test
    void a_temporary_carrier_error_can_pass() {
        Delivery d = outbound(
                        ",\"status\":\"undelivered\",\"error\":{\"code\":\"30017\",\"message\":\"Carrier network congestion\"}")
                .delivery()
                .orElseThrow();

        assertThat(d.retryable()).isTrue();
        assertThat(d.reason().orElseThrow()).startsWith("carrier network congestion");
    }

    @Test
    void a_dnd_failure_reported_in_words_is_not_retried_and_an_unknown_one_neither() {
        Delivery dnd = outbound(",\"status\":\"failed\",\"error\":\"DND is active for SMS\"")
                .delivery()
                .orElseThrow();
        Delivery unknown = outbound(",\"status\":\"failed\"").delivery().orElseThrow();

        assertThat(dnd.retryable()).isFalse();
        assertThat(dnd.reason().orElseThrow()).startsWith("the contact has DND on or opted out");
        assertThat(unknown.retryable()).isFalse();
        assertThat(unknown.reason()).contains("not delivered, reason unknown");
    }

    @Test
    void a_phone_number_in_ghls_error_text_is_never_kept() {
        Delivery d = outbound(",\"status\":\"failed\",\"error\":{\"message\":\"Invalid number +1 (555) 201-0199\"}")
                .delivery()
                .orElseThrow();

        assertThat(d.reason().orElseThrow())
                .doesNotContain("555")
                .doesNotContain("0199")
                .contains("[number]");
    }

    @Test
    void an_error_of_an_unexpected_shape_is_tolerated() {
        Delivery d =
                outbound(",\"status\":\"failed\",\"error\":[1,2]").delivery().orElseThrow();

        assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
    }
}
