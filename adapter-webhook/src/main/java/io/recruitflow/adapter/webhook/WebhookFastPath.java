package io.recruitflow.adapter.webhook;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * {@code POST /webhooks/ghl} on Jetty's own handler API, in front of Javalin: the same {@link WebhookReceiver}
 * decisions and answers, without a thread per request. The body is read as it arrives, the request is handed to
 * the group committer, and the thread goes back to the pool; the answer is written when the event's commit is done
 * (or at once when it is refused). At thousands of webhooks a second this saves what the servlet route costs: a
 * parked thread per request waiting for its commit, the wake-up of each when the commit lands, and the servlet and
 * Javalin layers.
 *
 * <p>Only a request whose body length is declared and within the limit takes this path; any other (chunked,
 * oversized) goes on to the servlet route, which reads and answers it as before. While the server drains, webhooks
 * are answered 429 as on that route.
 */
final class WebhookFastPath extends Handler.Wrapper {

    static final String PATH = "/webhooks/ghl";

    private static final HttpField JSON = new PreEncodedHttpField(HttpHeader.CONTENT_TYPE, "application/json");
    private static final HttpField RETRY_AFTER =
            new PreEncodedHttpField(HttpHeader.RETRY_AFTER, WebhookReceiver.RETRY_AFTER_SECONDS);
    private static final HttpField CLOSE =
            new PreEncodedHttpField(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
    private static final byte[] DRAINING = ApiJson.error("unavailable", "shutting down; retry later")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final WebhookReceiver receiver;
    private final int maxBodyBytes;
    private final BooleanSupplier draining;
    private final AtomicInteger inFlight;

    WebhookFastPath(WebhookReceiver receiver, int maxBodyBytes, BooleanSupplier draining, AtomicInteger inFlight) {
        this.receiver = receiver;
        this.maxBodyBytes = maxBodyBytes;
        this.draining = draining;
        this.inFlight = inFlight;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length < 0
                || length > maxBodyBytes
                || !"POST".equals(request.getMethod())
                || !PATH.equals(request.getHttpURI().getPath())) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        long begin = request.getBeginNanoTime();
        long arrived = begin == 0 || begin - started > 0 ? started : begin;
        receiver.queued(arrived, started);
        inFlight.incrementAndGet();
        Callback done = Callback.from(callback, inFlight::decrementAndGet);
        if (draining.getAsBoolean()) {
            response.setStatus(429);
            response.getHeaders().put(JSON);
            response.getHeaders().put(RETRY_AFTER);
            response.write(true, ByteBuffer.wrap(DRAINING), done);
            return true;
        }
        String ed25519 = request.getHeaders().get(SignatureVerifier.ED25519_HEADER);
        String rsa = request.getHeaders().get(SignatureVerifier.RSA_HEADER);
        Content.Source.asByteArrayAsync(request, maxBodyBytes).whenComplete((body, unread) -> {
            if (unread != null) {
                // The sender went away or sent less than it declared: nothing to verify, and 429 costs nothing.
                answer(response, done, null, WebhookReceiver.Outcome.UNAVAILABLE, started);
                return;
            }
            receiver.receive(ed25519, rsa, body, arrived)
                    .whenComplete((d, unexpected) -> answer(
                            response,
                            done,
                            d == null ? null : d.type(),
                            d == null ? WebhookReceiver.Outcome.UNAVAILABLE : d.outcome(),
                            started));
        });
        return true;
    }

    private void answer(Response response, Callback done, String type, WebhookReceiver.Outcome outcome, long started) {
        WebhookReceiver.Answer answer = WebhookReceiver.answer(outcome);
        response.setStatus(answer.status());
        response.getHeaders().put(JSON);
        if (answer.retryAfter()) {
            response.getHeaders().put(RETRY_AFTER);
        }
        if (answer.close()) {
            response.getHeaders().put(CLOSE);
        }
        response.write(true, ByteBuffer.wrap(answer.bytes()), done);
        receiver.finished(type, outcome, started);
    }
}
