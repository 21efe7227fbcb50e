package io.recruitflow.application.outbound;

import io.recruitflow.application.port.EventSender;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.Outbox;
import io.recruitflow.application.port.OutboxEntry;
import io.recruitflow.application.retry.RetryPolicy;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Delivers the outbox: each due entry that is the first pending one of its recruit and subscription is sent once;
 * a 2xx settles it, anything else is tried again after {@link RetryPolicy#nextEventAttempt} until the last attempt,
 * then the entry is dead with the last status. After a failed attempt, the other due entries of that subscription wait
 * for the next run (the job runs again at once), so a receiver that times out holds up a run once, not per entry.
 * Run by one durable job ({@link JobPayload.DeliverEvents}): one job
 * key runs on one worker at a time across every instance, so a recruit's events leave in order — event n+1 of a
 * recruit is not sent to a subscription before event n is delivered or dead.
 */
@Singleton
public class OutboundDispatcher {
    /** Entries sent per run of the job. */
    public static final int BATCH = 100;

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final EventSender sender;
    private final Clock clock;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    @Inject
    public OutboundDispatcher(Outbox outbox, Subscriptions subscriptions, EventSender sender, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.clock = clock;
    }

    /** The delivery job, due now: wakes it, or does nothing when it is scheduled already. */
    public static Job job(Clock clock) {
        return new Job(new JobPayload.DeliverEvents(), clock.now(), JobPriority.EVENTS);
    }

    /** Sends the due entries (at most {@code limit}); returns how many were attempted. */
    public int deliverDue(int limit) {
        if (subscriptions.isEmpty()) {
            return 0; // nothing is stored without subscribers: no query every second
        }
        int attempted = 0;
        Set<String> failing = new HashSet<>();
        for (OutboxEntry entry : outbox.due(clock.now(), limit)) {
            if (failing.contains(entry.subscription())) {
                // Its receiver just failed: the rest of its entries stay due for the next run, untried, so one
                // slow or unreachable receiver costs a run at most one timeout and other subscribers go first.
                continue;
            }
            if (!attempt(entry)) {
                failing.add(entry.subscription());
            }
            attempted++;
        }
        return attempted;
    }

    /** One attempt; whether the receiver took it. */
    private boolean attempt(OutboxEntry entry) {
        int attempt = entry.attempts() + 1;
        Optional<Subscription> subscription = subscriptions.find(entry.subscription());
        if (subscription.isEmpty()) {
            outbox.dead(entry.seq(), entry.attempts(), "subscription no longer configured", clock.now());
            failed.incrementAndGet();
            return true; // nothing was sent: the others of that name go the same way, now
        }
        Instant at = clock.now();
        EventSender.Attempt result = sender.send(subscription.get(), entry.event(), attempt, at);
        Instant now = clock.now();
        if (result instanceof EventSender.Attempt.Delivered) {
            outbox.delivered(entry.seq(), attempt, result.status(), now);
            delivered.incrementAndGet();
            return true;
        }
        failed.incrementAndGet();
        Optional<Instant> next = RetryPolicy.nextEventAttempt(attempt, now);
        if (next.isPresent()) {
            outbox.retryAt(entry.seq(), attempt, result.status(), next.get());
        } else {
            outbox.dead(entry.seq(), attempt, "gave up after " + attempt + " attempts: " + result.status(), now);
        }
        return false;
    }

    /** Attempts answered 2xx since start. */
    public long deliveredAttempts() {
        return delivered.get();
    }

    /** Attempts that failed since start. */
    public long failedAttempts() {
        return failed.get();
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    public Outbox outbox() {
        return outbox;
    }
}
