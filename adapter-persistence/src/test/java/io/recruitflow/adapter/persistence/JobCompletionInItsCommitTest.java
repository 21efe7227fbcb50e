package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job whose handler is one unit of work ({@code JobType#runsInOneUnitOfWork}) ends in the unit's last commit: the
 * handler's last writes and the job's removal or next run are one transaction (the same {@code xmin}), so a lead's
 * intake pays no commit of its own for ending a job, and a crash cannot separate a settled step from its job's end.
 */
class JobCompletionInItsCommitTest {
    private PostgresUnitOfWork work;
    private PostgresIntakeJournal journal;
    private PostgresJobQueue queue;
    private RecruitId recruit;

    @BeforeEach
    void setUp() {
        TestDatabase.truncateAll();
        work = new PostgresUnitOfWork(TestDatabase.jdbi());
        journal = new PostgresIntakeJournal(TestDatabase.jdbi());
        queue = new PostgresJobQueue(TestDatabase.get().dataSource(), Duration.ofMillis(50)).joining(work);
        Recruit r = PostgresRecruitAdmissionsTest.recruit("cy.jobs@example.net", "+14075550177", null);
        new PostgresRecruits(TestDatabase.jdbi()).add(r);
        recruit = r.id();
    }

    @AfterEach
    void stop() {
        queue.stop(Duration.ofSeconds(5));
    }

    @Test
    void aJobRunAgainLaterIsRescheduledInTheSameTransactionAsItsLastWrites() throws Exception {
        Instant later = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        runOnce(() -> {
            journal.save(StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, Instant.now())
                    .started(Instant.now()));
            return new JobOutcome.RunAgainAt(later, "waits for quiet hours to end");
        });

        Map<String, Object> job = jobRow().orElseThrow();
        assertThat(job.get("picked")).isEqualTo(false);
        assertThat(((java.sql.Timestamp) job.get("execution_time")).toInstant()).isEqualTo(later);
        assertThat(job.get("consecutive_failures")).isEqualTo(0);
        assertThat(job.get("xmin"))
                .as("the job's next run commits with the step it wrote")
                .isEqualTo(journalXmin());
    }

    @Test
    void aJobThatCommittedBeforeACallEndsInTheCommitAfterIt() throws Exception {
        runOnce(() -> {
            journal.save(StepRecord.pending(recruit, IntakeStep.SEND_INTRO, Instant.now())
                    .started(Instant.now()));
            String before = journalXmin();
            work.commitWritten(); // the CRM is called here
            journal.save(StepRecord.pending(recruit, IntakeStep.SEND_INTRO, Instant.now())
                    .done(Optional.of("msg_1"), Instant.now()));
            assertThat(journalXmin()).isNotEqualTo(before);
            return new JobOutcome.RunAgainAt(Instant.now().plusSeconds(600), "next phase later");
        });

        assertThat(jobRow().orElseThrow().get("xmin")).isEqualTo(journalXmin());
    }

    @Test
    void aRunThatWroteNothingIsRescheduledByTheScheduler() throws Exception {
        Instant soon = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        runOnce(() -> new JobOutcome.RunAgainAt(soon, "its location runs enough intakes already"));
        Thread.sleep(200); // db-scheduler's completion, on its own connection after the run

        Map<String, Object> job = jobRow().orElseThrow();
        assertThat(job.get("picked")).isEqualTo(false);
        assertThat(((java.sql.Timestamp) job.get("execution_time")).toInstant()).isEqualTo(soon);
    }

    @Test
    void aDoneJobIsRemovedWithItsOutcome() throws Exception {
        runOnce(() -> {
            journal.save(StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, Instant.now())
                    .done(Optional.of("c_1"), Instant.now()));
            return new JobOutcome.Done();
        });

        assertThat(jobRow()).isEmpty();
        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isPresent();
    }

    @Test
    void aHandlerThatThrowsLeavesNeitherItsWritesNorTheJobsEnd() throws Exception {
        runOnce(() -> {
            journal.save(StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, Instant.now())
                    .done(Optional.of("c_1"), Instant.now()));
            throw new IllegalStateException("database hiccup");
        });
        Thread.sleep(200); // db-scheduler's failure handler reschedules on its own connection

        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isEmpty();
        Map<String, Object> job = jobRow().orElseThrow();
        assertThat(job.get("consecutive_failures"))
                .as("retried by db-scheduler's backoff")
                .isEqualTo(1);
    }

    /**
     * A location's batch ends done in its unit while a recruit's first phase, in a transaction of its own, has asked
     * the running job to run again after the batch's last look: the end reschedules the job for the time asked, in
     * the unit's commit, instead of removing it (the lost wake-up CI caught, IntakeBudgetE2eTest).
     */
    @Test
    void aJobAskedToRunAgainWhileItRanIsRescheduledInsteadOfRemoved() throws Exception {
        Instant asked = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Job batch = new Job(
                new JobPayload.EnrollLocation(new io.recruitflow.domain.shared.LocationId("loc_1")),
                Instant.now(),
                JobPriority.BULK);
        PostgresJobQueue elsewhere = new PostgresJobQueue(TestDatabase.get().dataSource());
        java.util.List<Boolean> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        runOnce(batch, () -> {
            journal.save(StepRecord.pending(recruit, IntakeStep.ENROLL_WORKFLOW, Instant.now())
                    .started(Instant.now()));
            // Another recruit's first job ends now, on a connection of its own, and commits its wake-up.
            requests.add(elsewhere.scheduleNoLaterThan(new Job(batch.payload(), asked, JobPriority.BULK)));
            return new JobOutcome.Done();
        });

        assertThat(requests).as("the running job was asked to run again").containsExactly(true);
        Map<String, Object> job = jobRow("INTAKE_ENROLLMENT").orElseThrow();
        assertThat(job.get("picked")).isEqualTo(false);
        assertThat(((java.sql.Timestamp) job.get("execution_time")).toInstant()).isEqualTo(asked);
        assertThat(job.get("run_again_at")).as("the request is used up").isNull();
        assertThat(job.get("xmin")).as("rescheduled in the unit's commit").isEqualTo(journalXmin());
    }

    /** Schedules one intake job, runs the queue until the handler has run once, and stops it. */
    private void runOnce(java.util.function.Supplier<JobOutcome> inTheUnit) throws InterruptedException {
        runOnce(
                new Job(new JobPayload.Intake(recruit, IntakePhase.FIRST), Instant.now(), JobPriority.SPEED_TO_LEAD),
                inTheUnit);
    }

    /** Schedules {@code job}, runs the queue until the handler has run once, and stops it. */
    private void runOnce(Job job, java.util.function.Supplier<JobOutcome> inTheUnit) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(1);
        JobHandler handler = run -> {
            try {
                return work.inOne(inTheUnit); // as the saga does: joins the queue's unit
            } finally {
                ran.countDown();
            }
        };
        queue.schedule(job);
        queue.start(handler, 1);
        assertThat(ran.await(10, TimeUnit.SECONDS)).as("the job ran").isTrue();
        queue.stop(Duration.ofSeconds(5));
    }

    private Optional<Map<String, Object>> jobRow() {
        return jobRow("INTAKE");
    }

    private Optional<Map<String, Object>> jobRow(String type) {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT picked, execution_time, consecutive_failures, run_again_at,"
                                + " xmin::text AS xmin FROM scheduled_tasks WHERE task_name = :type")
                        .bind("type", type)
                        .mapToMap()
                        .findOne());
    }

    private String journalXmin() {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT xmin::text FROM intake_steps WHERE recruit_id = :r")
                        .bind("r", recruit.value())
                        .mapTo(String.class)
                        .one());
    }
}
