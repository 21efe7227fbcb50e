package io.recruitflow.adapter.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Webhook bodies shaped like GHL's. */
final class Bodies {
    private Bodies() {}

    static byte[] contactCreate(String webhookId, Instant timestamp) {
        return ("{\"type\":\"ContactCreate\",\"locationId\":\"loc_1\",\"id\":\"contact_1\",\"firstName\":\"Ann\","
                        + "\"phone\":\"+14075551234\",\"tags\":[\"Licensed\"],\"dnd\":false,\"dateAdded\":\"2021-11-26T12:41:02.193Z\","
                        + "\"webhookId\":\"" + webhookId + "\",\"timestamp\":\"" + timestamp + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] of(String type, String webhookId, Instant timestamp) {
        return ("{\"type\":\"" + type + "\",\"locationId\":\"loc_1\",\"contactId\":\"contact_2\",\"webhookId\":\""
                        + webhookId + "\",\"timestamp\":\"" + timestamp + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
