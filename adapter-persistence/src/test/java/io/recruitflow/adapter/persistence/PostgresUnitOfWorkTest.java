package io.recruitflow.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.domain.recruit.Consent;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        Recruit r = new Recruit(
                RecruitId.random(),
                new LocationId("loc_uow"),
                new PersonName("Ann", "Lee"),
                Optional.of(new EmailAddress("ann.uow@example.net")),
                Optional.empty(),
                new License(
                        UsState.TX,
                        Optional.empty(),
                        Set.of(new LicenseType("Life")),
                        Optional.empty(),
                        Optional.empty()),
                "file",
                Set.of(),
                Map.of(),
                Consent.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                AT,
                Optional.empty(),
                0);
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
