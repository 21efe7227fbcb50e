package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.routing.Tier;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.LocationId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * How many first-phase intakes of each location this process has scheduled and not yet finished. A new
 * intake is scheduled at its location's position, so that when one location imports a thousand leads,
 * another location's next lead runs after the first lead of that import, not after all of it: locations
 * proceed in parallel, each within its own GHL budget. A count per process is enough: it only orders work.
 *
 * <p>Inside a location, tiers go first ({@link Tier}): a recruit's position counts only the waiting intakes of
 * its location in its own tier or a better one, so a tier-A lead overtakes the location's waiting tier-B and -C
 * leads, while other locations keep their turns. Without tiers every recruit is in the same (untiered) rank.
 */
@Singleton
public class LocationBacklog {
    private final Map<LocationId, AtomicIntegerArray> pending = new ConcurrentHashMap<>();

    /**
     * First-phase intakes of one location this process runs at once, at most. Each holds a job worker while it
     * waits for its location's GHL permits, and one location can use only a few at a time: at 100 calls per 10 s,
     * a call every 104 ms, four cover a GHL latency of up to ~400 ms. Without a cap, the first location of an
     * agency's imports took every worker (64 jobs waiting on one budget for 20 s) while the other locations' budgets
     * went unused, and that location then waited behind their catch-up: 70 % of its budget at N = 50.
     */
    public static final int RUNNING_PER_LOCATION = 4;

    /**
     * How long a first phase turned away by {@link #RUNNING_PER_LOCATION} waits before it is tried again: about the
     * time its location's running ones take to free a place (three calls each, a permit every 104 ms among four).
     */
    public static final java.time.Duration BUSY_RECHECK = java.time.Duration.ofSeconds(1);

    private final Map<LocationId, java.util.concurrent.atomic.AtomicInteger> running = new ConcurrentHashMap<>();

    @Inject
    public LocationBacklog() {}

    /** The position of a newly scheduled intake of the location (an untiered recruit). */
    public int enter(LocationId location) {
        return enter(location, Tier.UNTIERED);
    }

    /** The position of the recruit's newly scheduled intake: behind its location's waiting ones of its tier or better. */
    public int enter(Recruit recruit) {
        return enter(recruit.location(), Tier.rank(recruit.tags()));
    }

    private int enter(LocationId location, int rank) {
        AtomicIntegerArray counts = counts(location);
        int ahead = 0;
        for (int r = 0; r < rank; r++) {
            ahead += counts.get(r);
        }
        return ahead + counts.getAndIncrement(rank);
    }

    /** An intake of the location finished its first phase (or gave up). */
    public void leave(LocationId location) {
        leave(location, Tier.UNTIERED);
    }

    /** The recruit's intake finished its first phase (or gave up). */
    public void leave(Recruit recruit) {
        leave(recruit.location(), Tier.rank(recruit.tags()));
    }

    private void leave(LocationId location, int rank) {
        AtomicIntegerArray counts = pending.get(location);
        if (counts != null) {
            counts.updateAndGet(rank, n -> Math.max(0, n - 1));
        }
    }

    /**
     * Takes one of the location's {@link #RUNNING_PER_LOCATION} places for a first phase about to run; false when
     * they are all taken (the job should run again after {@link #BUSY_RECHECK}, keeping its turn).
     */
    public boolean tryRun(LocationId location) {
        java.util.concurrent.atomic.AtomicInteger n =
                running.computeIfAbsent(location, l -> new java.util.concurrent.atomic.AtomicInteger());
        if (n.incrementAndGet() <= RUNNING_PER_LOCATION) {
            return true;
        }
        n.decrementAndGet();
        return false;
    }

    /** Gives back the place {@link #tryRun} took. */
    public void ran(LocationId location) {
        java.util.concurrent.atomic.AtomicInteger n = running.get(location);
        if (n != null) {
            n.updateAndGet(v -> Math.max(0, v - 1));
        }
    }

    private AtomicIntegerArray counts(LocationId location) {
        return pending.computeIfAbsent(location, l -> new AtomicIntegerArray(Tier.UNTIERED + 1));
    }
}
