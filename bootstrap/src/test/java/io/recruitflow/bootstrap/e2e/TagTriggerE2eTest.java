package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code RECRUITFLOW_WORKFLOW_TRIGGER=tag:new-lead} end to end on the real adapters against a sandbox whose
 * speed-to-lead workflow has the trigger "Contact Tag added" new-lead: a new lead costs 3 GHL calls (upsert,
 * opportunity, intro), the workflow still enrolls every contact, and GHL's contact events confirm it in the
 * journal.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class TagTriggerE2eTest {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int LEADS = 12;
    private static final int CONFIRMED = 3;

    @TempDir
    static Path dir;

    private static GhlSandbox sandbox;
    private static RecruitflowRuntime runtime;

    @BeforeAll
    static void start() throws Exception {
        sandbox = GhlSandbox.start(SandboxConfig.defaults()
                .withPort(0)
                .withRateLimit("100/1s")
                .withWorkflowTrigger("wf_speed_to_lead", "new-lead"));
        runtime = E2e.startWithWebhooks(sandbox, dir, Map.of(Setting.WORKFLOW_TRIGGER, "tag:new-lead"));
    }

    @AfterAll
    static void stop() {
        if (runtime != null) {
            runtime.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void aNewLeadCostsThreeCallsAndTheTagTriggeredWorkflowEnrollsIt() throws Exception {
        List<String> lines = Files.readAllLines(E2e.writeLeads(dir.resolve("all.csv"), CONFIRMED + LEADS, 1));
        String header = lines.get(0) + "\n";

        // With GHL's webhooks: its contact events confirm each delegated enrollment in the journal. (The first
        // leads also resolve the location's pipeline, workflow and calendar, once.)
        Path first = Files.writeString(
                dir.resolve("first.csv"), header + String.join("\n", lines.subList(1, CONFIRMED + 1)) + "\n");
        List<RecruitId> confirmed = importAndAwait(first, CONFIRMED);
        E2e.awaitWebhooksApplied(runtime, sandbox, WAIT);
        for (RecruitId id : confirmed) {
            StepRecord enroll = journal().find(id, IntakeStep.ENROLL_WORKFLOW).orElseThrow();
            assertThat(enroll.state()).isEqualTo(StepState.DONE);
            assertThat(enroll.ref()).contains("tag:new-lead");
        }
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> confirmed.stream()
                        .allMatch(id -> journal()
                                .find(id, IntakeStep.ENROLL_WORKFLOW)
                                .flatMap(StepRecord::detail)
                                .orElse("")
                                .contains("confirmed by GHL")),
                () -> "not confirmed: "
                        + confirmed.stream()
                                .map(id -> journal().find(id, IntakeStep.ENROLL_WORKFLOW))
                                .toList());

        // The intake's own calls, counted without webhooks (reactions to GHL's events, such as a stage move, are
        // not the intake's).
        sandbox.unsubscribeWebhooks();
        long requestsBefore = sandbox.stats().location(E2e.LOCATION).requests();
        Path rest = Files.writeString(
                dir.resolve("rest.csv"),
                header + String.join("\n", lines.subList(CONFIRMED + 1, CONFIRMED + LEADS + 1)) + "\n");
        List<RecruitId> leads = importAndAwait(rest, LEADS);

        SandboxStats.LocationStats location = sandbox.stats().location(E2e.LOCATION);
        long calls = location.requests() - requestsBefore;
        assertThat(calls).as("GHL calls for %d new leads", LEADS).isEqualTo(3L * LEADS);
        assertThat(location.rateLimited()).isZero();
        assertThat(location.contacts()).isEqualTo(CONFIRMED + LEADS);
        assertThat(location.messagesByType().get("SMS")).isEqualTo(CONFIRMED + LEADS);
        assertThat(location.workflowEnrollments())
                .as("contacts the tag-triggered workflow enrolled")
                .isEqualTo(CONFIRMED + LEADS);
        assertThat(location.duplicateContacts()).isZero();
        for (RecruitId id : leads) {
            assertThat(journal()
                            .find(id, IntakeStep.ENROLL_WORKFLOW)
                            .orElseThrow()
                            .detail())
                    .hasValueSatisfying(d -> assertThat(d).startsWith("delegated to tag new-lead"));
        }
    }

    private static List<RecruitId> importAndAwait(Path file, int expected) throws Exception {
        List<RecruitId> ids = E2e.importFile(runtime, file);
        assertThat(ids).hasSize(expected);
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> ids.stream().allMatch(intake::isComplete),
                () -> "intakes open: " + ids.stream().map(journal()::steps).toList());
        return ids;
    }

    private static IntakeJournal journal() {
        return runtime.injector().getInstance(IntakeJournal.class);
    }
}
