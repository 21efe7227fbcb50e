package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One transaction for the stores of this module on one thread: what they write inside {@link PostgresUnitOfWork#inOne}
 * commits together (or not at all), {@link PostgresUnitOfWork#commitWritten} makes what was written so far durable,
 * and a job scheduled inside is written in the same commit.
 */
class PostgresUnitOfWorkTest {
    private static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");

    private PostgresUnitOfWork work;
    private PostgresIntakeJournal journal;
    private PostgresJobQueue jobs;
    private RecruitId recruit;

    @BeforeEach
    void setUp() {
        TestDatabase.truncateAll();
        work = new PostgresUnitOfWork(TestDatabase.jdbi());
        journal = new PostgresIntakeJournal(TestDatabase.jdbi());
        jobs = new PostgresJobQueue(TestDatabase.get().dataSource()).joining(work);
        Recruit r = PostgresRecruitAdmissionsTest.recruit("ann.uow@example.net", "+14075550188", null);
        new PostgresRecruits(TestDatabase.jdbi()).add(r);
        recruit = r.id();
    }

    @Test
    void whatTheStoresWriteInsideCommitsTogetherOrNotAtAll() {
        assertThatThrownBy(() -> work.inOne(() -> {
                    journal.save(StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, AT)
                            .started(AT));
                    jobs.schedule(followUp());
                    // Inside, the stores read their own writes.
                    assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isPresent();
                    throw new IllegalStateException("the process dies");
                }))
                .hasMessage("the process dies");
        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isEmpty();
        assertThat(jobRows()).isZero();

        work.inOne(() -> {
            journal.save(
                    StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, AT).started(AT));
            return jobs.schedule(followUp());
        });
        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isPresent();
        assertThat(jobRows()).isOne();
    }

    @Test
    void whatWasWrittenBeforeACallIsDurableWhateverComesAfter() {
        assertThatThrownBy(() -> work.inOne(() -> {
                    journal.save(StepRecord.pending(recruit, IntakeStep.SEND_INTRO, AT)
                            .started(AT));
                    work.commitWritten(); // the CRM is called here
                    journal.save(StepRecord.pending(recruit, IntakeStep.SEND_INTRO, AT)
                            .done(Optional.of("m1"), AT));
                    throw new IllegalStateException("the process dies after the call");
                }))
                .hasMessage("the process dies after the call");
        assertThat(journal.find(recruit, IntakeStep.SEND_INTRO))
                .map(StepRecord::state)
                .contains(StepState.STARTED);
    }

    @Test
    void aPartThatFailsIsUndoneAloneAndTheUnitGoesOn() {
        work.inOne(() -> {
            journal.save(
                    StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, AT).started(AT));
            assertThatThrownBy(() -> work.isolated(() -> {
                        journal.save(StepRecord.pending(recruit, IntakeStep.SEND_INTRO, AT)
                                .started(AT));
                        throw new IllegalStateException("this event fails");
                    }))
                    .hasMessage("this event fails");
            // A part that committed before a call and then failed: only what it wrote after the commit is undone.
            assertThatThrownBy(() -> work.isolated(() -> {
                        journal.save(StepRecord.pending(recruit, IntakeStep.CREATE_OPPORTUNITY, AT)
                                .started(AT));
                        work.commitWritten();
                        journal.save(StepRecord.pending(recruit, IntakeStep.ENROLL_WORKFLOW, AT)
                                .started(AT));
                        throw new IllegalStateException("fails after its call");
                    }))
                    .hasMessage("fails after its call");
            return work.isolated(() -> jobs.schedule(followUp()));
        });
        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isPresent();
        assertThat(journal.find(recruit, IntakeStep.SEND_INTRO)).isEmpty();
        assertThat(journal.find(recruit, IntakeStep.CREATE_OPPORTUNITY)).isPresent();
        assertThat(journal.find(recruit, IntakeStep.ENROLL_WORKFLOW)).isEmpty();
        assertThat(jobRows()).isOne();
    }

    @Test
    void aWriteItSawChangeRowsIsCommittedWithoutAskingWhetherTheTransactionWrote() {
        List<String> statements = new java.util.concurrent.CopyOnWriteArrayList<>();
        work.inOne(() -> {
            work.handle().orElseThrow().addCustomizer(new StatementCustomizer() {
                @Override
                public void beforeExecution(PreparedStatement statement, StatementContext context) {
                    statements.add(context.getRawSql());
                }
            });
            // Only a read: nothing seen written, so PostgreSQL is asked, and there is nothing to commit.
            journal.find(recruit, IntakeStep.UPSERT_CONTACT);
            assertThat(work.wroteSinceCommit()).isFalse();
            assertThat(asked(statements)).isOne();

            journal.save(
                    StepRecord.pending(recruit, IntakeStep.UPSERT_CONTACT, AT).started(AT));
            assertThat(work.wroteSinceCommit()).isTrue();
            work.commitWritten();
            assertThat(asked(statements))
                    .as("the save changed a row: no need to ask")
                    .isOne();

            // After the commit nothing is written until the next write: asked again, and the answer is no.
            assertThat(work.wroteSinceCommit()).isFalse();
            assertThat(asked(statements)).isEqualTo(2);
            return null;
        });
        assertThat(journal.find(recruit, IntakeStep.UPSERT_CONTACT)).isPresent();

        // A write it cannot see (plain JDBC on the unit's connection): asked, and the answer is yes.
        work.inOne(() -> {
            try (var update = work.handle()
                    .orElseThrow()
                    .getConnection()
                    .prepareStatement("UPDATE recruits SET source = 'plain' WHERE id = ?")) {
                update.setObject(1, recruit.value());
                update.executeUpdate();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            assertThat(work.wroteSinceCommit())
                    .as("asked: the transaction has an id")
                    .isTrue();
            return null;
        });
    }

    private static long asked(List<String> statements) {
        return statements.stream()
                .filter(sql -> sql.contains("txid_current_if_assigned"))
                .count();
    }

    @Test
    void outsideAUnitEveryStoreCommitsAsItGoes() {
        work.commitWritten();
        jobs.schedule(followUp());
        assertThat(jobRows()).isOne();
        assertThat(work.handle()).isEmpty();
    }

    private Job followUp() {
        return new Job(new JobPayload.Intake(recruit, IntakePhase.FOLLOW_UP), AT, JobPriority.BULK);
    }

    private long jobRows() {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from scheduled_tasks where task_data is not null")
                        .mapTo(Long.class)
                        .one());
    }
}
