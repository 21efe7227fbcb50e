package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.contracts.JobQueueContract;
import java.time.Duration;
import java.time.Instant;

class InMemoryJobQueueTest extends JobQueueContract {
    @Override
    protected Harness start(JobHandler handler) {
        InMemoryJobQueue queue = new InMemoryJobQueue(handler);
        return new Harness() {
            private Instant now = Instant.parse("2026-03-02T14:00:00Z");

            @Override
            public JobQueue queue() {
                return queue;
            }

            @Override
            public Instant now() {
                return now;
            }

            @Override
            public void advance(Duration by) {
                now = now.plus(by);
            }

            @Override
            public void runDue() {
                queue.runDue(now);
            }
        };
    }
}
