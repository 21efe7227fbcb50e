package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.JobType;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JobQueue} must do: deduplicate on type and id while a job is scheduled, hand a due job
 * to the {@link JobHandler} once, reschedule it on {@link JobOutcome.RunAgainAt}, keep it after an
 * exception, and forget it after {@link JobOutcome.Done} or {@link JobOutcome.GiveUp}.
 *
 * <p>An implementation supplies a {@link Harness}: its queue, the queue's clock and a way to make it run
 * whatever is due. Queues that run jobs on their own threads implement {@link Harness#runDue()} by
 * awaiting (with a timeout) until every due job's outcome is recorded. The contract says nothing about
 * the order of different jobs.
 */
public abstract class JobQueueContract {

    /** A queue under test with a controllable clock. */
    protected interface Harness extends AutoCloseable {
        JobQueue queue();

        /** The queue's current time: jobs whose {@code runAt} is at or before it are due. */
        Instant now();

        /** Moves the queue's clock forward. */
        void advance(Duration by);

        /**
         * Returns once every job due at {@link #now()} has been handed to the handler and its outcome
         * recorded; fails (throws) if that does not happen within a generous timeout.
         */
        void runDue();

        @Override
        default void close() {}
    }

    /** Starts a new, empty queue that hands due jobs to {@code handler}. */
    protected abstract Harness start(JobHandler handler);

    private Harness harness;
    private final List<Job> handled = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Function<Job, JobOutcome>>> scripts = new ConcurrentHashMap<>();

    /** A handler that records every job and answers from a per-id script, {@code Done} once it runs out. */
    private Harness startRecording() {
        harness = start(job -> {
            handled.add(job);
            Deque<Function<Job, JobOutcome>> script = scripts.get(job.key());
            Function<Job, JobOutcome> next = script == null ? null : script.pollFirst();
            return next == null ? new JobOutcome.Done() : next.apply(job);
        });
        return harness;
    }

    @SafeVarargs
    private void script(String name, Function<Job, JobOutcome>... outcomes) {
        scripts.put(payload(JobType.INTAKE, name).key(), new ArrayDeque<>(List.of(outcomes)));
    }

    private long runsOf(JobType type, String name) {
        return handled.stream()
                .filter(j -> j.payload().equals(payload(type, name)))
                .count();
    }

    /**
     * A payload of the type named {@code name}. An intake and a message delivery of the same name share
     * their key, so that deduplication shows it is per type.
     */
    private static JobPayload payload(JobType type, String name) {
        RecruitId recruit = new RecruitId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
        return switch (type) {
            case INTAKE -> new JobPayload.Intake(recruit, IntakePhase.FIRST);
            case DEFERRED_MESSAGE -> new JobPayload.DeliverMessage(new MessageKey(recruit.toString()), recruit);
            case INBOX_DISPATCH -> new JobPayload.SweepInbox();
            case REPLY_ANSWER -> new JobPayload.AnswerReply(recruit.toString(), recruit);
            case OUTBOUND_EVENTS -> new JobPayload.DeliverEvents();
            case STALL_SWEEP -> new JobPayload.SweepStalls();
            case NURTURE_STEP -> new JobPayload.NurtureStep("nurture/" + recruit, recruit);
            case INTAKE_ENROLLMENT -> new JobPayload.EnrollLocation(new LocationId("loc_" + recruit));
            case ENROLLMENT_SWEEP -> new JobPayload.SweepEnrollments();
        };
    }

    private static Job job(JobType type, String name, Instant runAt) {
        return new Job(payload(type, name), runAt, JobPriority.BULK);
    }

    @AfterEach
    void stop() throws Exception {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    void schedule_deduplicates_on_type_and_id_while_scheduled() {
        Harness h = startRecording();
        Instant later = h.now().plus(Duration.ofHours(1));

        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", later))).isTrue();
        assertThat(h.queue()
                        .schedule(new Job(
                                payload(JobType.INTAKE, "r1"), later.plusSeconds(60), JobPriority.SPEED_TO_LEAD)))
                .isFalse();
        assertThat(h.queue().schedule(job(JobType.DEFERRED_MESSAGE, "r1", later)))
                .isTrue();
        assertThat(h.queue().schedule(job(JobType.INTAKE, "r2", later))).isTrue();
    }

    @Test
    void schedule_no_later_than_brings_a_waiting_job_forward_and_leaves_an_earlier_one() {
        Harness h = startRecording();
        Instant inAnHour = h.now().plus(Duration.ofHours(1));

        assertThat(h.queue().scheduleNoLaterThan(job(JobType.INTAKE_ENROLLMENT, "l1", inAnHour)))
                .as("not scheduled yet: scheduled")
                .isTrue();
        assertThat(h.queue().scheduleNoLaterThan(job(JobType.INTAKE_ENROLLMENT, "l1", inAnHour.plusSeconds(60))))
                .as("scheduled earlier already: left")
                .isFalse();
        h.runDue();
        assertThat(handled).isEmpty();

        assertThat(h.queue().scheduleNoLaterThan(job(JobType.INTAKE_ENROLLMENT, "l1", h.now())))
                .as("waiting for later: moved to now")
                .isTrue();
        h.runDue();
        assertThat(handled).hasSize(1);
        assertThat(h.queue().schedule(job(JobType.INTAKE_ENROLLMENT, "l1", inAnHour)))
                .as("one job, done")
                .isTrue();
    }

    @Test
    void schedule_no_later_than_raises_a_waiting_job_ranked_lower_and_never_lowers_one() {
        Harness h = startRecording();
        Instant inAnHour = h.now().plus(Duration.ofHours(1));
        JobPayload batch = payload(JobType.INTAKE_ENROLLMENT, "l1");
        h.queue().schedule(new Job(batch, inAnHour, JobPriority.BULK));

        assertThat(h.queue().scheduleNoLaterThan(new Job(batch, inAnHour, JobPriority.SPEED_TO_LEAD)))
                .as("as early already, but ranked lower: raised")
                .isTrue();
        assertThat(h.queue().scheduleNoLaterThan(new Job(batch, inAnHour.plusSeconds(60), JobPriority.BULK)))
                .as("ranked higher and due earlier already: left")
                .isFalse();
        h.advance(Duration.ofHours(1));
        h.runDue();

        assertThat(handled).singleElement().satisfies(job -> {
            assertThat(job.payload()).isEqualTo(batch);
            assertThat(job.priority()).isEqualTo(JobPriority.SPEED_TO_LEAD);
        });
    }

    /**
     * Work added while a gathering job runs, after the run looked for work (a location's enrollment batch, and a
     * recruit whose first phase ends during its calls): the run's end must not take the request with it.
     */
    @Test
    void a_job_asked_to_run_again_while_it_runs_runs_again_once_it_ends_done() {
        Harness h = startRecording();
        Job batch = job(JobType.INTAKE_ENROLLMENT, "l1", h.now());
        List<Boolean> asked = new CopyOnWriteArrayList<>();
        scripts.put(batch.key(), new ArrayDeque<>(List.of(run -> {
            asked.add(h.queue().scheduleNoLaterThan(job(JobType.INTAKE_ENROLLMENT, "l1", h.now())));
            asked.add(h.queue()
                    .scheduleNoLaterThan(
                            job(JobType.INTAKE_ENROLLMENT, "l1", h.now().plusSeconds(60))));
            return new JobOutcome.Done();
        })));
        h.queue().schedule(batch);

        h.runDue();

        assertThat(asked)
                .as("asked to run again now; then for later, which adds nothing")
                .containsExactly(true, false);
        assertThat(runsOf(JobType.INTAKE_ENROLLMENT, "l1"))
                .as("the run, then the one asked for")
                .isEqualTo(2);
        assertThat(h.queue().schedule(batch)).as("done after its second run").isTrue();
    }

    @Test
    void a_job_asked_to_run_again_while_it_runs_keeps_the_earlier_of_that_time_and_its_own_next_run() {
        Harness h = startRecording();
        Job batch = job(JobType.INTAKE_ENROLLMENT, "l1", h.now());
        Instant inAnHour = h.now().plus(Duration.ofHours(1));
        scripts.put(
                batch.key(),
                new ArrayDeque<>(List.of(
                        run -> {
                            h.queue().scheduleNoLaterThan(job(JobType.INTAKE_ENROLLMENT, "l1", h.now()));
                            return new JobOutcome.RunAgainAt(inAnHour, "a retry waits");
                        },
                        run -> {
                            h.queue().scheduleNoLaterThan(job(JobType.INTAKE_ENROLLMENT, "l1", inAnHour));
                            return new JobOutcome.RunAgainAt(h.now().plusSeconds(60), "a retry waits");
                        })));
        h.queue().schedule(batch);

        h.runDue();
        assertThat(runsOf(JobType.INTAKE_ENROLLMENT, "l1"))
                .as("the request (now) came before the run's own retry (in an hour)")
                .isEqualTo(2);
        h.advance(Duration.ofSeconds(30));
        h.runDue();
        assertThat(runsOf(JobType.INTAKE_ENROLLMENT, "l1"))
                .as("nothing due yet")
                .isEqualTo(2);
        h.advance(Duration.ofSeconds(31));
        h.runDue();
        assertThat(runsOf(JobType.INTAKE_ENROLLMENT, "l1"))
                .as("the run's own retry (in a minute) came before the request (in an hour)")
                .isEqualTo(3);
        assertThat(h.queue().schedule(batch)).as("done after its third run").isTrue();
    }

    @Test
    void a_due_job_is_handed_to_the_handler_once() {
        Harness h = startRecording();
        h.queue().schedule(job(JobType.INTAKE, "r1", h.now()));

        h.runDue();
        h.advance(Duration.ofMinutes(5));
        h.runDue();

        assertThat(handled).hasSize(1);
        assertThat(handled.get(0).payload()).isEqualTo(payload(JobType.INTAKE, "r1"));
    }

    @Test
    void every_kind_of_payload_reaches_the_handler_as_it_was_scheduled() {
        Harness h = startRecording();
        RecruitId recruit = new RecruitId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
        List<JobPayload> payloads = List.of(
                new JobPayload.Intake(recruit, IntakePhase.FIRST),
                new JobPayload.Intake(recruit, IntakePhase.FOLLOW_UP),
                new JobPayload.DeliverMessage(new MessageKey("intro/" + recruit), recruit),
                new JobPayload.SweepInbox(),
                new JobPayload.SweepStalls());
        payloads.forEach(p -> h.queue().schedule(new Job(p, h.now(), JobPriority.BULK)));

        h.runDue();

        assertThat(handled).extracting(Job::payload).containsExactlyInAnyOrderElementsOf(payloads);
    }

    @Test
    void a_job_runs_when_its_time_comes_not_before() {
        Harness h = startRecording();
        h.queue().schedule(job(JobType.DEFERRED_MESSAGE, "intro/1", h.now().plus(Duration.ofMinutes(10))));

        h.runDue();
        assertThat(handled).isEmpty();

        h.advance(Duration.ofMinutes(10));
        h.runDue();
        assertThat(runsOf(JobType.DEFERRED_MESSAGE, "intro/1")).isEqualTo(1);
    }

    @Test
    void a_job_scheduled_in_the_past_runs_at_once() {
        Harness h = startRecording();
        h.queue().schedule(job(JobType.INBOX_DISPATCH, "sweep", h.now().minus(Duration.ofHours(1))));

        h.runDue();

        assertThat(runsOf(JobType.INBOX_DISPATCH, "sweep")).isEqualTo(1);
    }

    @Test
    void run_again_at_reschedules_the_job_and_keeps_it_scheduled() {
        Harness h = startRecording();
        Instant start = h.now();
        script("r1", j -> new JobOutcome.RunAgainAt(start.plus(Duration.ofMinutes(5)), "next saga step"));
        h.queue().schedule(job(JobType.INTAKE, "r1", start));

        h.runDue();
        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(1);
        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", start)))
                .as("still scheduled")
                .isFalse();

        h.advance(Duration.ofMinutes(4));
        h.runDue();
        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(1);

        h.advance(Duration.ofMinutes(1));
        h.runDue();
        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(2);
        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", h.now().plus(Duration.ofDays(1)))))
                .as("done, so it can be scheduled again")
                .isTrue();
    }

    @Test
    void after_done_the_same_job_can_be_scheduled_and_runs_again() {
        Harness h = startRecording();
        h.queue().schedule(job(JobType.INTAKE, "r1", h.now()));
        h.runDue();

        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", h.now()))).isTrue();
        h.runDue();

        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(2);
    }

    @Test
    void a_job_that_gives_up_is_not_run_again() {
        Harness h = startRecording();
        script("r1", j -> new JobOutcome.GiveUp("recruit is gone"));
        h.queue().schedule(job(JobType.INTAKE, "r1", h.now()));

        h.runDue();
        h.advance(Duration.ofDays(2));
        h.runDue();

        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(1);
        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", h.now().plus(Duration.ofDays(1)))))
                .isTrue();
    }

    @Test
    void a_job_whose_handler_throws_is_kept_and_retried_later() {
        Harness h = startRecording();
        script("r1", j -> {
            throw new IllegalStateException("database hiccup");
        });
        h.queue().schedule(job(JobType.INTAKE, "r1", h.now()));

        h.runDue();
        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(1);
        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", h.now())))
                .as("never dropped")
                .isFalse();

        h.advance(Duration.ofDays(1));
        h.runDue();
        assertThat(runsOf(JobType.INTAKE, "r1")).isEqualTo(2);
        assertThat(h.queue().schedule(job(JobType.INTAKE, "r1", h.now().plus(Duration.ofDays(1)))))
                .isTrue();
    }

    @Test
    void every_due_job_runs_exactly_once() {
        Harness h = startRecording();
        for (int i = 0; i < 20; i++) {
            JobPriority priority = JobPriority.values()[i % JobPriority.values().length];
            h.queue().schedule(new Job(payload(JobType.INTAKE, "r" + i), h.now().minusSeconds(i), priority));
        }

        h.runDue();

        assertThat(handled).hasSize(20);
        assertThat(handled).extracting(Job::key).doesNotHaveDuplicates();
    }
}
