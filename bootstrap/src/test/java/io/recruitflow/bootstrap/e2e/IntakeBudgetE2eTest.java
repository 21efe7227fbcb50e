package io.recruitflow.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.InboxStats;
import io.recruitflow.bootstrap.bench.PgCommits;
import io.recruitflow.bootstrap.config.Setting;
import io.recruitflow.bootstrap.runtime.RecruitflowRuntime;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The budget of a lead, pinned so it cannot grow silently: 50 new leads imported into the real runtime (embedded
 * PostgreSQL, durable jobs, the GHL client over HTTP) against the sandbox with GHL's webhooks subscribed, every
 * webhook stored and applied. Counted from the sandbox ({@code /_sandbox/stats}, the location's requests) and
 * from PostgreSQL ({@code pg_stat_database.xact_commit}, {@code pg_stat_wal.wal_sync}, over the import, the
 * intakes and the webhooks they cause): at most 4 GHL calls per lead (3 with the tag trigger) and at most 8
 * transactions per lead.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class IntakeBudgetE2eTest {
    private static final LocationId LOCATION = new LocationId(E2e.LOCATION);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int WARM_UP = 2;
    private static final int LEADS = 50;

    @TempDir
    Path dir;

    @Test
    void aLeadWithTheEnrollmentCallCostsAtMostFourCalls() throws Exception {
        Budget budget = run(SandboxConfig.defaults().withPort(0).withRateLimit("100/1s"), Map.of());
        assertThat(budget.callsPerLead())
                .as("GHL calls per lead, webhooks on: %s", budget)
                .isLessThanOrEqualTo(4.0);
    }

    @Test
    void aLeadEnrolledByTagCostsAtMostThreeCalls() throws Exception {
        Budget budget = run(
                SandboxConfig.defaults()
                        .withPort(0)
                        .withRateLimit("100/1s")
                        .withWorkflowTrigger("wf_speed_to_lead", "new-lead"),
                Map.of(Setting.WORKFLOW_TRIGGER, "tag:new-lead"));
        assertThat(budget.callsPerLead())
                .as("GHL calls per lead, webhooks on: %s", budget)
                .isLessThanOrEqualTo(3.0);
    }

    /** What the leads cost, per lead. */
    record Budget(double callsPerLead, double transactionsPerLead, double walSyncsPerLead, long webhooks) {}

    private Budget run(SandboxConfig config, Map<Setting, String> extra) throws Exception {
        try (GhlSandbox sandbox = GhlSandbox.start(config);
                RecruitflowRuntime runtime = E2e.startWithWebhooks(sandbox, dir, extra)) {
            List<String> lines = Files.readAllLines(E2e.writeLeads(dir.resolve("all.csv"), WARM_UP + LEADS, 7));
            String header = lines.get(0) + "\n";
            // The first leads also resolve the location's pipeline, workflow and calendar, once per location.
            importAndAwait(runtime, sandbox, write(dir.resolve("warm.csv"), header, lines.subList(1, WARM_UP + 1)));

            PgCommits pg = new PgCommits(dir.resolve("data"));
            PgCommits.Counts before = pg.counts();
            long callsBefore = sandbox.stats().location(E2e.LOCATION).requests();
            long webhooksBefore = sandbox.stats().webhooksDelivered();
            List<RecruitId> ids = importAndAwait(
                    runtime,
                    sandbox,
                    write(dir.resolve("leads.csv"), header, lines.subList(WARM_UP + 1, WARM_UP + LEADS + 1)));
            PgCommits.Counts db = pg.counts().minus(before);
            SandboxStats stats = sandbox.stats();
            SandboxStats.LocationStats location = stats.location(E2e.LOCATION);
            Budget budget = new Budget(
                    (location.requests() - callsBefore) / (double) LEADS,
                    db.commits() / (double) LEADS,
                    db.walSyncs() / (double) LEADS,
                    stats.webhooksDelivered() - webhooksBefore);
            System.out.printf("%d leads with webhooks: %s%n", LEADS, budget);

            // The budget is not bought with a wrong funnel or a lost step.
            assertThat(location.rateLimited()).isZero();
            assertThat(location.contacts()).isEqualTo(WARM_UP + LEADS);
            assertThat(location.opportunities()).isEqualTo(WARM_UP + LEADS);
            assertThat(location.messagesByType().get("SMS")).isEqualTo(WARM_UP + LEADS);
            assertThat(location.workflowEnrollments()).isEqualTo(WARM_UP + LEADS);
            assertThat(location.duplicateContacts()).isZero();
            assertThat(location.duplicateMessages()).isZero();
            OpportunityMirror mirror = runtime.injector().getInstance(OpportunityMirror.class);
            Recruits recruits = runtime.injector().getInstance(Recruits.class);
            for (RecruitId id : ids) {
                Recruit recruit = recruits.find(id).orElseThrow();
                assertThat(recruit.contactId().flatMap(mirror::findByContact))
                        .as("the opportunity of a texted recruit")
                        .hasValueSatisfying(o -> assertThat(o.stage()).isEqualTo(RecruitingStage.CONTACTED));
            }
            return budget;
        }
    }

    private static Path write(Path file, String header, List<String> rows) throws Exception {
        return Files.writeString(file, header + String.join("\n", rows) + "\n");
    }

    private static List<RecruitId> importAndAwait(RecruitflowRuntime runtime, GhlSandbox sandbox, Path file)
            throws Exception {
        ImportReport report;
        try (InputStream in = Files.newInputStream(file)) {
            report = runtime.injector()
                    .getInstance(ImportLeadsUseCase.class)
                    .importLeads(new ImportLeadsCommand(LOCATION, in));
        }
        assertThat(report.rejected()).isEmpty();
        List<RecruitId> ids = report.accepted().stream().map(r -> r.recruit()).toList();
        IntakeRecruitUseCase intake = runtime.injector().getInstance(IntakeRecruitUseCase.class);
        IntakeJournal journal = runtime.injector().getInstance(IntakeJournal.class);
        E2e.await(
                WAIT,
                Duration.ofMillis(50),
                () -> ids.stream().allMatch(intake::isComplete),
                () -> "intakes open: " + ids.stream().map(journal::steps).toList());
        // Every webhook the sandbox sent is stored and applied, and nothing more arrives.
        EventInbox inbox = runtime.injector().getInstance(EventInbox.class);
        long[] last = {-1};
        E2e.await(
                WAIT,
                Duration.ofMillis(300),
                () -> {
                    InboxStats s = inbox.stats();
                    long delivered = sandbox.stats().webhooksDelivered();
                    boolean applied = s.stored() + s.duplicates() >= delivered
                            && s.processed() + s.dead() + s.ignored() >= s.stored();
                    boolean quiet = delivered == last[0];
                    last[0] = delivered;
                    return applied && quiet;
                },
                () -> "webhooks not applied: sandbox " + sandbox.stats() + ", inbox " + inbox.stats());
        return ids;
    }
}
