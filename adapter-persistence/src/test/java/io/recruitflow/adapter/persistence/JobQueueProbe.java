package io.recruitflow.adapter.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Waits until db-scheduler has run everything due: no row due at {@code now} and none claimed. */
final class JobQueueProbe {
    private JobQueueProbe() {}

    static void awaitNothingDue(PostgresJobQueue queue, Instant now, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int quietChecks = 0;
        while (System.nanoTime() < deadline) {
            queue.triggerCheck();
            long busy = TestDatabase.jdbi()
                    .withHandle(h -> h.createQuery(
                                    "SELECT count(*) FROM scheduled_tasks WHERE picked OR execution_time <= :now")
                            .bind("now", Timestamp.from(now))
                            .mapTo(Long.class)
                            .one());
            // Two quiet looks in a row: a job between its claim and its first UPDATE cannot slip through.
            quietChecks = busy == 0 ? quietChecks + 1 : 0;
            if (quietChecks >= 2) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        throw new AssertionError("due jobs were not all run within " + timeout);
    }
}
