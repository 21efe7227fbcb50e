package io.recruitflow.adapter.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.EventInbox.InboxUnavailableException;
import io.recruitflow.application.port.IncomingEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the webhook inbox: events of concurrent requests are queued, and writer threads
 * store whatever has gathered — up to {@code maxBatch} events, waiting at most {@code window} for more
 * — with one {@link EventInbox#storeAll} call, i.e. one database commit. Each request waits for the
 * outcome of its own event. One insert-and-commit per request tops out near 8,000/s on the target
 * machine; batching moves the limit to the signature checks.
 *
 * <p>A webhook id that appears twice in one batch is stored once; the second request is answered as a
 * duplicate. When the queue is full or the inbox is unavailable ({@link InboxUnavailableException}: the store
 * is down, nothing can be stored), the waiting requests fail and the receiver answers 429, so GHL delivers
 * again later.
 *
 * <p>When a batch fails for any other reason — typically one event the store refuses
 * ({@link EventInbox.EventRefusedException}), which aborts the whole commit — its events are stored again one
 * by one, so that the bad one answers for itself and the others are stored. Should the store become
 * unavailable during that, the events not yet tried fail as unavailable without being tried.
 */
final class GroupCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    /** The queue is full: the inbox does not keep up. */
    static final class OverloadedException extends RuntimeException {
        OverloadedException(String message) {
            super(message, null, false, false);
        }
    }

    private record Pending(IncomingEvent event, CompletableFuture<EventInbox.Stored> result) {}

    private final EventInbox inbox;
    private final InboxListener listener;
    private final Duration window;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> writers = new ArrayList<>();
    private final ExecutorService notifier;
    private final int writerThreads;
    private final DistributionSummary batchSizes;
    private final Counter batchesRetried;
    private final AtomicLong droppedNotifications = new AtomicLong();
    private volatile boolean accepting = true;
    private volatile boolean running = true;

    GroupCommitter(
            EventInbox inbox,
            InboxListener listener,
            Duration window,
            int maxBatch,
            int capacity,
            int writerThreads,
            MeterRegistry meters) {
        this.inbox = inbox;
        this.listener = listener;
        this.window = window;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSizes = DistributionSummary.builder("webhook.inbox.batch.size")
                .description("Events stored per inbox commit")
                .register(meters);
        this.batchesRetried = Counter.builder("webhook.inbox.batch.retried")
                .description("Failed inbox commits whose events were then stored one by one")
                .register(meters);
        meters.gauge("webhook.inbox.queue.depth", queue, BlockingQueue::size);
        meters.gauge("webhook.inbox.listener.dropped", droppedNotifications, AtomicLong::get);
        // The listener (dispatch scheduling) must never slow the acknowledgement; when it falls behind,
        // notifications are dropped and the dispatcher's sweep finds the events instead.
        this.notifier = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1_000),
                r -> daemon(r, "webhook-inbox-listener"),
                (r, pool) -> droppedNotifications.incrementAndGet());
        this.writerThreads = writerThreads;
    }

    /** Starts the writer threads. */
    synchronized void start() {
        if (!writers.isEmpty()) {
            return;
        }
        for (int i = 0; i < writerThreads; i++) {
            Thread t = daemon(this::writeLoop, "webhook-inbox-writer-" + i);
            writers.add(t);
            t.start();
        }
    }

    /** Queues the event; the future completes when its batch is committed, or fails. */
    CompletableFuture<EventInbox.Stored> submit(IncomingEvent event) {
        CompletableFuture<EventInbox.Stored> result = new CompletableFuture<>();
        if (!accepting) {
            result.completeExceptionally(new InboxUnavailableException("the receiver is shutting down", null));
        } else if (!queue.offer(new Pending(event, result))) {
            result.completeExceptionally(new OverloadedException("the inbox queue is full"));
        }
        return result;
    }

    /** Stops taking events, stores what is queued (waiting at most {@code timeout}), then stops the writers. */
    synchronized void close(Duration timeout) {
        accepting = false;
        running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : writers) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        writers.forEach(Thread::interrupt);
        // Whatever is still queued was never stored: its requests answer 429 and GHL delivers again.
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(new InboxUnavailableException("receiver stopped", null)));
        notifier.shutdown();
        try {
            notifier.awaitTermination(
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    int queued() {
        return queue.size();
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                gather(batch);
                commit(batch);
            } catch (InterruptedException e) {
                if (!running) {
                    break;
                }
            } catch (Throwable unexpected) {
                // A writer must never die with requests waiting on it.
                batch.forEach(p -> p.result().completeExceptionally(unexpected));
                LOG.error("webhook inbox writer failed unexpectedly", unexpected);
            } finally {
                batch.clear();
            }
        }
    }

    private void gather(List<Pending> batch) throws InterruptedException {
        queue.drainTo(batch, maxBatch - batch.size());
        if (window.isZero()) {
            return;
        }
        long deadline = System.nanoTime() + window.toNanos();
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void commit(List<Pending> batch) {
        // One row per webhook id: a redelivery racing its original inside one batch is a duplicate.
        Map<String, List<Pending>> byId = new LinkedHashMap<>();
        for (Pending p : batch) {
            byId.computeIfAbsent(p.event().webhookId(), k -> new ArrayList<>(1)).add(p);
        }
        List<IncomingEvent> unique = new ArrayList<>(byId.size());
        byId.values().forEach(ps -> unique.add(ps.get(0).event()));
        List<Object> outcomes; // per unique event: an EventInbox.Stored, or the Throwable it failed with
        try {
            outcomes = new ArrayList<>(storeAll(unique));
            batchSizes.record(unique.size());
        } catch (InboxUnavailableException down) {
            batch.forEach(p -> p.result().completeExceptionally(down));
            return;
        } catch (RuntimeException | Error e) {
            if (unique.size() == 1 || e instanceof Error) {
                batch.forEach(p -> p.result().completeExceptionally(e));
                return;
            }
            batchesRetried.increment();
            LOG.warn("an inbox commit of {} events failed ({}); storing them one by one", unique.size(), e.toString());
            outcomes = oneByOne(unique);
        }
        List<IncomingEvent> fresh = new ArrayList<>();
        int i = 0;
        for (List<Pending> ps : byId.values()) {
            Object outcome = outcomes.get(i++);
            if (outcome instanceof Throwable failure) {
                ps.forEach(p -> p.result().completeExceptionally(failure));
                continue;
            }
            if (outcome == EventInbox.Stored.STORED) {
                fresh.add(ps.get(0).event());
            }
            ps.get(0).result().complete((EventInbox.Stored) outcome);
            for (int k = 1; k < ps.size(); k++) {
                ps.get(k).result().complete(EventInbox.Stored.DUPLICATE);
            }
        }
        if (!fresh.isEmpty()) {
            notifyListener(fresh);
        }
    }

    /**
     * Each event in its own commit, after its batch failed: the outcome of each, or what it failed with. Once the
     * store is unavailable, the events after it fail the same way without being tried.
     */
    private List<Object> oneByOne(List<IncomingEvent> events) {
        List<Object> outcomes = new ArrayList<>(events.size());
        InboxUnavailableException down = null;
        for (IncomingEvent event : events) {
            if (down != null) {
                outcomes.add(down);
                continue;
            }
            try {
                outcomes.add(storeAll(List.of(event)).get(0));
                batchSizes.record(1);
            } catch (InboxUnavailableException e) {
                down = e;
                outcomes.add(e);
            } catch (RuntimeException e) {
                outcomes.add(e);
            }
        }
        return outcomes;
    }

    private List<EventInbox.Stored> storeAll(List<IncomingEvent> events) {
        List<EventInbox.Stored> outcomes = inbox.storeAll(events);
        if (outcomes == null || outcomes.size() != events.size()) {
            throw new IllegalStateException(
                    "EventInbox.storeAll answered " + (outcomes == null ? "null" : outcomes.size() + " outcomes")
                            + " for " + events.size() + " events");
        }
        return outcomes;
    }

    private void notifyListener(List<IncomingEvent> fresh) {
        try {
            notifier.execute(() -> {
                try {
                    listener.stored(fresh);
                } catch (RuntimeException e) {
                    LOG.warn("inbox listener failed; the dispatcher's sweep will pick the events up: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException shutDown) {
            droppedNotifications.incrementAndGet();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
