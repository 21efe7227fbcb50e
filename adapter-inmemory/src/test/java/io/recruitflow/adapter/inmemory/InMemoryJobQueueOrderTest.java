package io.recruitflow.adapter.inmemory;

import static io.recruitflow.contracts.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the in-memory queue promises beyond the contract: a deterministic order and its safety limits. */
class InMemoryJobQueueOrderTest {
    private static final Instant T0 = Instant.parse("2026-03-02T14:00:00Z");

    @Test
    void due_jobs_run_by_priority_then_run_at_then_scheduling_order() {
        List<String> order = new ArrayList<>();
        InMemoryJobQueue queue = new InMemoryJobQueue(job -> {
            order.add(job.key());
            return new JobOutcome.Done();
        });
        queue.schedule(new Job(named("bulk-early"), T0.minusSeconds(60), JobPriority.BULK));
        queue.schedule(new Job(named("speed-late"), T0, JobPriority.SPEED_TO_LEAD));
        queue.schedule(new Job(named("event"), T0.minusSeconds(30), JobPriority.EVENTS));
        queue.schedule(new Job(named("speed-early"), T0.minusSeconds(10), JobPriority.SPEED_TO_LEAD));
        queue.schedule(new Job(named("speed-early-2"), T0.minusSeconds(10), JobPriority.SPEED_TO_LEAD));
        queue.schedule(new Job(named("future"), T0.plusSeconds(1), JobPriority.SPEED_TO_LEAD));

        assertThat(queue.runDue(T0)).isEqualTo(5);

        assertThat(order).containsExactly("speed-early", "speed-early-2", "speed-late", "event", "bulk-early");
        assertThat(queue.scheduled()).extracting(Job::key).containsExactly("future");
        assertThat(queue.nextRunAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void a_saga_that_asks_to_run_again_now_continues_in_the_same_call_and_a_job_may_schedule_others() {
        List<String> order = new ArrayList<>();
        InMemoryJobQueue queue = new InMemoryJobQueue();
        queue.bind(job -> {
            order.add(job.key());
            if (job.key().equals("r1") && order.size() < 3) {
                return new JobOutcome.RunAgainAt(job.runAt(), "next step");
            }
            if (job.key().equals("r1")) {
                queue.schedule(new Job(named("intro/r1"), T0, JobPriority.BULK));
            }
            return new JobOutcome.Done();
        });
        queue.schedule(new Job(named("r1"), T0, JobPriority.SPEED_TO_LEAD));

        queue.runDue(T0);

        assertThat(order).containsExactly("r1", "r1", "r1", "intro/r1");
    }

    @Test
    void failures_back_off_exponentially_up_to_an_hour() {
        assertThat(InMemoryJobQueue.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(InMemoryJobQueue.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(InMemoryJobQueue.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(InMemoryJobQueue.backoff(40)).isEqualTo(Duration.ofHours(1));

        InMemoryJobQueue queue = new InMemoryJobQueue(job -> {
            throw new IllegalStateException("boom");
        });
        queue.schedule(new Job(named("r1"), T0, JobPriority.BULK));
        queue.runDue(T0);
        assertThat(queue.nextRunAt()).contains(T0.plusSeconds(1));
        queue.runDue(T0.plusSeconds(1));
        assertThat(queue.nextRunAt()).contains(T0.plusSeconds(3));
    }

    @Test
    void a_job_rescheduling_itself_forever_for_now_is_stopped() {
        InMemoryJobQueue queue = new InMemoryJobQueue(job -> new JobOutcome.RunAgainAt(job.runAt(), "again"));
        queue.schedule(new Job(named("loop"), T0, JobPriority.BULK));

        assertThatThrownBy(() -> queue.runDue(T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keeps rescheduling itself");
        assertThat(queue.scheduled()).extracting(Job::key).containsExactly("loop");
    }

    @Test
    void given_up_jobs_are_kept_with_their_reason() {
        InMemoryJobQueue queue = new InMemoryJobQueue(job -> new JobOutcome.GiveUp("recruit deleted"));
        queue.schedule(new Job(named("r1"), T0, JobPriority.BULK));

        queue.runDue(T0);

        assertThat(queue.gaveUp())
                .singleElement()
                .satisfies(g -> assertThat(g.reason()).isEqualTo("recruit deleted"));
    }

    @Test
    void running_without_a_handler_is_refused() {
        InMemoryJobQueue queue = new InMemoryJobQueue();
        queue.schedule(new Job(named("r1"), T0, JobPriority.BULK));

        assertThatThrownBy(() -> queue.runDue(T0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no JobHandler");
    }
}
