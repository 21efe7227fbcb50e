package io.recruitflow.bootstrap.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryEventInbox;
import io.recruitflow.adapter.inmemory.InMemoryOutbox;
import io.recruitflow.adapter.inmemory.ManualClock;
import io.recruitflow.adapter.webhook.OutboundEventsModule;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.adapter.webhook.WebhookConfig;
import io.recruitflow.adapter.webhook.WebhookServer;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.outbound.OutboxRecruitEvents;
import io.recruitflow.application.outbound.Subscription;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEventType;
import io.recruitflow.domain.recruit.RecruitId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox on the admin API: listed with state, attempts and last status; replayed one by one or by range. */
class OutboundAdminApiTest {
    static final String TOKEN = "outbound-admin-token-0123456789";
    static final Instant T0 = Instant.parse("2026-12-01T14:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    final String secret = ReceiverOutageTest.secret();
    final LoopbackReceiver receiver = new LoopbackReceiver(secret, clock::now);
    final InMemoryOutbox outbox = new InMemoryOutbox();
    final HttpClient http = HttpClient.newHttpClient();
    Subscriptions subscriptions;
    OutboundDispatcher dispatcher;
    RecruitflowMetrics metrics;
    WebhookServer server;
    String base;

    @BeforeEach
    void start() {
        subscriptions = new Subscriptions(
                List.of(Subscription.of(
                        "crm",
                        receiver.url().toString().replace("/hooks/", "/hooks/") + "?token=s3cr3t",
                        secret,
                        true)),
                true);
        dispatcher = new OutboundDispatcher(outbox, subscriptions, OutboundEventsModule.sender(true), clock);
        metrics = RecruitflowMetrics.create();
        server = WebhookServer.builder(WebhookConfig.defaults().withAdminToken(TOKEN))
                .inbox(new InMemoryEventInbox())
                .clock(clock)
                .metrics(metrics)
                .outbound(dispatcher)
                .build();
        base = "http://127.0.0.1:" + server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(1));
        receiver.close();
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + TOKEN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theOutboxIsListedAndReplayedThroughTheAdminApiAndCountedOnMetrics() throws Exception {
        RecruitId ann = new RecruitId(UUID.randomUUID());
        OutboxRecruitEvents events = new OutboxRecruitEvents(outbox, subscriptions, clock);
        RecruitEvent accepted = ReceiverOutageTest.event(ann, RecruitEventType.ACCEPTED, T0);
        events.publish(accepted);
        events.publish(ReceiverOutageTest.event(ann, RecruitEventType.TEXTED, T0));
        // Down: the first attempt fails and is listed with its status.
        dispatcher.deliverDue(10);
        HttpResponse<String> pending = get("/api/outbound/events?state=pending");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.body())
                .contains("\"eventId\":\"" + accepted.id() + "\"")
                .contains("\"attempts\":1")
                .contains("\"lastResult\":\"connection refused\"")
                .contains("\"counts\":{\"pending\":2,\"delivered\":0,\"dead\":0}");

        receiver.up();
        clock.advance(Duration.ofSeconds(5));
        dispatcher.deliverDue(10);
        dispatcher.deliverDue(10);
        assertThat(receiver.received()).hasSize(2);
        assertThat(get("/api/outbound/events?state=delivered").body()).contains("\"lastResult\":\"HTTP 204\"");

        // Replay one: the same id again.
        HttpResponse<String> one = post("/api/outbound/events/" + accepted.id() + "/replay");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).isEqualTo("{\"replayed\":1}");
        dispatcher.deliverDue(10);
        assertThat(receiver.received())
                .extracting(LoopbackReceiver.Received::id)
                .last()
                .isEqualTo(accepted.id());

        // Replay a range by seq: both again, in their order.
        long first = outbox.list(Optional.empty(), Optional.empty(), 10).get(1).seq();
        HttpResponse<String> range = post("/api/outbound/replay?from=" + first + "&to=" + (first + 1));
        assertThat(range.body()).isEqualTo("{\"replayed\":2}");
        dispatcher.deliverDue(10);
        dispatcher.deliverDue(10);
        assertThat(receiver.received())
                .extracting(LoopbackReceiver.Received::id)
                .endsWith(
                        accepted.id(),
                        ReceiverOutageTest.event(ann, RecruitEventType.TEXTED, T0)
                                .id());
        assertThat(outbox.countByState()).containsEntry(OutboxEntry.State.DELIVERED, 2L);

        assertThat(post("/api/outbound/events/evt_0123456789abcdef0123456789abcdef/replay")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/api/outbound/events/not-an-id/replay").statusCode()).isEqualTo(400);
        assertThat(post("/api/outbound/replay?from=2&to=1").statusCode()).isEqualTo(400);
        assertThat(get("/api/outbound/events?state=lost").statusCode()).isEqualTo(400);
        assertThat(get("/api/outbound/events?subscription=nobody").statusCode()).isEqualTo(404);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/outbound/events"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .as("behind the admin token")
                .isEqualTo(401);

        HttpResponse<String> subs = get("/api/outbound/subscriptions");
        assertThat(subs.body())
                .contains("\"name\":\"crm\"")
                .contains("\"endpoint\":\"http://127.0.0.1:")
                .doesNotContain("s3cr3t", "hooks", "whsec_");

        String scrape = metrics.scrape();
        assertThat(scrape)
                .contains("recruitflow_outbound_events{state=\"delivered\"} 2.0")
                .contains("recruitflow_outbound_events{state=\"pending\"} 0.0")
                .contains("recruitflow_outbound_events{state=\"dead\"} 0.0")
                .contains("recruitflow_outbound_attempts_total{outcome=\"delivered\"} 5.0")
                .contains("recruitflow_outbound_attempts_total{outcome=\"failed\"} 1.0");
    }
}
