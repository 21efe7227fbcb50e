package io.recruitflow.adapter.inmemory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Scripted failures of the in-memory GHL, so tests can exercise failure paths: a failure
 * {@linkplain #failNext before} the operation takes effect (GHL refused it, or the request never
 * arrived) or {@linkplain #failAfterNext after} it took effect (a timeout on the response, or GHL's
 * "422 but created" quirk), which is the case that must be reconciled rather than repeated.
 */
public final class GhlFaults {

    /** The GHL operations a fault can be attached to. */
    public enum Operation {
        CONTACT_UPSERT,
        OPPORTUNITY_CREATE,
        OPPORTUNITY_MOVE,
        MESSAGE_SEND,
        APPOINTMENT_BOOK,
        WORKFLOW_ENROLL,
        CONTACT_TAG
    }

    private record Fault(Supplier<RuntimeException> failure, boolean afterEffect) {}

    private final Map<Operation, Deque<Fault>> faults = new EnumMap<>(Operation.class);

    GhlFaults() {}

    /** The next call of {@code operation} throws {@code failure} without taking effect. */
    public synchronized GhlFaults failNext(Operation operation, RuntimeException failure) {
        Objects.requireNonNull(failure);
        return failNext(operation, () -> failure);
    }

    /**
     * The next call of {@code operation} throws what {@code failure} makes at that moment, without taking
     * effect; the supplier may also do what the real adapter does as it fails (suspend the location).
     */
    public synchronized GhlFaults failNext(Operation operation, Supplier<RuntimeException> failure) {
        faults.computeIfAbsent(operation, o -> new ArrayDeque<>())
                .add(new Fault(Objects.requireNonNull(failure), false));
        return this;
    }

    /** The next call of {@code operation} takes effect, then throws {@code failure}. */
    public synchronized GhlFaults failAfterNext(Operation operation, RuntimeException failure) {
        faults.computeIfAbsent(operation, o -> new ArrayDeque<>()).add(new Fault(() -> failure, true));
        Objects.requireNonNull(failure);
        return this;
    }

    /**
     * The next call of {@code operation} succeeds, and {@code meanwhile} runs as it is made: news that reaches
     * Recruitflow while the call is in flight (a webhook, an operator's change).
     */
    public synchronized GhlFaults meanwhileNext(Operation operation, Runnable meanwhile) {
        Objects.requireNonNull(meanwhile);
        faults.computeIfAbsent(operation, o -> new ArrayDeque<>())
                .add(new Fault(
                        () -> {
                            meanwhile.run();
                            return null; // an "after" fault with no failure: the call's result stands
                        },
                        true));
        return this;
    }

    /** Forgets every scripted fault. */
    public synchronized void clear() {
        faults.clear();
    }

    /** Called before the operation takes effect: throws a scripted "before" fault; answers a pending "after" fault. */
    synchronized RuntimeException before(Operation operation) {
        Deque<Fault> queue = faults.get(operation);
        Fault next = queue == null ? null : queue.pollFirst();
        if (next == null) {
            return null;
        }
        if (!next.afterEffect()) {
            throw next.failure().get();
        }
        return next.failure().get();
    }

    /** Throws the "after" fault {@link #before} answered, if any. */
    static <T> T after(RuntimeException pending, T result) {
        if (pending != null) {
            throw pending;
        }
        return result;
    }
}
