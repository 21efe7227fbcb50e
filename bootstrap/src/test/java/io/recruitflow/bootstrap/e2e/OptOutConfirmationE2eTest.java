package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.demo.DemoClock;
import io.recruitflow.bootstrap.runtime.JavaClocks;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.WebhookDelivery;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-out confirmation on the real adapters — embedded PostgreSQL, durable jobs, the GHL REST client
 * against the sandbox, which reports the recruits' replies as signed webhooks: exactly one confirmation per
 * opt-out under a duplicate webhook and under a send whose outcome is lost, none (recorded as skipped) when the
 * send would come more than five minutes after the opt-out. One simulated clock drives Recruitflow, its job
 * queue and the sandbox.
 */
class OptOutConfirmationE2eTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void exactlyOneConfirmationPerOptOutNeverLate() throws Exception {
        DemoClock clock = new DemoClock(Instant.now());
        try (GhlSandbox sandbox = GhlSandbox.start(
                SandboxConfig.defaults().withPort(0).withRateLimit("100/1s").withClock(JavaClocks.of(clock)))) {
            Settings settings = E2e.signedSettings(sandbox, dir, "an-admin-token-for-the-opt-out-test");
            RecruitflowConfig config = RecruitflowConfig.from(settings);
            RecruitflowRuntime runtime = start(config, clock, sandbox);
            try {
                List<Recruit> recruits = importRecruits(runtime, 3);
                Probe probe = new Probe(runtime, sandbox);

                // 1. A duplicate webhook: stored once, one confirmation.
                Recruit ann = recruits.get(0);
                RecruitReply annStop = probe.reply(ann, "Please stop texting me");
                probe.awaitAnswer(annStop);
                assertThat(sandbox.webhookDeliveries().stream()
                                .filter(d -> d.webhookId().equals(annStop.id()) && d.status() == 200)
                                .count())
                        .as("GHL delivered the opt-out twice")
                        .isEqualTo(2);
                assertThat(probe.confirmationsTo(ann)).isEqualTo(1);
                assertThat(probe.answer(annStop)).startsWith("sent at");
                assertThat(probe.recruit(ann).consent().optedOut()).isTrue();

                // 2. The send fails (the connection resets), then the service stops before its retry; started
                // again, the durable job sends the confirmation: one.
                Recruit bob = recruits.get(1);
                E2e.injectFaults(sandbox, new E2e.Faults("POST /conversations/messages", 0, 0, 0, 1.0, 0, 0), 7);
                RecruitReply bobStop = probe.reply(bob, "STOP");
                Probe before = probe;
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> before.confirmation(bobStop)
                                .map(m -> m.attempts() > 0 && m.state() != SendState.SENDING)
                                .orElse(false),
                        () -> "no attempt of the confirmation: " + before.confirmation(bobStop));
                runtime.close();
                sandbox.unsubscribeWebhooks();
                E2e.clearFaults(sandbox);
                runtime = start(config, clock, sandbox);
                probe = new Probe(runtime, sandbox);
                probe.awaitAnswer(bobStop);
                assertThat(probe.confirmationsTo(bob)).isEqualTo(1);
                assertThat(probe.confirmation(bobStop).orElseThrow().state()).isEqualTo(SendState.SENT);
                assertThat(probe.confirmation(bobStop).orElseThrow().attempts())
                        .as("the reset attempt, then the one after the restart")
                        .isGreaterThanOrEqualTo(2);

                // 3. GHL is unavailable until more than five minutes have passed: skipped, and recorded why.
                Recruit cat = recruits.get(2);
                E2e.injectFaults(sandbox, new E2e.Faults("POST /conversations/messages", 0, 1.0, 0, 0, 0, 0), 8);
                RecruitReply catStop = probe.reply(cat, "unsubscribe");
                Probe p = probe;
                E2e.await(
                        Duration.ofSeconds(30),
                        Duration.ofMillis(50),
                        () -> p.confirmation(catStop).map(m -> m.attempts() > 0).orElse(false),
                        () -> "no attempt of the confirmation: " + p.confirmation(catStop));
                // The faults stay until the answer is recorded: an attempt in flight while the clock moves was
                // decided in time and may rightly go through, so GHL must still fail it.
                clock.advanceTo(catStop.receivedAt().plus(Duration.ofMinutes(6)));
                probe.awaitAnswer(catStop);
                E2e.clearFaults(sandbox);
                assertThat(probe.answer(catStop)).startsWith("skipped: ").contains("64.1200(a)(12)");
                assertThat(probe.confirmation(catStop).orElseThrow().state()).isEqualTo(SendState.REFUSED);
                assertThat(probe.confirmationsTo(cat)).isZero();
                assertThat(probe.recruit(cat).consent().optedOut()).isTrue();

                assertThat(sandbox.stats().duplicateMessages()).isZero();
            } finally {
                runtime.close();
            }
        }
    }

    /** Opens the service, its webhooks subscribed twice (two URLs, one receiver: every event comes twice). */
    private static RecruitflowRuntime start(RecruitflowConfig config, DemoClock clock, GhlSandbox sandbox) {
        RecruitflowRuntime runtime = RecruitflowRuntime.open(config, clock);
        int port = runtime.startHttp();
        sandbox.subscribeWebhooks(URI.create("http://127.0.0.1:" + port + "/webhooks/ghl"));
        sandbox.subscribeWebhooks(URI.create("http://localhost:" + port + "/webhooks/ghl"));
        runtime.startJobs();
        return runtime;
    }

    /** Reads what Recruitflow stored and what reached GHL. */
    private static final class Probe {
        private final GhlSandbox sandbox;
        private final RecruitReplies replies;
        private final MessageLog messages;
        private final Recruits recruits;
        private final Conversations conversations;
        private final ReplySettings settings;

        Probe(RecruitflowRuntime runtime, GhlSandbox sandbox) {
            this.sandbox = sandbox;
            this.replies = runtime.injector().getInstance(RecruitReplies.class);
            this.messages = runtime.injector().getInstance(MessageLog.class);
            this.recruits = runtime.injector().getInstance(Recruits.class);
            this.conversations = runtime.injector().getInstance(Conversations.class);
            this.settings = runtime.injector().getInstance(ReplySettings.class);
        }

        /** The recruit writes {@code body}; returns the reply once Recruitflow has recorded it. */
        RecruitReply reply(Recruit recruit, String body) throws InterruptedException {
            Set<String> before = inboundWebhooks();
            sandbox.simulateInboundMessage(recruit.contactId().orElseThrow().value(), body, "SMS");
            String[] id = new String[1];
            E2e.await(
                    Duration.ofSeconds(30),
                    Duration.ofMillis(50),
                    () -> {
                        Set<String> now = inboundWebhooks();
                        now.removeAll(before);
                        return now.stream()
                                .filter(w -> replies.find(w).isPresent())
                                .peek(w -> id[0] = w)
                                .findFirst()
                                .isPresent();
                    },
                    () -> "the reply was not recorded; deliveries " + sandbox.webhookDeliveries());
            return replies.find(id[0]).orElseThrow();
        }

        void awaitAnswer(RecruitReply reply) throws InterruptedException {
            E2e.await(
                    Duration.ofSeconds(45),
                    Duration.ofMillis(50),
                    () -> replies.find(reply.id()).flatMap(RecruitReply::answer).isPresent(),
                    () -> "no answer recorded; confirmation " + confirmation(reply));
        }

        String answer(RecruitReply reply) {
            return replies.find(reply.id()).flatMap(RecruitReply::answer).orElseThrow();
        }

        Optional<MessageRecord> confirmation(RecruitReply reply) {
            return messages.find(ReplyAnswers.keyOf(reply));
        }

        long confirmationsTo(Recruit r) {
            try (var all =
                    conversations.messagesWith(r.location(), r.contactId().orElseThrow())) {
                return all.filter(m -> m.direction() == Direction.OUTBOUND
                                && m.body().strip().equals(settings.confirmationText()))
                        .count();
            }
        }

        Recruit recruit(Recruit r) {
            return recruits.find(r.id()).orElseThrow();
        }

        private Set<String> inboundWebhooks() {
            return sandbox.webhookDeliveries().stream()
                    .filter(d -> d.type().equals("InboundMessage"))
                    .map(WebhookDelivery::webhookId)
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    private List<Recruit> importRecruits(RecruitflowRuntime runtime, int count) throws Exception {
        Path leads = E2e.writeLeads(dir.resolve("leads.csv"), count, 19);
        ImportReport report;
        try (InputStream in = Files.newInputStream(leads)) {
            report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(new LocationId(E2e.LOCATION), in));
        }
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        Recruits recruits = runtime.injector().getInstance(Recruits.class);
        List<RecruitId> ids =
                report.accepted().stream().map(ImportReport.Row::recruit).toList();
        E2e.await(
                Duration.ofSeconds(60),
                Duration.ofMillis(100),
                () -> ids.stream()
                        .allMatch(id -> intake.isComplete(id)
                                && recruits.find(id).flatMap(Recruit::contactId).isPresent()),
                () -> "intakes not complete");
        return ids.stream().map(id -> recruits.find(id).orElseThrow()).toList();
    }
}
