package io.recruitflow.adapter.persistence;

import static io.recruitflow.contracts.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.IncomingEvent;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPriority;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput on the embedded PostgreSQL (fsync and synchronous_commit on). Run with
 * {@code ./mvnw -B -q verify -pl adapter-persistence -am -Pbench}; results go to docs/benchmarks.md.
 * Targets: inbox inserts ≥ 5,000 committed rows/s; job claims ≥ 2,000/s end to end.
 */
@Tag("bench")
class PersistenceBenchmarkTest {
    private static final int RUNS = 5;
    private static final int THREADS = 4;
    private static final byte[] BODY = ("{\"type\":\"ContactUpdate\",\"locationId\":\"loc_bench\",\"id\":\"ct_x\","
                    + "\"firstName\":\"Dana\",\"lastName\":\"Whitfield\",\"phone\":\"+14075550100\",\"tags\":[\"New Lead\"]}")
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void inbox_single_row_commits() throws Exception {
        report("inbox, single-row commits, " + THREADS + " threads", 5_000, measure(() -> inboxRun(2_000, 1)));
    }

    @Test
    void inbox_batched_commits() throws Exception {
        report("inbox, storeAll batches of 100, " + THREADS + " threads", 5_000, measure(() -> inboxRun(40_000, 100)));
    }

    @Test
    void job_claims_end_to_end() throws Exception {
        report("job claims (db-scheduler, no-op jobs, 8 threads)", 2_000, measure(() -> jobRun(6_000, 8)));
    }

    private static double inboxRun(int rows, int batch) throws Exception {
        TestDatabase.truncateAll();
        PostgresEventInbox inbox = new PostgresEventInbox(TestDatabase.jdbi());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        int perThread = rows / THREADS;
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i += batch) {
                    List<IncomingEvent> events = new ArrayList<>(batch);
                    for (int k = i; k < Math.min(i + batch, perThread); k++) {
                        Instant now = Instant.now();
                        events.add(new IncomingEvent(
                                "wh_" + thread + "_" + k,
                                "ContactUpdate",
                                Optional.of("loc_bench"),
                                Optional.of("ct_" + (k % 500)),
                                now,
                                BODY,
                                now));
                    }
                    inbox.storeAll(events);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        assertThat(inbox.stats().stored()).isEqualTo((long) perThread * THREADS);
        return perThread * THREADS / seconds;
    }

    private static double jobRun(int jobs, int threads) throws Exception {
        TestDatabase.truncateAll();
        PostgresJobQueue queue = new PostgresJobQueue(TestDatabase.get().dataSource());
        Instant due = Instant.now().minusSeconds(1);
        // Scheduled before the clock starts: the figure is claim-run-complete throughput.
        TestDatabase.jdbi().useHandle(h -> h.execute("""
                INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version,
                    priority)
                SELECT 'DEFERRED_MESSAGE', 'wh_' || g, convert_to(json_build_object('kind', 'DeliverMessage',
                           'message', 'wh_' || g, 'recruit', '00000000-0000-0000-0000-000000000001')::text, 'UTF8'),
                       now() - interval '1 second', false, 1, 20
                  FROM generate_series(1, ?) g
                """, jobs));
        queue.schedule(new Job(named("wh_port"), due, JobPriority.EVENTS)); // and one via the port
        CountDownLatch all = new CountDownLatch(jobs + 1);
        long start = System.nanoTime();
        queue.start(
                job -> {
                    all.countDown();
                    return new JobOutcome.Done();
                },
                threads);
        assertThat(all.await(120, TimeUnit.SECONDS)).isTrue();
        long remaining;
        do {
            remaining = TestDatabase.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM scheduled_tasks")
                            .mapTo(Long.class)
                            .one());
        } while (remaining > 0 && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(120));
        double seconds = (System.nanoTime() - start) / 1e9;
        queue.stop(Duration.ofSeconds(5));
        assertThat(remaining).isZero();
        return (jobs + 1) / seconds;
    }

    private interface Run {
        double once() throws Exception;
    }

    private static double[] measure(Run run) throws Exception {
        run.once(); // warm-up
        double[] results = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            results[i] = run.once();
        }
        return results;
    }

    private static void report(String what, double target, double[] runs) {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        System.out.printf(
                "BENCH %-55s median %,8.0f /s  (runs %s)  target %,.0f  ratio %.2f%n",
                what,
                median,
                Arrays.toString(Arrays.stream(runs).mapToLong(Math::round).toArray()),
                target,
                median / target);
    }
}
