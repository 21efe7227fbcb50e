package io.recruitflow.adapter.webhook;

import io.recruitflow.adapter.webhook.ApiBodies.OutboundData;
import io.recruitflow.adapter.webhook.ApiBodies.OutboundEnvelope;
import io.recruitflow.application.outbound.Subscription;
import io.recruitflow.application.port.EventSender;
import io.recruitflow.application.port.RecruitEvent;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends an outbound event as the Standard Webhooks specification says (standardwebhooks.com, v1): a JSON body
 * {@code {"type", "id", "timestamp", "data"}}, and the headers {@code webhook-id} (the event's stable id, the same
 * on every attempt and replay), {@code webhook-timestamp} (the attempt's time, Unix seconds) and {@code
 * webhook-signature} ({@code v1,} and the base64 HMAC-SHA256, keyed with the base64-decoded part of the {@code
 * whsec_} secret, of {@code id.timestamp.body}).
 *
 * <p>The URL is checked again before every send (https, or http to loopback in development); redirects are not
 * followed (a 3xx is a failure: a receiver that moved must be reconfigured, and following could carry the signed
 * body elsewhere); connecting and the whole exchange have timeouts; the response body is discarded unread, and what
 * is kept of an attempt is a short status line.
 */
final class StandardWebhooksSender implements EventSender {
    /** How long connecting may take. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long the whole exchange may take, connection included. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client;
    private final boolean allowLoopbackHttp;
    private final Duration requestTimeout;

    StandardWebhooksSender(boolean allowLoopbackHttp) {
        this(allowLoopbackHttp, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    StandardWebhooksSender(boolean allowLoopbackHttp, Duration connectTimeout, Duration requestTimeout) {
        this.allowLoopbackHttp = allowLoopbackHttp;
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public Attempt send(Subscription subscription, RecruitEvent event, int attempt, Instant at) {
        URI url = subscription.url();
        Optional<String> refused = Subscription.check(url, allowLoopbackHttp);
        if (refused.isPresent()) {
            return new Attempt.Failed("not sent: " + refused.get());
        }
        String body = body(event);
        String timestamp = Long.toString(at.getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("content-type", "application/json")
                .header("user-agent", "Recruitflow-Webhooks/1")
                .header("webhook-id", event.id())
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", signature(subscription.secret(), event.id(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                return new Attempt.Delivered("HTTP " + code);
            }
            if (code >= 300 && code < 400) {
                return new Attempt.Failed("HTTP " + code + ": redirects are not followed");
            }
            return new Attempt.Failed("HTTP " + code);
        } catch (HttpConnectTimeoutException e) {
            return new Attempt.Failed("connect timed out after " + CONNECT_TIMEOUT.toSeconds() + " s");
        } catch (HttpTimeoutException e) {
            return new Attempt.Failed("no answer within " + requestTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return new Attempt.Failed("connection refused");
        } catch (IOException e) {
            // The class only: an I/O message may quote the host's answer.
            return new Attempt.Failed("I/O failure: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.Failed("interrupted");
        }
    }

    /** The JSON body of {@code event}: the same bytes on every attempt. */
    static String body(RecruitEvent event) {
        return ApiJson.write(new OutboundEnvelope(
                event.type().wire(),
                event.id(),
                event.occurredAt().toString(),
                new OutboundData(
                        event.recruit().toString(),
                        event.location().value(),
                        event.contact().map(c -> c.value()).orElse(null),
                        event.stage()
                                .map(s -> s.name().toLowerCase(Locale.ROOT))
                                .orElse(null),
                        event.details())));
    }

    /** {@code v1,} and the base64 of HMAC-SHA256(secret's key, {@code id.timestamp.body}). */
    static String signature(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Subscription.secretKey(secret), "HmacSHA256"));
            byte[] signed = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
