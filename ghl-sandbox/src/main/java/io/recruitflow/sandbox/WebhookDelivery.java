package io.recruitflow.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt to deliver a webhook event, as logged and shown by {@code GET /_sandbox/webhooks/deliveries}.
 *
 * @param webhookId the event's {@code webhookId}, the same on every attempt
 * @param type the event type
 * @param url the receiver
 * @param attempt 1 for the first delivery, 2 for the first retry, ...
 * @param status the receiver's HTTP status; 0 when no answer came (connection refused, timeout)
 * @param outcome {@code delivered} (2xx), {@code retry scheduled} (429 with retries left), {@code given up}
 *     (429 after the last retry) or {@code failed} (any other answer, or none: GHL does not retry those)
 * @param at when the answer came, on the sandbox's clock
 * @param nextAttemptAt when the retry is due, on the sandbox's clock, for {@code retry scheduled}
 */
public record WebhookDelivery(
        String webhookId,
        String type,
        String url,
        int attempt,
        int status,
        String outcome,
        Instant at,
        Optional<Instant> nextAttemptAt) {

    Map<String, Object> toJson() {
        Map<String, Object> json = Json.obj(
                "webhookId",
                webhookId,
                "type",
                type,
                "url",
                url,
                "attempt",
                attempt,
                "status",
                status,
                "outcome",
                outcome,
                "at",
                Engine.iso(at));
        nextAttemptAt.ifPresent(next -> json.put("nextAttemptAt", Engine.iso(next)));
        return json;
    }
}
