package io.recruitflow.application.port;

import java.util.function.Supplier;

/**
 * Runs a piece of work's storage in one transaction: what the stores read and write inside {@link #inOne} is one
 * commit (on PostgreSQL, every store's statements on one connection) instead of one per statement. A CRM call must
 * never depend on an open transaction: right before one whose outcome must be reconcilable after a crash (a text is
 * {@code SENDING}, a step has started), the work calls {@link #commitWritten}, which commits what was written so far
 * — and nothing if nothing was — so that the call's outcome is always on top of a durable record of the attempt;
 * the CRM adapter does it for every call ({@link #outside}). Every state a crash can leave is then one that
 * committing each statement on its own could have left too.
 */
public interface UnitOfWork {
    /** Runs {@code work} in one transaction (joined when one is open on this thread); commits when it returns. */
    <T> T inOne(Supplier<T> work);

    /** Makes what the current unit of work wrote so far durable (before a CRM call); a no-op outside one. */
    void commitWritten();

    /**
     * Runs a CRM call outside the current unit of work: what it wrote so far is committed first ({@link
     * #commitWritten}), and what the call itself stores (a renewal lease, a refreshed credential, a suspension)
     * commits on its own at once, as it would with no unit of work, so that other instances see it. The CRM adapter
     * runs every call through this; outside a unit of work it just runs the call.
     */
    <T> T outside(Supplier<T> call);

    /**
     * Runs {@code part} of the current unit of work so that, when it throws, only what it wrote is undone (a
     * savepoint; after a commit inside it, what it wrote since): the unit goes on, e.g. to mark one event of a batch
     * failed and apply the next. Outside a unit of work it just runs.
     */
    <T> T isolated(Supplier<T> part);

    /** No transaction of its own: every store commits as it goes (the in-memory stores, embedders' stores). */
    static UnitOfWork direct() {
        return Direct.INSTANCE;
    }

    /** {@link #direct()}. */
    enum Direct implements UnitOfWork {
        INSTANCE;

        @Override
        public <T> T inOne(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void commitWritten() {}

        @Override
        public <T> T outside(Supplier<T> call) {
            return call.get();
        }

        @Override
        public <T> T isolated(Supplier<T> part) {
            return part.get();
        }
    }
}
