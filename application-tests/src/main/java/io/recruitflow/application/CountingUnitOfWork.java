package io.recruitflow.application;

import io.recruitflow.application.port.UnitOfWork;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} that runs everything at once, as {@link UnitOfWork#direct()} does, and counts the commits a
 * transactional store would make: a unit that wrote something commits before each CRM call ({@link #outside}, as the
 * CRM adapters run their calls) and at its end; a write outside any unit commits on its own. The stores tell it of
 * their writes ({@link #wrote}); the world's saga runs on it.
 */
public final class CountingUnitOfWork implements UnitOfWork {
    private int depth;
    private boolean dirty;
    private int commits;
    private int calls;

    @Override
    public synchronized <T> T inOne(Supplier<T> work) {
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
            if (depth == 0) {
                commitIfWritten();
            }
        }
    }

    @Override
    public synchronized void commitWritten() {
        if (depth > 0) {
            commitIfWritten();
        }
    }

    @Override
    public synchronized <T> T outside(Supplier<T> call) {
        commitWritten();
        calls++;
        return call.get();
    }

    @Override
    public <T> T isolated(Supplier<T> part) {
        return part.get();
    }

    /** A store wrote something: in the unit's next commit, or in a commit of its own outside any unit. */
    public synchronized void wrote() {
        if (depth > 0) {
            dirty = true;
        } else {
            commits++;
        }
    }

    /** The commits so far. */
    public synchronized int commits() {
        return commits;
    }

    /** The CRM calls made through {@link #outside} so far. */
    public synchronized int calls() {
        return calls;
    }

    private void commitIfWritten() {
        if (dirty) {
            commits++;
            dirty = false;
        }
    }
}
