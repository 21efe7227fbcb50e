package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.contracts.JobQueueContract;
import java.time.Duration;
import java.time.Instant;

/** The JobQueue contract against db-scheduler on PostgreSQL, with db-scheduler's clock under test control. */
class PostgresJobQueueContractTest extends JobQueueContract {

    @Override
    protected Harness start(JobHandler handler) {
        TestDatabase.truncateAll();
        SettableClock clock = new SettableClock(Instant.now());
        PostgresJobQueue queue = new PostgresJobQueue(TestDatabase.get().dataSource(), Duration.ofMillis(50), clock);
        queue.start(handler, 4);
        return new Harness() {
            @Override
            public JobQueue queue() {
                return queue;
            }

            @Override
            public Instant now() {
                return clock.now();
            }

            @Override
            public void advance(Duration by) {
                clock.advance(by);
            }

            @Override
            public void runDue() {
                JobQueueProbe.awaitNothingDue(queue, clock.now(), Duration.ofSeconds(15));
            }

            @Override
            public void close() {
                queue.stop(Duration.ofSeconds(5));
            }
        };
    }
}
