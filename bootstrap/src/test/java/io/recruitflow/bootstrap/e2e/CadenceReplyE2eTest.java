package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.demo.DemoClock;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playbook's cadence on the real adapters — embedded PostgreSQL, durable jobs, the GHL REST client against the
 * sandbox, whose signed webhooks report the recruit's reply — on one simulated clock: the first follow-up goes 4 h
 * after the intro, the recruit replies (the sandbox's InboundMessage), and nothing more is sent in the ten days
 * after; the step is cancelled with why and the owner alerted.
 */
class CadenceReplyE2eTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aReplyByWebhookStopsTheCadence() throws Exception {
        DemoClock clock =
                new DemoClock(Instant.parse("2026-02-09T18:00:00Z")); // a Monday, 10:00 in Seattle (the lead: 206)
        try (GhlSandbox sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withClock(JavaClocks.of(clock)))) {
            Settings settings = E2e.signedSettings(sandbox, dir, "an-admin-token-for-the-cadence-test")
                    .with(Setting.NURTURE, "on")
                    .with(Setting.COMPLIANCE_QUIET_HOURS, "enforce");
            RecruitflowRuntime runtime = RecruitflowRuntime.open(RecruitflowConfig.from(settings), clock);
            try {
                int port = runtime.startHttp();
                sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
                runtime.startJobs();
                Recruit recruit = E2e.importOneRecruit(runtime, dir);
                NurtureSteps steps = runtime.injector().getInstance(NurtureSteps.class);
                E2e.await(Duration.ofSeconds(30), Duration.ofMillis(50), () -> texts(sandbox) == 1, () -> "no intro");
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> steps.ofRecruit(recruit.id()).size() == 1,
                        () -> "no step planned: " + steps.ofRecruit(recruit.id()));

                clock.advanceTo(clock.now().plus(Duration.ofHours(4)).plusSeconds(5));
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> texts(sandbox) == 2,
                        () -> "the first follow-up did not go: " + steps.ofRecruit(recruit.id()));
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> steps.ofRecruit(recruit.id()).size() == 2,
                        () -> "the second step is not planned: " + steps.ofRecruit(recruit.id()));

                sandbox.simulateInboundMessage(recruit.contactId().orElseThrow().value(), "Sure, call me", "SMS");
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> steps.ofRecruit(recruit.id()).get(1).status() == StepStatus.CANCELLED,
                        () -> "the reply did not cancel the cadence: " + steps.ofRecruit(recruit.id()));
                for (int day = 1; day <= 10; day++) {
                    clock.advanceTo(clock.now().plus(Duration.ofDays(1)));
                    Thread.sleep(200);
                }

                List<NurtureStep> all = steps.ofRecruit(recruit.id());
                assertThat(all).extracting(NurtureStep::status).containsExactly(StepStatus.SENT, StepStatus.CANCELLED);
                assertThat(all.get(1).reason())
                        .hasValueSatisfying(r -> assertThat(r).contains("replied"));
                assertThat(texts(sandbox))
                        .as("the intro and the first follow-up only")
                        .isEqualTo(2);
                assertThat(sandbox.stats().duplicateMessages()).isZero();
                assertThat(sandbox.stats().workflowEnrollments()).isZero();
                // One alert of the reply; the recruit then idles in Interested past its 3-day limit over the ten
                // days, which is a stall alert of its own.
                assertThat(runtime.injector().getInstance(OwnerAlerts.class).ofRecruit(recruit.id()))
                        .extracting(a -> a.kind())
                        .containsExactlyInAnyOrder("replied", "stalled");
            } finally {
                runtime.close();
            }
        }
    }

    private static long texts(GhlSandbox sandbox) {
        return sandbox.stats().messagesByType().getOrDefault("SMS", 0L);
    }
}
