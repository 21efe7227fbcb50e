package io.recruitflow.adapter.persistence;

import static io.recruitflow.contracts.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the contract cannot see: two instances, priorities, latency, backoff and graceful stop. */
class PostgresJobQueueTest {
    private PostgresJobQueue first;
    private PostgresJobQueue second;

    @BeforeEach
    void empty() {
        TestDatabase.truncateAll();
    }

    @AfterEach
    void stop() {
        if (first != null) {
            first.stop(Duration.ofSeconds(5));
        }
        if (second != null) {
            second.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void two_instances_on_one_database_run_each_job_exactly_once() {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        second = new PostgresJobQueue(TestDatabase.secondInstance().dataSource());
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Map<String, String> ranOn = new ConcurrentHashMap<>();
        int jobs = 120;
        for (int i = 0; i < jobs; i++) {
            first.schedule(new Job(named("wh_" + i), Instant.now(), JobPriority.EVENTS));
        }
        CountDownLatch all = new CountDownLatch(jobs);

        first.start(job -> count(job, "first", runs, ranOn, all), 3);
        second.start(job -> count(job, "second", runs, ranOn, all), 3);

        await(all);
        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(ranOn.values()).as("both instances claimed jobs").contains("first", "second");
        assertThat(remaining()).isZero();
    }

    @Test
    void scheduling_the_same_job_from_two_instances_at_once_stores_it_once() throws Exception {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        second = new PostgresJobQueue(TestDatabase.secondInstance().dataSource());
        Job job = new Job(named("recruit-1"), Instant.now().plusSeconds(3600), JobPriority.SPEED_TO_LEAD);

        List<Boolean> scheduled =
                io.recruitflow.contracts.Concurrently.run(8, i -> () -> (i % 2 == 0 ? first : second).schedule(job));

        assertThat(scheduled).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(remaining()).isEqualTo(1);
    }

    @Test
    void higher_priority_runs_first_when_several_are_due() {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        Instant past = Instant.now().minusSeconds(60);
        // Bulk work is older, so without priorities it would run first.
        for (int i = 0; i < 5; i++) {
            first.schedule(new Job(named("bulk-" + i), past.minusSeconds(10 - i), JobPriority.BULK));
        }
        first.schedule(new Job(named("event"), past, JobPriority.EVENTS));
        first.schedule(new Job(named("new-lead"), past, JobPriority.SPEED_TO_LEAD));
        List<Job> order = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(7);

        first.start(
                job -> {
                    order.add(job);
                    all.countDown();
                    return new JobOutcome.Done();
                },
                1);

        await(all);
        assertThat(order.get(0).key()).isEqualTo("new-lead");
        assertThat(order.get(0).priority()).isEqualTo(JobPriority.SPEED_TO_LEAD);
        assertThat(order.get(1).key()).isEqualTo("event");
        assertThat(order.subList(2, 7)).allSatisfy(j -> assertThat(j.priority()).isEqualTo(JobPriority.BULK));
    }

    @Test
    void a_job_scheduled_on_a_running_queue_starts_within_a_second() throws Exception {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        CountDownLatch ran = new CountDownLatch(1);
        first.start(
                job -> {
                    ran.countDown();
                    return new JobOutcome.Done();
                },
                2);
        Thread.sleep(300); // the queue is idle, between polls

        long start = System.nanoTime();
        first.schedule(new Job(named("speed-to-lead"), Instant.now(), JobPriority.SPEED_TO_LEAD));
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        Duration latency = Duration.ofNanos(System.nanoTime() - start);

        assertThat(latency).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void a_job_scheduled_by_another_instance_is_picked_up_by_polling() throws Exception {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        second = new PostgresJobQueue(TestDatabase.secondInstance().dataSource()); // never started: a web node
        CountDownLatch ran = new CountDownLatch(1);
        first.start(
                job -> {
                    ran.countDown();
                    return new JobOutcome.Done();
                },
                2);

        long start = System.nanoTime();
        second.schedule(new Job(named("wh_remote"), Instant.now(), JobPriority.EVENTS));

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void stop_waits_for_a_running_job_to_finish() throws Exception {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        first.schedule(new Job(named("slow"), Instant.now(), JobPriority.BULK));
        first.start(
                job -> {
                    started.countDown();
                    sleep(500);
                    finished.incrementAndGet();
                    return new JobOutcome.Done();
                },
                1);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        boolean drained = first.stop(Duration.ofSeconds(5));
        first = null;

        assertThat(drained).isTrue();
        assertThat(finished).hasValue(1);
        assertThat(remaining()).isZero();
    }

    @Test
    void a_failing_job_is_retried_with_capped_exponential_backoff() {
        assertThat(PostgresJobQueue.CappedExponentialBackoff.delay(Duration.ofSeconds(1), Duration.ofMinutes(30), 0))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(PostgresJobQueue.CappedExponentialBackoff.delay(Duration.ofSeconds(1), Duration.ofMinutes(30), 3))
                .isEqualTo(Duration.ofSeconds(8));
        assertThat(PostgresJobQueue.CappedExponentialBackoff.delay(Duration.ofSeconds(1), Duration.ofMinutes(30), 40))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void a_job_that_keeps_failing_stays_in_the_table_with_its_failure_count() throws Exception {
        first = new PostgresJobQueue(TestDatabase.get().dataSource());
        CountDownLatch tried = new CountDownLatch(1);
        first.schedule(new Job(named("intro/1"), Instant.now(), JobPriority.BULK));
        first.start(
                job -> {
                    tried.countDown();
                    throw new IllegalStateException("GHL down");
                },
                1);
        assertThat(tried.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);

        Map<String, Object> row = TestDatabase.jdbi()
                .withHandle(h -> h.createQuery(
                                "SELECT consecutive_failures, picked, execution_time > now() AS later FROM scheduled_tasks")
                        .mapToMap()
                        .one());
        assertThat(row)
                .containsEntry("consecutive_failures", 1)
                .containsEntry("picked", false)
                .containsEntry("later", true);
    }

    private static JobOutcome count(
            Job job, String instance, Map<String, AtomicInteger> runs, Map<String, String> ranOn, CountDownLatch all) {
        runs.computeIfAbsent(job.key(), k -> new AtomicInteger()).incrementAndGet();
        ranOn.put(job.key(), instance);
        all.countDown();
        return new JobOutcome.Done();
    }

    private static long remaining() {
        return TestDatabase.jdbi()
                .withHandle(h -> h.createQuery("SELECT count(*) FROM scheduled_tasks")
                        .mapTo(Long.class)
                        .one());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS))
                    .as("jobs done in time")
                    .isTrue();
            Thread.sleep(200); // let the last completions commit
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
