package io.recruitflow.adapter.webhook;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.recruitflow.adapter.webhook.ApiBodies.StatusBody;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.domain.shared.Clock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/ghl}. GHL redelivers a webhook only after a 429 — any other answer, 5xx and
 * timeouts included, loses the event for good — so the order is: read the raw bytes (at most
 * {@code maxBodyBytes}, else 413), verify the signature over exactly those bytes (else 401), read the
 * envelope (malformed JSON: 400), check the timestamp against the replay window (else 401), store the
 * event durably through the group committer and only then answer 200. Whenever the event cannot be
 * stored yet, and on any unexpected failure, the answer is 429, never 5xx; an event the inbox can never hold
 * as it is ({@link EventInbox.EventRefusedException}) is answered 422, since GHL's six retries would only meet
 * the same refusal.
 *
 * <p>The replay window is asymmetric. GHL's retry after a 429 re-sends the very same signed payload, so its
 * {@code timestamp} is the original one and grows older with each retry (up to about 70 minutes): the window
 * reaches {@link WebhookConfig#maxAge()} into the past. Into the future only clock skew can explain a
 * timestamp, so it reaches {@link WebhookConfig#maxSkew()}. A replay within the window is a duplicate
 * {@code webhookId}, which the inbox answers (200, nothing stored again) for as long as it keeps the id.
 */
final class WebhookReceiver implements Handler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookReceiver.class);
    /** Longer ids are not GHL's; persistence and job ids are bounded at 200 characters. */
    private static final int MAX_WEBHOOK_ID_LENGTH = 200;

    static final String RETRY_AFTER_SECONDS = "60";
    /** Less than this left of the store timeout when the event is ready: no commit is tried. */
    static final Duration MIN_STORE_WAIT = Duration.ofMillis(50);
    /** How much of an oversized body is read and dropped before answering 413. */
    static final long DISCARD_LIMIT = 16L * 1024 * 1024;

    /**
     * The event types counted under their own {@code type} metric tag: the ones Recruitflow acts on (the GHL
     * side's webhook decoder knows the same list; a bootstrap test keeps the two equal). Any other type is
     * counted as {@code unknown}, so that what a sender writes cannot grow the set of tags.
     */
    static final Set<String> LABELLED_TYPES = Set.of(
            "ContactCreate",
            "ContactUpdate",
            "ContactDelete",
            "ContactDndUpdate",
            "ContactTagUpdate",
            "NoteCreate",
            "TaskCreate",
            "OpportunityCreate",
            "OpportunityUpdate",
            "OpportunityDelete",
            "OpportunityStageUpdate",
            "OpportunityStatusUpdate",
            "OpportunityMonetaryValueUpdate",
            "OpportunityAssignedToUpdate",
            "AppointmentCreate",
            "AppointmentUpdate",
            "AppointmentDelete",
            "InboundMessage",
            "OutboundMessage",
            "ConversationUnreadUpdate",
            "INSTALL",
            "UNINSTALL");

    /** How a request ended, as the {@code outcome} metric tag. */
    enum Outcome {
        STORED,
        DUPLICATE,
        TOO_LARGE,
        UNSIGNED,
        BAD_SIGNATURE,
        STALE,
        MALFORMED,
        /** Verified, but the inbox can never hold it as it is (e.g. text PostgreSQL cannot store). */
        REFUSED,
        UNAVAILABLE
    }

    private final SignatureVerifier verifier;
    private final GroupCommitter committer;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration maxSkew;
    private final int maxBodyBytes;
    private final Duration storeTimeout;
    private final MeterRegistry meters;
    private final Timer handling;
    private final Timer queued;
    private final ConcurrentMap<String, Counter> counters = new ConcurrentHashMap<>();

    WebhookReceiver(
            SignatureVerifier verifier,
            GroupCommitter committer,
            Clock clock,
            WebhookConfig config,
            MeterRegistry meters) {
        this.verifier = verifier;
        this.committer = committer;
        this.clock = clock;
        this.maxAge = config.maxAge();
        this.maxSkew = config.maxSkew();
        this.maxBodyBytes = config.maxBodyBytes();
        this.storeTimeout = config.storeTimeout();
        this.meters = meters;
        // Histogram buckets rather than client-side percentiles: Prometheus can aggregate them across instances.
        this.handling = Timer.builder("webhook.handling")
                .description("Time from reading a webhook to answering it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
        this.queued = Timer.builder("webhook.queued")
                .description("Time from a webhook's arrival at the server to its handler's start")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(meters);
    }

    /**
     * When the server read the request's first bytes ({@code System.nanoTime()}), before it waited for a
     * thread or for its body; now when the request is not Jetty's.
     */
    private static long arrivedNanos(Context ctx, long now) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        if (request == null) {
            return now;
        }
        long begin = request.getBeginNanoTime();
        return begin == 0 || begin - now > 0 ? now : begin;
    }

    @Override
    public void handle(Context ctx) {
        long started = System.nanoTime();
        long arrived = arrivedNanos(ctx, started);
        queued.record(started - arrived, TimeUnit.NANOSECONDS);
        String type = null;
        Outcome outcome;
        try {
            Decision d = decide(ctx, arrived);
            type = d.type;
            outcome = d.outcome;
        } catch (Throwable unexpected) {
            outcome = unexpected(unexpected);
        }
        respond(ctx, outcome);
        finished(type, outcome, started);
    }

    /** Records a request that ended: its handling time and its outcome. */
    void finished(String type, Outcome outcome, long started) {
        handling.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        count(type, outcome);
    }

    /** Records the time a request waited, from its arrival to its handler's start. */
    void queued(long arrived, long started) {
        queued.record(started - arrived, TimeUnit.NANOSECONDS);
    }

    private static Outcome unexpected(Throwable unexpected) {
        if (unexpected instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        // Never 5xx: GHL would drop the event. 429 makes it come back.
        LOG.error("unexpected failure receiving a webhook; answering 429 so that GHL retries", unexpected);
        return Outcome.UNAVAILABLE;
    }

    /** What a request came to: its event type when it was read, and its outcome. */
    record Decision(String type, Outcome outcome) {}

    /** A verified, well-formed event in the replay window, ready to be stored. */
    private record Ready(String type, IncomingEvent event) {}

    private Decision decide(Context ctx, long arrived) throws IOException, InterruptedException {
        long declared = ctx.req().getContentLengthLong();
        InputStream in = ctx.req().getInputStream();
        if (declared > maxBodyBytes) {
            discard(in);
            return new Decision(null, Outcome.TOO_LARGE);
        }
        byte[] body = readAtMost(in, maxBodyBytes);
        if (body == null) {
            discard(in);
            return new Decision(null, Outcome.TOO_LARGE);
        }
        Object checked =
                check(ctx.header(SignatureVerifier.ED25519_HEADER), ctx.header(SignatureVerifier.RSA_HEADER), body);
        if (checked instanceof Decision d) {
            return d;
        }
        Ready ready = (Ready) checked;
        return new Decision(ready.type(), store(ready.event(), arrived).join());
    }

    /**
     * The non-blocking path ({@link WebhookFastPath}): the body has been read; the answer comes when the event is
     * stored, or at once when it is refused. The future never fails: whatever goes wrong is answered 429.
     */
    CompletableFuture<Decision> receive(String ed25519Header, String rsaHeader, byte[] body, long arrived) {
        try {
            Object checked = check(ed25519Header, rsaHeader, body);
            if (checked instanceof Decision d) {
                return CompletableFuture.completedFuture(d);
            }
            Ready ready = (Ready) checked;
            return store(ready.event(), arrived).thenApply(outcome -> new Decision(ready.type(), outcome));
        } catch (RuntimeException | Error unexpected) {
            return CompletableFuture.completedFuture(new Decision(null, unexpected(unexpected)));
        }
    }

    /**
     * Verifies the signature over exactly the bytes received (else 401), reads the envelope (malformed: 400) and
     * checks the replay window (else 401): a {@link Decision} when the request ends here, else the {@link Ready}
     * event.
     */
    private Object check(String ed25519Header, String rsaHeader, byte[] body) {
        SignatureVerifier.Verdict verdict = verifier.verify(ed25519Header, rsaHeader, body);
        if (!verdict.accepted()) {
            return new Decision(
                    null, verdict == SignatureVerifier.Verdict.MISSING ? Outcome.UNSIGNED : Outcome.BAD_SIGNATURE);
        }
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.read(body);
        } catch (EventEnvelope.MalformedBodyException e) {
            return new Decision(null, Outcome.MALFORMED);
        }
        String type = envelope.type().orElse(null);
        if (envelope.webhookId().map(id -> id.length() > MAX_WEBHOOK_ID_LENGTH).orElse(false)) {
            return new Decision(type, Outcome.MALFORMED);
        }
        Instant now = clock.now();
        // No timestamp, no replay protection: fail closed.
        if (envelope.timestamp().isEmpty() || outsideWindow(envelope.timestamp().get(), now)) {
            return new Decision(type, Outcome.STALE);
        }
        return new Ready(
                type,
                new IncomingEvent(
                        envelope.webhookId().orElseGet(() -> EventIds.derived(body)),
                        type,
                        envelope.locationId(),
                        envelope.contactId(),
                        envelope.timestamp().get(),
                        body,
                        now));
    }

    /**
     * Stores the event, answering within {@code storeTimeout} of its arrival: the time it spent waiting for
     * a server thread and for its body counts. When little of it is left the event is not even queued for
     * the commit: 429 at once, and GHL sends it again. The future completes with the outcome, never fails.
     */
    private CompletableFuture<Outcome> store(IncomingEvent event, long arrived) {
        long left = storeTimeout.toNanos() - (System.nanoTime() - arrived);
        if (left < MIN_STORE_WAIT.toNanos()) {
            LOG.warn(
                    "webhook {} waited {} ms before it could be stored, answering 429",
                    event.webhookId(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived));
            return CompletableFuture.completedFuture(Outcome.UNAVAILABLE);
        }
        return committer
                .submit(event)
                .orTimeout(left, TimeUnit.NANOSECONDS)
                .handle((stored, failure) -> failure == null
                        ? (stored == EventInbox.Stored.STORED ? Outcome.STORED : Outcome.DUPLICATE)
                        : notStored(event, failure));
    }

    private Outcome notStored(IncomingEvent event, Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof EventInbox.EventRefusedException refused) {
            // A retry would meet the same refusal six times over an hour: answer for good, loudly.
            LOG.error(
                    "webhook {} ({}) verified but refused by the inbox, answering 422; GHL will not resend it: {}",
                    event.webhookId(),
                    LABELLED_TYPES.contains(event.type()) ? event.type() : "unknown type",
                    refused.getMessage());
            return Outcome.REFUSED;
        }
        if (cause instanceof TimeoutException) {
            // The commit may still land; GHL's redelivery then meets a duplicate and gets its 200.
            LOG.warn("webhook {} not stored within {}, answering 429", event.webhookId(), storeTimeout);
            return Outcome.UNAVAILABLE;
        }
        // InboxUnavailableException, an overloaded queue, or anything else the store threw.
        LOG.warn("webhook {} not stored, answering 429 so that GHL retries: {}", event.webhookId(), cause.toString());
        return Outcome.UNAVAILABLE;
    }

    /** Older than {@code maxAge}, or further ahead than {@code maxSkew}; the bounds themselves are inside. */
    private boolean outsideWindow(Instant timestamp, Instant now) {
        Duration age = Duration.between(timestamp, now);
        return age.compareTo(maxAge) > 0 || age.negated().compareTo(maxSkew) > 0;
    }

    // The answers, written once: the request path only copies them.
    private static final String STORED = ApiJson.write(new StatusBody("stored"));
    private static final String DUPLICATE = ApiJson.write(new StatusBody("duplicate"));
    private static final String TOO_LARGE_BODY = ApiJson.error("payload_too_large", "the body exceeds the size limit");
    private static final String UNSIGNED_BODY = ApiJson.error("unauthorized", "no webhook signature");
    private static final String BAD_SIGNATURE_BODY = ApiJson.error("unauthorized", "invalid webhook signature");
    private static final String STALE_BODY =
            ApiJson.error("unauthorized", "timestamp missing or outside the accepted window");
    private static final String MALFORMED_BODY = ApiJson.error("bad_request", "malformed webhook body");
    private static final String REFUSED_BODY = ApiJson.error("unprocessable", "the event cannot be stored as it is");
    private static final String UNAVAILABLE_BODY = ApiJson.error("unavailable", "event not stored; retry later");

    /**
     * The answer to an outcome: status and JSON body; a 429 says when to retry, and a 413 closes the connection
     * (the rest of an oversized body is not read).
     */
    record Answer(int status, String body, byte[] bytes, boolean retryAfter, boolean close) {
        Answer(int status, String body) {
            this(status, body, body.getBytes(StandardCharsets.UTF_8), status == 429, status == 413);
        }
    }

    private static final java.util.Map<Outcome, Answer> ANSWERS = new java.util.EnumMap<>(java.util.Map.of(
            Outcome.STORED, new Answer(200, STORED),
            Outcome.DUPLICATE, new Answer(200, DUPLICATE),
            Outcome.TOO_LARGE, new Answer(413, TOO_LARGE_BODY),
            Outcome.UNSIGNED, new Answer(401, UNSIGNED_BODY),
            Outcome.BAD_SIGNATURE, new Answer(401, BAD_SIGNATURE_BODY),
            Outcome.STALE, new Answer(401, STALE_BODY),
            Outcome.MALFORMED, new Answer(400, MALFORMED_BODY),
            Outcome.REFUSED, new Answer(422, REFUSED_BODY),
            Outcome.UNAVAILABLE, new Answer(429, UNAVAILABLE_BODY)));

    static Answer answer(Outcome outcome) {
        return ANSWERS.get(outcome);
    }

    private static void respond(Context ctx, Outcome outcome) {
        Answer answer = answer(outcome);
        if (answer.retryAfter()) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        if (answer.close()) {
            ctx.header("Connection", "close");
        }
        ctx.status(answer.status()).contentType("application/json").result(answer.body());
    }

    private void count(String type, Outcome outcome) {
        String label = type != null && LABELLED_TYPES.contains(type) ? type : "unknown";
        String key = label + '|' + outcome;
        counters.computeIfAbsent(
                        key,
                        k -> Counter.builder("webhooks")
                                .description("Webhook deliveries by event type and outcome")
                                .tag("type", label)
                                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                                .register(meters))
                .increment();
    }

    /**
     * Reads and drops what is left of an oversized body, up to {@link #DISCARD_LIMIT} bytes, so that
     * the sender, still writing, gets to read the 413 instead of a connection reset. Past the limit
     * the connection is closed anyway.
     */
    private static void discard(InputStream in) throws IOException {
        byte[] sink = new byte[16 * 1024];
        long left = DISCARD_LIMIT;
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    /** Reads the whole stream, or answers null as soon as it exceeds {@code limit} bytes. */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        byte[] bytes = in.readNBytes(limit + 1);
        return bytes.length > limit ? null : bytes;
    }
}
