package io.recruitflow.sandbox;

import java.time.Instant;
import java.util.Map;

/**
 * A webhook delivery the receiver answered 429, waiting for its retry ({@code GET /_sandbox/webhooks/pending}).
 *
 * @param webhookId the event's {@code webhookId}
 * @param type the event type
 * @param url the receiver
 * @param attempt the number the retry will have (2 for the first retry)
 * @param dueAt when it is sent, on the sandbox's clock
 */
public record PendingWebhookRetry(String webhookId, String type, String url, int attempt, Instant dueAt) {
    Map<String, Object> toJson() {
        return Json.obj(
                "webhookId", webhookId, "type", type, "url", url, "attempt", attempt, "dueAt", Engine.iso(dueAt));
    }
}
