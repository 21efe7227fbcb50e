/**
 * Recruitflow's inbound HTTP adapter (Javalin 7 on Jetty 12).
 *
 * <p><b>Webhooks.</b> {@code POST /webhooks/ghl} verifies GHL's signature over the raw bytes
 * ({@code X-GHL-Signature}, Ed25519, then the legacy {@code x-wh-signature}, RSA-SHA256), checks the
 * {@code timestamp} against the replay window (2 h into the past, since GHL's retries carry the original
 * timestamp; 5 min into the future), stores the event in the durable
 * {@link io.recruitflow.application.port.EventInbox} — concurrent requests share one commit (group
 * commit; a failed batch is stored again event by event) — and only then answers 200, on Jetty's own handler
 * API in front of Javalin so that no thread waits for the commit ({@code WebhookFastPath}). GHL redelivers
 * only after a 429, so every failure to store is a 429, never a 5xx; only an event the inbox can never
 * hold is answered 422. Stored events are handed to an {@link io.recruitflow.adapter.webhook.InboxListener}
 * (none by default: the dispatcher sweeps the inbox) and later decoded by
 * the GHL side's decoder (adapter-ghl-rest), the application's
 * {@link io.recruitflow.application.applyghlevent.GhlEventDecoder}.
 *
 * <p><b>Also served:</b> the OAuth install flow ({@code /oauth/install}, {@code /oauth/callback}), the
 * admin API ({@code /api/**}, bearer token only, cross-site writes and writes of the wrong media type
 * refused, over {@link io.recruitflow.adapter.webhook.AdminServices}),
 * the funnel dashboard ({@code GET /}, one server-rendered HTML page behind the same token, which a
 * browser asks for through HTTP Basic),
 * {@code /health/live}, {@code /health/ready} ({@link io.recruitflow.adapter.webhook.ReadinessCheck})
 * and {@code /metrics} ({@link io.recruitflow.adapter.webhook.RecruitflowMetrics}).
 *
 * <p>Entry point: {@link io.recruitflow.adapter.webhook.WebhookServer#builder}, configured by
 * {@link io.recruitflow.adapter.webhook.WebhookConfig}.
 */
package io.recruitflow.adapter.webhook;
