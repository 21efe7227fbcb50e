package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The receiver (which stores events) and the decoder (which reads them later) each keep what they need
 * of GHL's webhook vocabulary; here they must agree.
 */
class WebhookSidesAgreeTest {

    @Test
    void the_receiver_labels_exactly_the_types_the_decoder_acts_on() {
        assertThat(WebhookReceiver.LABELLED_TYPES).isEqualTo(GhlEventTypes.KNOWN);
    }

    @Test
    void a_body_without_webhook_id_gets_the_same_id_on_both_sides() {
        byte[] body = "{\"type\":\"ContactCreate\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(MoshiGhlEventDecoder.derivedEventId(body)).isEqualTo(EventIds.derived(body));
    }
}
