package io.recruitflow.bootstrap.bench;

import io.recruitflow.sandbox.GhlSandbox;
import io.recruitflow.sandbox.SandboxStats;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples the sandbox's request counter at a fixed period, so the calls per second GHL saw can be read off
 * a steady-state window afterwards.
 */
final class RequestSampler implements AutoCloseable {
    /** The counter at one moment ({@code nanos} from {@link System#nanoTime()}). */
    record Sample(long nanos, long requests, long rateLimited) {}

    /**
     * The sustained rate over the steady-state window: from one second after the first call to the last
     * call.
     */
    record Sustained(double callsPerSecond, long calls, Duration window, Duration firstToLast) {}

    private final GhlSandbox sandbox;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "bench-sampler");
        t.setDaemon(true);
        return t;
    });

    RequestSampler(GhlSandbox sandbox, Duration period) {
        this.sandbox = sandbox;
        timer.scheduleAtFixedRate(this::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        SandboxStats stats = sandbox.stats();
        long now = System.nanoTime();
        synchronized (samples) {
            samples.add(new Sample(now, stats.requests(), stats.rateLimited()));
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /**
     * The rate between the first sample at least {@code skip} after the first sample that saw a call and the
     * first sample that saw the final count (the last call), by the request counter.
     */
    Sustained sustained(Duration skip) {
        return sustained(skip, Long.MIN_VALUE);
    }

    /** Like {@link #sustained(Duration)}, but the window starts no earlier than {@code notBeforeNanos}. */
    Sustained sustained(Duration skip, long notBeforeNanos) {
        List<Sample> s = samples();
        int first = -1;
        for (int i = 0; i < s.size(); i++) {
            if (s.get(i).requests() > 0) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            throw new IllegalStateException("no call was sampled");
        }
        long total = s.get(s.size() - 1).requests();
        int last = s.size() - 1;
        while (last > 0 && s.get(last - 1).requests() == total) {
            last--;
        }
        int start = first;
        while (start < last
                && (s.get(start).nanos() - s.get(first).nanos() < skip.toNanos()
                        || s.get(start).nanos() < notBeforeNanos)) {
            start++;
        }
        Sample a = s.get(start);
        Sample b = s.get(last);
        long nanos = b.nanos() - a.nanos();
        if (nanos <= 0) {
            throw new IllegalStateException("the run was shorter than the skipped warm-up of " + skip);
        }
        return new Sustained(
                (b.requests() - a.requests()) / (nanos / 1e9),
                b.requests() - a.requests(),
                Duration.ofNanos(nanos),
                Duration.ofNanos(b.nanos() - s.get(first).nanos()));
    }

    /** Calls per second in consecutive buckets of about a second from the first sampled call: the run's shape. */
    List<Long> perSecond() {
        List<Sample> s = samples();
        List<Long> out = new ArrayList<>();
        Sample from = null;
        for (Sample x : s) {
            if (from == null) {
                if (x.requests() > 0) {
                    from = x;
                }
                continue;
            }
            if (x.nanos() - from.nanos() >= 1_000_000_000L) {
                out.add(Math.round((x.requests() - from.requests()) * 1e9 / (x.nanos() - from.nanos())));
                from = x;
            }
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        sample();
    }
}
