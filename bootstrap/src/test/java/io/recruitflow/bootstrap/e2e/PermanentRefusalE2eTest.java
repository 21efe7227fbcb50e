package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.config.Settings;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.Clock;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * When GHL refuses a lead for good (a 422 on the contact upsert), the intake of that lead fails with GHL's
 * reason and ends: nothing more is sent to GHL for it, and the intake counts as complete — so
 * {@code recruitflow import --wait}, which waits for exactly that, returns (exit 1) instead of waiting forever,
 * and the next start does not resume it.
 *
 * <p>The sandbox answers every upsert with a 422 here (its "created but unprocessable" fault at probability 1;
 * to the client a 422 is a 422).
 */
class PermanentRefusalE2eTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void aLeadGhlRefusesEndsItsIntakeAsFailedAndCostsNoFurtherCall() throws Exception {
        try (GhlSandbox sandbox =
                GhlSandbox.start(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"))) {
            E2e.injectFaults(sandbox, new E2e.Faults("POST /contacts/upsert", 0, 0, 0, 0, 1.0, 0), 1);
            Settings settings = Settings.load(Optional.empty(), Map.of());
            for (var e : E2e.settings(sandbox, dir.resolve("data")).entrySet()) {
                settings = settings.with(e.getKey(), e.getValue());
            }
            try (RecruitflowRuntime runtime =
                    RecruitflowRuntime.open(RecruitflowConfig.from(settings), Clock.system())) {
                runtime.startJobs();
                ImportReport report;
                try (InputStream in = Files.newInputStream(E2e.EXAMPLE_LEADS)) {
                    report = runtime.injector()
                            .getInstance(ImportLeadsUseCase.class)
                            .importLeads(new ImportLeadsCommand(new LocationId(E2e.LOCATION), in));
                }
                List<RecruitId> accepted = report.accepted().stream()
                        .map(ImportReport.Row::recruit)
                        .toList();
                assertThat(accepted).hasSize(E2e.EXAMPLE_ACCEPTED);

                IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
                IntakeJournal journal = runtime.injector().getInstance(IntakeJournal.class);
                E2e.await(
                        Duration.ofSeconds(45),
                        Duration.ofMillis(200),
                        () -> accepted.stream().allMatch(intake::isComplete),
                        () -> "intakes that can never proceed are not complete; journal " + journal.countByState());

                for (RecruitId id : accepted) {
                    List<StepRecord> steps = journal.steps(id);
                    assertThat(steps.get(0).step()).isEqualTo(IntakeStep.UPSERT_CONTACT);
                    assertThat(steps.get(0).state()).isEqualTo(StepState.FAILED);
                    assertThat(steps.get(0).detail())
                            .hasValueSatisfying(d -> assertThat(d).contains("422"));
                    assertThat(steps.subList(1, steps.size()))
                            .allSatisfy(s ->
                                    assertThat(s.state()).as(s.step().name()).isEqualTo(StepState.SKIPPED));
                }
                assertThat(journal.unfinished(100))
                        .as("nothing left for the next start to resume")
                        .isEmpty();
                SandboxStats stats = sandbox.stats();
                assertThat(stats.opportunities()).isZero();
                assertThat(stats.messagesByType().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                        .isZero();
                assertThat(stats.workflowEnrollments()).isZero();
            }
        }
    }
}
