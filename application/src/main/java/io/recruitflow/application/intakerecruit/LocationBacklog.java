package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.routing.Tier;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.LocationId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
 *
 * <p>A large backlog is paced ({@link #turn}): a location's first {@value #DUE_AT_ONCE} intakes are due at once, each
 * one after them {@value #FIRST_PHASE_CALLS} call spacings ({@link CallBudgets#callSpacing}) after the one before, the
 * rate at which the location's budget can take first phases. Why: a first phase holds a job worker while
 * it waits for its location's permits, so a backlog due all at once put every worker to sleep in the rate limiter of
 * the location imported first while fifty other locations' budgets went unspent (0.70 of the agency's ceiling, the
 * slowest location at 70 % of its budget). Paced intakes rank alike, oldest due first, so the workers follow the due
 * times across locations instead of one location's backlog or its import order. The enrollments wait until the
 * location's paced first phases are all due ({@link #allDue}) and take its whole budget then. Pacing
 * that falls behind is held by {@link #RUNNING_PER_LOCATION}.
 */
@Singleton
public class LocationBacklog {
    /** A location's waiting intakes due at once, unpaced: a lead or a handful arriving starts at once. */
    static final int DUE_AT_ONCE = 4;

    /** The CRM calls of a first phase: the contact, the opportunity, the intro text. */
    static final int FIRST_PHASE_CALLS = 3;

    /**
     * An intake's turn in its location: when it is due, and its position for {@link Job#backlogPosition} (a paced one
     * ranks with every paced one).
     */
    public record Turn(int position, Instant due) {}

    /**
     * First phases of one location this process runs at once, at most. A location's budget keeps a few busy (at 100
     * per 10 s a call every 104 ms: four cover a GHL latency of ~400 ms), and each holds a job worker while it waits
     * for a permit. A guard for when pacing falls behind (the location's budget spent on other work too, its
     * intakes come due faster than it can take them, and the oldest due go first): without it every free worker
     * would wait on that one location while the others' budgets went unspent.
     */
    static final int RUNNING_PER_LOCATION = 4;

    /** How long a first phase turned away waits when its location's calls are not spaced. */
    static final Duration BUSY_RECHECK = Duration.ofSeconds(1);

    private final Map<LocationId, AtomicIntegerArray> pending = new ConcurrentHashMap<>();
    private final Map<LocationId, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<LocationId, Pace> paces = new ConcurrentHashMap<>();
    private final CallBudgets budgets;

    /** Positions only, nothing paced (a CRM whose calls are not limited). */
    public LocationBacklog() {
        this(CallBudgets.none());
    }

    /** Paced at the spacing the CRM adapter puts between a location's calls. */
    @Inject
    public LocationBacklog(CallBudgets budgets) {
        this.budgets = budgets;
    }

    /**
     * The turn of the recruit's first phase scheduled at {@code at}: its {@linkplain #enter(Recruit) position}, and its
     * due time on its location's pace ({@link Pace}): at once for the location's first {@value #DUE_AT_ONCE}, then
     * one first phase's calls after the one before.
     */
    public Turn turn(Recruit recruit, Instant at) {
        int position = enter(recruit);
        Optional<Duration> perFirstPhase = firstPhaseCalls(recruit.location());
        if (perFirstPhase.isEmpty()) {
            return new Turn(position, at);
        }
        Instant due = paces.computeIfAbsent(recruit.location(), l -> new Pace())
                .next(Tier.rank(recruit.tags()), at, perFirstPhase.get());
        return due.equals(at) ? new Turn(position, at) : new Turn(Job.MAX_POSITION, due);
    }

    /** Whether the location's first phases are paced (its CRM spaces its calls). */
    public boolean paces(LocationId location) {
        return budgets.callSpacing(location).isPresent();
    }

    /**
     * Whether every first phase this process scheduled for the location is due by {@code now}: none is still paced
     * into the future, so the location's budget is its enrollments' ({@link IntakeSaga#enrollmentJobAfterBacklog})
     * once those have run. True for a location with nothing paced.
     */
    public boolean allDue(LocationId location, Instant now) {
        Pace pace = paces.get(location);
        return pace == null || pace.allDueBy(now);
    }

    /**
     * When the location's enrollment batch, woken at {@code now} once its first phases are all due, is due: as the
     * location's next first phase would be on its pace (one first phase after the last one due), or {@code now} when
     * that is later. Paced jobs rank oldest due first across locations, and a location's last first phases run behind
     * their due times (its first four are due at once): due {@code now}, the batch waited behind other locations'
     * first phases due earlier for a free worker, while its own location's budget idled (up to 0.6 s at N = 50).
     */
    public Instant batchDue(LocationId location, Instant now) {
        Pace pace = paces.get(location);
        Optional<Duration> perFirstPhase = firstPhaseCalls(location);
        if (pace == null || perFirstPhase.isEmpty()) {
            return now;
        }
        Instant next = pace.lastDue().plus(perFirstPhase.get());
        return next.isBefore(now) ? next : now;
    }

    /** The time a first phase's calls take at the location's spacing; empty when its calls are not spaced. */
    private Optional<Duration> firstPhaseCalls(LocationId location) {
        return budgets.callSpacing(location).map(s -> s.multipliedBy(FIRST_PHASE_CALLS));
    }

    /**
     * A location's pace, a virtual schedule (the generic cell rate algorithm): per tier, when the budget is free of the
     * intakes of that tier or a better one paced so far. A new intake is due when its tier's schedule has room for it,
     * less a burst of {@value #DUE_AT_ONCE} intakes, and moves its own and every worse tier's schedule on by one first
     * phase, so a better tier's lead overtakes the worse tiers' waiting ones. A schedule in the past has room at once:
     * the pace heals by itself, with no count to keep in step with intakes that end, perhaps in another instance.
     */
    private static final class Pace {
        /** Per tier, when the budget is free of that tier's and the better tiers' intakes; long past at first. */
        private final Instant[] free = new Instant[Tier.UNTIERED + 1];

        private Instant lastDue = Instant.MIN;

        Pace() {
            java.util.Arrays.fill(free, Instant.MIN);
        }

        synchronized Instant next(int tier, Instant at, Duration perIntake) {
            Instant room = max(at, free[tier]);
            Instant due = max(at, room.minus(perIntake.multipliedBy(DUE_AT_ONCE - 1)));
            for (int t = tier; t < free.length; t++) {
                free[t] = max(at, free[t]).plus(perIntake);
            }
            lastDue = max(lastDue, due);
            return due;
        }

        synchronized Instant lastDue() {
            return lastDue;
        }

        synchronized boolean allDueBy(Instant now) {
            return !lastDue.isAfter(now);
        }

        private static Instant max(Instant a, Instant b) {
            return a.isAfter(b) ? a : b;
        }
    }

    /**
     * Takes one of the location's {@value #RUNNING_PER_LOCATION} places for a first phase about to run in this
     * process; empty when they are all taken: the job should run again at {@link #placeFreeAt}, and its worker go
     * to another location's lead.
     */
    public Optional<Place> tryRun(LocationId location) {
        AtomicInteger n = running.computeIfAbsent(location, l -> new AtomicInteger());
        if (n.incrementAndGet() <= RUNNING_PER_LOCATION) {
            return Optional.of(new Place(n));
        }
        n.decrementAndGet();
        return Optional.empty();
    }

    /** A place {@link #tryRun} took: given back once, when its first phase has made its calls or its job ends. */
    public static final class Place implements AutoCloseable {
        private final AtomicInteger running;
        private final AtomicBoolean held = new AtomicBoolean(true);

        private Place(AtomicInteger running) {
            this.running = running;
        }

        /**
         * Gives the place back and answers how many other first phases of the location still hold one, in one
         * atomic step: of several ending at the same moment, each sees a different count.
         */
        public int releaseCountingOthers() {
            if (held.compareAndSet(true, false)) {
                return running.updateAndGet(v -> Math.max(0, v - 1));
            }
            return running.get();
        }

        /** Gives the place back unless {@link #releaseCountingOthers} did. */
        @Override
        public void close() {
            releaseCountingOthers();
        }
    }

    /**
     * When a first phase turned away by {@link #tryRun} should try again: once a running one can have made its calls
     * at the location's spacing, or after {@link #BUSY_RECHECK} when calls are not spaced. One spacing was tried: the
     * same at N = 50, but more first phases turned away again (N = 25, 96 threads: 11.6 transactions a lead, 9.3 at
     * three).
     */
    public Instant placeFreeAt(LocationId location, Instant now) {
        return now.plus(firstPhaseCalls(location).orElse(BUSY_RECHECK));
    }

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
