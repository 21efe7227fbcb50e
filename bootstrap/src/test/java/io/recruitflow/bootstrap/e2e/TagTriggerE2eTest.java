package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxConfig;
import io.recruitflow.sandbox.SandboxStats;
import java.io.InputStream;
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
    private static final LocationId LOCATION = new LocationId(E2e.LOCATION);
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final int LEADS = 12;

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
        List<String> lines = Files.readAllLines(E2e.writeLeads(dir.resolve("all.csv"), LEADS + 1, 1));
        // A first lead resolves the location's pipeline, workflow and calendar once; what follows is per lead.
        Path one = Files.writeString(dir.resolve("one.csv"), lines.get(0) + "\n" + lines.get(1) + "\n");
        List<RecruitId> warmUp = importAndAwait(one, 1);
        long requestsBefore = sandbox.stats().location(E2e.LOCATION).requests();

        Path rest = Files.writeString(
                dir.resolve("rest.csv"), lines.get(0) + "\n" + String.join("\n", lines.subList(2, LEADS + 2)) + "\n");
        List<RecruitId> leads = importAndAwait(rest, LEADS);

        SandboxStats after = sandbox.stats();
        SandboxStats.LocationStats location = after.location(E2e.LOCATION);
        long calls = location.requests() - requestsBefore;
        assertThat(calls).as("GHL calls for %d new leads", LEADS).isEqualTo(3L * LEADS);
        assertThat(location.rateLimited()).isZero();
        assertThat(location.contacts()).isEqualTo(LEADS + 1);
        assertThat(location.messagesByType().get("SMS")).isEqualTo(LEADS + 1);
        assertThat(location.workflowEnrollments())
                .as("contacts the tag-triggered workflow enrolled")
                .isEqualTo(LEADS + 1);
        assertThat(location.duplicateContacts()).isZero();

        awaitWebhooksApplied();
        for (RecruitId id : concat(warmUp, leads)) {
            StepRecord enroll = journal().find(id, IntakeStep.ENROLL_WORKFLOW).orElseThrow();
            assertThat(enroll.state()).isEqualTo(StepState.DONE);
            assertThat(enroll.ref()).contains("tag:new-lead");
        }
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> concat(warmUp, leads).stream()
                        .allMatch(id -> journal()
                                .find(id, IntakeStep.ENROLL_WORKFLOW)
                                .flatMap(StepRecord::detail)
                                .orElse("")
                                .contains("confirmed by GHL")),
                () -> "not confirmed: "
                        + leads.stream()
                                .map(id -> journal().find(id, IntakeStep.ENROLL_WORKFLOW))
                                .toList());
    }

    private static List<RecruitId> concat(List<RecruitId> a, List<RecruitId> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<RecruitId> importAndAwait(Path file, int expected) throws Exception {
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(LOCATION, in));
        }
        assertThat(report.rejected()).isEmpty();
        assertThat(report.accepted()).hasSize(expected);
        List<RecruitId> ids = report.accepted().stream().map(r -> r.recruit()).toList();
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> ids.stream().allMatch(intake::isComplete),
                () -> "intakes open: " + ids.stream().map(journal()::steps).toList());
        return ids;
    }

    /** Waits until every webhook the sandbox delivered is stored and applied. */
    private static void awaitWebhooksApplied() throws InterruptedException {
        EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> {
                    InboxStats s = inbox.stats();
                    return s.stored() + s.duplicates() >= sandbox.stats().webhooksDelivered()
                            && s.processed() + s.dead() + s.ignored() >= s.stored();
                },
                () -> "webhooks not applied: sandbox " + sandbox.stats() + ", inbox " + inbox.stats());
    }

    private static IntakeJournal journal() {
        return runtime.injector().getInstance(IntakeJournal.class);
    }
}
