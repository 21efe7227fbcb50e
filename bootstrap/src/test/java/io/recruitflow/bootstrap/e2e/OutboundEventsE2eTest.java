package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.outbound.LoopbackReceiver;
import io.recruitflow.bootstrap.outbound.ReceiverOutageTest;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound events from the real facts, on the real adapters: an import (recruit.accepted, in the batch's commit), the
 * intro text (recruit.texted, from the message log), a reply and a STOP through the sandbox's signed webhooks
 * (recruit.replied, recruit.opted_out, and the confirmation's recruit.texted), each delivered once to a subscribed receiver on loopback, in that order,
 * verified as Standard Webhooks.
 */
class OutboundEventsE2eTest {
    @TempDir
    Path dir;

    @Test
    void aRecruitsStoryReachesTheSubscriberInOrderSignedAndOncePerEvent() throws Exception {
        String secret = ReceiverOutageTest.secret();
        try (LoopbackReceiver receiver = new LoopbackReceiver(secret, Instant::now);
                GhlSandbox sandbox =
                        GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
            receiver.up();
            try (RecruitflowRuntime runtime = E2e.startWithWebhooks(
                    sandbox,
                    dir,
                    Map.of(
                            Setting.EVENTS_SUBSCRIPTIONS, "crm=" + receiver.url(),
                            Setting.EVENTS_SECRETS, "crm=" + secret,
                            Setting.EVENTS_ALLOW_LOOPBACK_HTTP, "true"))) {
                Recruit recruit = E2e.importOneRecruit(runtime, dir);
                String contact = recruit.contactId().orElseThrow().value();
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(100),
                        () -> types(receiver).size() >= 2,
                        () -> "received " + types(receiver));
                sandbox.simulateInboundMessage(contact, "Yes, tell me more", "SMS");
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(100),
                        () -> types(receiver).contains("recruit.replied"),
                        () -> "received " + types(receiver));
                sandbox.simulateInboundMessage(contact, "STOP", "SMS");
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(100),
                        () -> types(receiver).contains("recruit.opted_out"),
                        () -> "received " + types(receiver));
                Thread.sleep(1500); // anything sent twice would have arrived by now
                assertThat(receiver.rejected()).isEmpty();
                List<String> types = types(receiver);
                assertThat(types.subList(0, 3))
                        .containsExactly("recruit.accepted", "recruit.texted", "recruit.replied");
                // The STOP: the recruit opts out, and the one confirmation text goes out (its own job, so either may
                // be announced first).
                assertThat(types.subList(3, types.size()))
                        .containsExactlyInAnyOrder("recruit.opted_out", "recruit.texted");
                assertThat(receiver.received())
                        .extracting(LoopbackReceiver.Received::id)
                        .doesNotHaveDuplicates();
                assertThat(receiver.received())
                        .allSatisfy(r -> assertThat(r.body())
                                .contains("\"recruit\":\"" + recruit.id() + "\"")
                                .doesNotContain(recruit.name().first())
                                .doesNotContain("2065550131"));
            }
        }
    }

    private static List<String> types(LoopbackReceiver receiver) {
        return receiver.received().stream()
                .map(r -> r.body().replaceAll("^\\{\"type\":\"([^\"]+)\".*$", "$1"))
                .toList();
    }
}
