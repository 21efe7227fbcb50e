package io.recruitflow.application.intakerecruit;

import io.recruitflow.domain.shared.LocationId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many first-phase intakes of each location this process has scheduled and not yet finished. A new
 * intake is scheduled at its location's position, so that when one location imports a thousand leads,
 * another location's next lead runs after the first lead of that import, not after all of it: locations
 * proceed in parallel, each within its own GHL budget. A count per process is enough: it only orders work.
 */
@Singleton
public class LocationBacklog {
    private final Map<LocationId, AtomicInteger> pending = new ConcurrentHashMap<>();

    @Inject
    public LocationBacklog() {}

    /** The position of a newly scheduled intake of the location. */
    public int enter(LocationId location) {
        return pending.computeIfAbsent(location, l -> new AtomicInteger()).getAndIncrement();
    }

    /** An intake of the location finished its first phase (or gave up). */
    public void leave(LocationId location) {
        AtomicInteger count = pending.get(location);
        if (count != null) {
            count.updateAndGet(n -> Math.max(0, n - 1));
        }
    }
}
