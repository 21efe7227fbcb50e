package io.recruitflow.adapter.persistence;

import static io.recruitflow.contracts.Fixtures.named;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a start after an unclean stop may do when no other instance can be alive (embedded mode): release the
 * dead process's claimed jobs and mark its in-flight sends for reconciliation, instead of waiting out the
 * one-minute guards that protect live instances.
 */
class UncleanStopRecoveryTest {
    PostgresJobQueue queue;

    @AfterEach
    void stop() {
        if (queue != null) {
            queue.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void jobsClaimedByADeadProcessRunAtOnceAfterRelease() throws Exception {
        TestDatabase.truncateAll();
        queue = new PostgresJobQueue(TestDatabase.get().dataSource());
        queue.schedule(new Job(named("claimed-by-the-dead"), Instant.now(), JobPriority.SPEED_TO_LEAD));
        // As a SIGKILLed instance leaves it: claimed, with a recent heartbeat.
        TestDatabase.jdbi()
                .useHandle(h -> h.execute("UPDATE scheduled_tasks SET picked = true, picked_by = 'dead-1', "
                        + "last_heartbeat = now() WHERE task_instance = 'claimed-by-the-dead'"));

        assertThat(queue.releaseClaims()).isEqualTo(1);
        CountDownLatch ran = new CountDownLatch(1);
        queue.start(
                job -> {
                    ran.countDown();
                    return new JobOutcome.Done();
                },
                2);
        assertThat(ran.await(10, TimeUnit.SECONDS))
                .as("ran well within the 60 s heartbeat limit")
                .isTrue();
    }

    @Test
    void onlySendsThatWereInFlightAreMarkedForReconciliation() {
        TestDatabase.truncateAll();
        PostgresMessageLog log = new PostgresMessageLog(TestDatabase.jdbi());
        Instant t = Instant.parse("2026-02-12T15:00:00Z");
        MessageRecord sending = plan(log, "sending", t);
        log.transition(sending.key(), SendState.PLANNED, sending.sending(t));
        MessageRecord planned = plan(log, "planned", t);

        assertThat(log.interruptInFlight(t.plusSeconds(5))).isEqualTo(1);
        assertThat(log.find(sending.key()).orElseThrow().state()).isEqualTo(SendState.UNKNOWN);
        assertThat(log.find(sending.key()).orElseThrow().detail())
                .hasValueSatisfying(d -> assertThat(d).contains("interrupted"));
        assertThat(log.find(planned.key()).orElseThrow().state()).isEqualTo(SendState.PLANNED);
    }

    private static MessageRecord plan(PostgresMessageLog log, String key, Instant at) {
        return log.plan(MessageRecord.planned(
                new MessageKey(key),
                OutgoingMessage.sms(new LocationId("loc"), new ContactId("c-" + key), "Hi"),
                Optional.empty(),
                at));
    }
}
