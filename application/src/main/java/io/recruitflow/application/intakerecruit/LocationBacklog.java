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

    private AtomicIntegerArray counts(LocationId location) {
        return pending.computeIfAbsent(location, l -> new AtomicIntegerArray(Tier.UNTIERED + 1));
    }
}
