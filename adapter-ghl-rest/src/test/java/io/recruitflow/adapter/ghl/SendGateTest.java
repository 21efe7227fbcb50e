package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.ComplianceDecision;
import io.recruitflow.domain.message.Dispatch;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.shared.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A text's last word is asked at the moment it would leave — after the wait for its rate-limit permit — so a
 * text decided at 20:59 cannot reach GHL after 21:00.
 */
class SendGateTest {
    private final MockWebServer server = new MockWebServer();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-02-13T01:57:00Z"));
    private final List<String> order = new ArrayList<>();

    /** A permit that takes three simulated minutes to come. */
    private final PermitSource slowPermits = (owner, maxWait) -> {
        now.updateAndGet(t -> t.plus(Duration.ofMinutes(3)));
        order.add("permit");
        return true;
    };

    @AfterEach
    void stop() {
        MockGhl.closeQuietly(server);
    }

    private GhlClient client() {
        return GhlClient.create(MockGhl.config(server).build(), null, now::get, slowPermits);
    }

    @Test
    void theGateIsAskedAfterThePermitAndAWithheldTextSendsNothing() throws Exception {
        server.start();
        GhlClient ghl = client();
        Instant decidedAt = now.get();

        Dispatch dispatch = ghl.conversations()
                .send(OutgoingMessage.sms(MockGhl.LOCATION, new ContactId("cont_1"), "Hi Dana"), at -> {
                    order.add("gate at " + Duration.between(decidedAt, at).toMinutes() + " min");
                    return at.isAfter(decidedAt.plus(Duration.ofMinutes(2)))
                            ? new ComplianceDecision.DeferUntil(at.plus(Duration.ofHours(11)), "21:00 has passed")
                            : new ComplianceDecision.SendNow();
                });

        assertThat(order).containsExactly("permit", "gate at 3 min");
        assertThat(dispatch)
                .isInstanceOfSatisfying(
                        Dispatch.Withheld.class,
                        w -> assertThat(w.decision()).isInstanceOf(ComplianceDecision.DeferUntil.class));
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aTextTheGateLetsThroughIsSentOnce() throws Exception {
        server.enqueue(MockGhl.json(201, "{\"conversationId\":\"conv_1\",\"messageId\":\"msg_1\"}"));
        server.start();

        Dispatch dispatch = client().conversations()
                .send(
                        OutgoingMessage.sms(MockGhl.LOCATION, new ContactId("cont_1"), "Hi Dana"),
                        at -> new ComplianceDecision.SendNow());

        assertThat(dispatch)
                .isInstanceOfSatisfying(
                        Dispatch.Sent.class,
                        s -> assertThat(s.message().messageId().value()).isEqualTo("msg_1"));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }
}
