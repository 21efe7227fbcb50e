package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * adapter-webhook stores GHL's webhooks and adapter-ghl-rest decodes them later; adapters do not depend on
 * each other, so each keeps what it needs of the webhook vocabulary. Bootstrap sees both: here they must
 * agree. (Both sides keep these package-private, hence the reflection.)
 */
class WebhookSidesAgreeTest {

    private static final String RECEIVER = "io.recruitflow.adapter.webhook.WebhookReceiver";
    private static final String EVENT_IDS = "io.recruitflow.adapter.webhook.EventIds";
    private static final String TYPES = "io.recruitflow.adapter.ghl.webhook.GhlEventTypes";
    private static final String DECODER = "io.recruitflow.adapter.ghl.webhook.MoshiGhlEventDecoder";

    @Test
    void the_receiver_labels_exactly_the_types_the_decoder_acts_on() throws Exception {
        assertThat(staticField(RECEIVER, "LABELLED_TYPES")).isEqualTo(staticField(TYPES, "KNOWN"));
    }

    @Test
    void a_body_without_webhook_id_gets_the_same_id_on_both_sides() throws Exception {
        byte[] body = "{\"type\":\"ContactCreate\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(call(DECODER, "derivedEventId", body)).isEqualTo(call(EVENT_IDS, "derived", body));
    }

    private static Object staticField(String className, String name) throws Exception {
        Field f = Class.forName(className).getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    private static Object call(String className, String name, byte[] body) throws Exception {
        Method m = Class.forName(className).getDeclaredMethod(name, byte[].class);
        m.setAccessible(true);
        return m.invoke(null, body);
    }
}
