package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.JobType;
import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A deterministic, in-memory {@link JobQueue}: a <em>test fake</em> for application tests and the demo,
 * not for production. It has no threads of its own: the caller drives it with {@link #runDue(Instant)} or
 * {@link #drain(Clock)}, which run the due jobs one at a time on the calling thread, highest
 * {@link io.recruitflow.application.port.JobPriority} first, then earliest {@code runAt}, then in
 * scheduling order. The production queue (durable, shared by instances) is db-scheduler in
 * {@code adapter-persistence}.
 *
 * <p>A job stays scheduled (so {@link #schedule} refuses its type and id) from scheduling until its
 * handler answers {@link JobOutcome.Done} or {@link JobOutcome.GiveUp}, unless it was asked to run again
 * while it ran ({@link #scheduleNoLaterThan}). A handler exception keeps the job
 * and retries it with exponential backoff (1 s doubling, at most 1 h).
 */
public final class InMemoryJobQueue implements JobQueue {
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    /** A bound on runs per {@link #runDue} call, so jobs rescheduling themselves for "now" cannot loop forever. */
    static final int MAX_RUNS_PER_CALL = 100_000;

    /** A job that gave up, with the reason kept for an operator. */
    public record GaveUp(Job job, String reason) {}

    private record Key(JobType type, String id) {
        static Key of(Job job) {
            return new Key(job.type(), job.key());
        }
    }

    private static final class Entry {
        Job job;
        final long sequence;
        int failures;
        boolean running;
        /** Asked while running to run again by this time ({@link #scheduleNoLaterThan}); null when not. */
        Instant runAgainAt;

        Entry(Job job, long sequence) {
            this.job = job;
            this.sequence = sequence;
        }
    }

    private static final Comparator<Entry> RUN_ORDER = Comparator.comparingInt((Entry e) -> -e.job.rank())
            .thenComparing(e -> e.job.runAt())
            .thenComparingLong(e -> e.sequence);

    private final Object state = new Object();
    private final ReentrantLock runner = new ReentrantLock();
    private final Map<Key, Entry> scheduled = new HashMap<>();
    private final List<GaveUp> gaveUp = new ArrayList<>();
    private long sequence;
    private volatile JobHandler handler;

    /** A queue whose handler is bound later with {@link #bind} (the handler usually needs the queue). */
    public InMemoryJobQueue() {}

    public InMemoryJobQueue(JobHandler handler) {
        bind(handler);
    }

    /** Sets the handler due jobs are handed to. */
    public void bind(JobHandler jobHandler) {
        this.handler = Objects.requireNonNull(jobHandler, "jobHandler");
    }

    @Override
    public boolean schedule(Job job) {
        Objects.requireNonNull(job, "job");
        synchronized (state) {
            return scheduled.putIfAbsent(Key.of(job), new Entry(job, sequence++)) == null;
        }
    }

    @Override
    public boolean scheduleNoLaterThan(Job job) {
        Objects.requireNonNull(job, "job");
        synchronized (state) {
            Entry existing = scheduled.get(Key.of(job));
            if (existing == null) {
                scheduled.put(Key.of(job), new Entry(job, sequence++));
                return true;
            }
            boolean raised = job.rank() > existing.job.rank();
            if (raised) {
                existing.job =
                        new Job(existing.job.payload(), existing.job.runAt(), job.priority(), job.backlogPosition());
            }
            if (existing.running) {
                if (existing.runAgainAt != null && !existing.runAgainAt.isAfter(job.runAt())) {
                    return raised;
                }
                existing.runAgainAt = job.runAt();
                return true;
            }
            if (!existing.job.runAt().isAfter(job.runAt())) {
                return raised;
            }
            existing.job = rescheduled(existing.job, job.runAt());
            return true;
        }
    }

    /**
     * Runs every job due at {@code now}, including jobs that become due at {@code now} while running (a
     * saga step answering "run again now"). Returns how many runs happened.
     */
    public int runDue(Instant now) {
        return run(() -> now);
    }

    /** Like {@link #runDue}, reading the clock before each job, so a clock that moves is followed. */
    public int drain(Clock clock) {
        return run(clock);
    }

    private int run(Clock clock) {
        JobHandler h = handler;
        if (h == null) {
            throw new IllegalStateException("no JobHandler bound to the queue");
        }
        runner.lock(); // one runner at a time keeps the order deterministic
        try {
            int runs = 0;
            Entry next;
            while ((next = takeDue(clock.now())) != null) {
                if (++runs > MAX_RUNS_PER_CALL) {
                    release(next);
                    throw new IllegalStateException("more than " + MAX_RUNS_PER_CALL
                            + " runs in one call: a job keeps rescheduling itself for now");
                }
                execute(h, next, clock.now());
            }
            return runs;
        } finally {
            runner.unlock();
        }
    }

    private Entry takeDue(Instant now) {
        synchronized (state) {
            Entry best = null;
            for (Entry e : scheduled.values()) {
                if (!e.running && !e.job.runAt().isAfter(now) && (best == null || RUN_ORDER.compare(e, best) < 0)) {
                    best = e;
                }
            }
            if (best != null) {
                best.running = true;
            }
            return best;
        }
    }

    private void release(Entry entry) {
        synchronized (state) {
            entry.running = false;
        }
    }

    private void failed(Entry entry, Instant now) {
        synchronized (state) {
            entry.failures++;
            entry.job = rescheduled(entry.job, now.plus(backoff(entry.failures)));
            entry.running = false;
        }
    }

    private void execute(JobHandler h, Entry entry, Instant now) {
        JobOutcome outcome;
        try {
            outcome = Objects.requireNonNull(h.run(entry.job), "the job handler returned null");
        } catch (RuntimeException e) {
            failed(entry, now);
            return;
        } catch (Error e) {
            // The run died (a test's stand-in for a killed process): the job stays scheduled, as a dead instance's
            // claimed job is revived, and the error goes on.
            failed(entry, now);
            throw e;
        }
        synchronized (state) {
            entry.running = false;
            Instant runAgainAt = entry.runAgainAt;
            entry.runAgainAt = null;
            if (outcome instanceof JobOutcome.GiveUp give) {
                gaveUp.add(new GaveUp(entry.job, give.reason()));
            }
            // Java 17: no pattern switch over the sealed outcome yet.
            if (outcome instanceof JobOutcome.RunAgainAt again) {
                entry.failures = 0;
                entry.job = rescheduled(
                        entry.job, runAgainAt != null && runAgainAt.isBefore(again.at()) ? runAgainAt : again.at());
            } else if (runAgainAt != null) {
                // Asked to run again while it ran: work added after the run looked is not left behind.
                entry.failures = 0;
                entry.job = rescheduled(entry.job, runAgainAt);
            } else {
                scheduled.remove(Key.of(entry.job));
            }
        }
    }

    private static Job rescheduled(Job job, Instant at) {
        return new Job(job.payload(), at, job.priority(), job.backlogPosition());
    }

    static Duration backoff(int failures) {
        int doublings = Math.min(failures - 1, 12);
        Duration d = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** The scheduled jobs (with their current {@code runAt}), in run order. */
    public List<Job> scheduled() {
        synchronized (state) {
            return scheduled.values().stream().sorted(RUN_ORDER).map(e -> e.job).toList();
        }
    }

    /** When the next scheduled job is due, if any is scheduled. */
    public Optional<Instant> nextRunAt() {
        synchronized (state) {
            return scheduled.values().stream().map(e -> e.job.runAt()).min(Comparator.naturalOrder());
        }
    }

    /** Jobs whose handler gave up, oldest first. */
    public List<GaveUp> gaveUp() {
        synchronized (state) {
            return List.copyOf(gaveUp);
        }
    }
}
