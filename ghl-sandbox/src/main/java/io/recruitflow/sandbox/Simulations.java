package io.recruitflow.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Recruits' behaviour on the sandbox's clock: each scheduled {@link Simulation} is done at the first look at or
 * after its time (every 10 ms of wall time, at once when {@code POST /_sandbox/clock} moves the clock, or when a
 * caller asks with {@link #runDue()}), in the order of their times (then of scheduling), one at a time. So a test
 * or the demo scripts a week — a reply on day 2, a booking, a reschedule, a no-show — and moves the clock.
 */
final class Simulations implements AutoCloseable {
    private static final long TICK_MILLIS = 10;

    private final Engine engine;
    private final RecruitBehaviour behaviour;
    private final List<ScheduledSimulation> all = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final ScheduledExecutorService ticker;

    Simulations(Engine engine, RecruitBehaviour behaviour) {
        this.engine = engine;
        this.behaviour = behaviour;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ghl-sandbox-simulations");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    synchronized ScheduledSimulation schedule(Instant at, Simulation simulation) {
        ScheduledSimulation scheduled = new ScheduledSimulation(
                "sim_" + ids.incrementAndGet(), at, simulation, "pending", Optional.empty(), Optional.empty());
        all.add(scheduled);
        return scheduled;
    }

    synchronized List<ScheduledSimulation> list() {
        List<ScheduledSimulation> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(ScheduledSimulation::at));
        return List.copyOf(sorted);
    }

    /** The time of the next pending simulation, if any. */
    synchronized Optional<Instant> next() {
        return all.stream()
                .filter(s -> s.state().equals("pending"))
                .map(ScheduledSimulation::at)
                .min(Comparator.naturalOrder());
    }

    synchronized void clear() {
        all.clear();
    }

    /** Does every pending simulation now due, oldest first; returns how many were done (or failed). */
    synchronized int runDue() {
        int done = 0;
        while (true) {
            Instant now = engine.clock.instant();
            Optional<ScheduledSimulation> due = all.stream()
                    .filter(s -> s.state().equals("pending") && !s.at().isAfter(now))
                    .min(Comparator.comparing(ScheduledSimulation::at));
            if (due.isEmpty()) {
                return done;
            }
            ScheduledSimulation s = due.get();
            ScheduledSimulation after;
            try {
                String result = perform(s.simulation());
                after = new ScheduledSimulation(
                        s.id(), s.at(), s.simulation(), "done", Optional.of(now), Optional.of(result));
            } catch (ApiException | IllegalArgumentException e) {
                after = new ScheduledSimulation(
                        s.id(), s.at(), s.simulation(), "failed", Optional.of(now), Optional.of(e.getMessage()));
            }
            all.set(all.indexOf(s), after);
            done++;
        }
    }

    /** Does the simulation now; returns the id of the message or appointment it made or changed. */
    String perform(Simulation s) {
        return switch (s.action()) {
            case "reply" -> behaviour.reply(s.contactId(), s.body(), s.type()).id();
            case "book" -> behaviour.book(s.contactId(), s.startTime()).id();
            case "reschedule" -> behaviour.reschedule(target(s), s.startTime()).id();
            case "cancel" -> behaviour.mark(target(s), "cancelled").id();
            case "mark" -> behaviour.mark(target(s), s.status()).id();
            default -> throw new IllegalArgumentException("unknown action " + s.action());
        };
    }

    private String target(Simulation s) {
        return s.appointmentId() != null
                ? s.appointmentId()
                : behaviour.latestActiveAppointment(s.contactId()).id();
    }

    private void tick() {
        try {
            if (next().filter(t -> !t.isAfter(engine.clock.instant())).isPresent()) {
                runDue();
            }
        } catch (RuntimeException e) {
            // A ticker that dies stops every later simulation; each failure is recorded on its simulation.
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
