package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.UnitOfWork;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleScope;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

/**
 * {@link UnitOfWork} on PostgreSQL: one Jdbi transaction on the calling thread, which every store of this module
 * joins (Jdbi hands nested {@code withHandle}/{@code inTransaction} calls on one thread the outermost handle). {@link
 * #commitWritten} commits on that connection only when the transaction has written something (a statement of the
 * unit seen changing rows, else {@code txid_current_if_assigned()}), so a read-only stretch before a CRM call costs
 * no commit; the connection then starts its next transaction with its next statement. During a CRM call ({@link
 * #outside}) the unit's handle is hidden from the thread's stores, which then commit on their own connections; a
 * unit that has written nothing stays open across the call (it holds no row lock and no transaction id, only its
 * tables' share locks).
 */
final class PostgresUnitOfWork implements UnitOfWork {
    private final Jdbi jdbi;
    private final ThreadLocal<Frame> current = new ThreadLocal<>();

    private static final class Frame implements StatementCustomizer {
        private final Handle handle;
        private final List<Runnable> afterCommit;
        /** Commits made inside the unit so far: a savepoint taken before the last one is gone. */
        private long commits;
        /**
         * A statement on the unit's handle changed rows since the last commit, so the transaction has written: no
         * need to ask PostgreSQL. False means "not seen", not "nothing written" (a batch, a {@code RETURNING} query,
         * plain JDBC on the connection): then it is asked.
         */
        private boolean seenWriting;

        Frame(Handle handle, List<Runnable> afterCommit) {
            this.handle = handle;
            this.afterCommit = afterCommit;
        }

        @Override
        public void afterExecution(PreparedStatement statement, StatementContext context) throws SQLException {
            if (statement.getUpdateCount() > 0) {
                seenWriting = true;
            }
        }

        Handle handle() {
            return handle;
        }

        List<Runnable> afterCommit() {
            return afterCommit;
        }
    }

    PostgresUnitOfWork(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public <T> T inOne(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        List<Runnable> afterCommit = new ArrayList<>();
        T result = jdbi.inTransaction(h -> {
            Frame frame = new Frame(h, afterCommit);
            // On the handle, not the Jdbi: every statement of the unit's stores is made from it, and the watcher
            // goes with it.
            h.addCustomizer(frame);
            current.set(frame);
            try {
                return work.get();
            } finally {
                current.remove();
            }
        });
        afterCommit.forEach(Runnable::run);
        return result;
    }

    @Override
    public void commitWritten() {
        Frame frame = current.get();
        if (frame == null || !wroteSinceCommit()) {
            return;
        }
        try {
            frame.handle().getConnection().commit();
            frame.commits++;
            frame.seenWriting = false;
        } catch (SQLException e) {
            throw new IllegalStateException("commit failed: " + e.getMessage(), e);
        }
        List<Runnable> hooks = List.copyOf(frame.afterCommit());
        frame.afterCommit().clear();
        hooks.forEach(Runnable::run);
    }

    @Override
    public <T> T outside(Supplier<T> call) {
        Frame frame = current.get();
        if (frame == null) {
            return call.get();
        }
        commitWritten();
        // Hide the unit's handle from the stores the call uses: they take their own, committing at once.
        HandleScope scope = jdbi.getHandleScope();
        HandleSupplier held = scope.get();
        scope.clear();
        current.remove();
        try {
            return call.get();
        } finally {
            if (held != null) {
                scope.set(held);
            }
            current.set(frame);
        }
    }

    @Override
    public <T> T isolated(Supplier<T> part) {
        Frame frame = current.get();
        if (frame == null) {
            return part.get();
        }
        java.sql.Connection connection = frame.handle().getConnection();
        long commits = frame.commits;
        java.sql.Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint failed: " + e.getMessage(), e);
        }
        try {
            T result = part.get();
            if (frame.commits == commits) {
                connection.releaseSavepoint(savepoint);
            }
            return result;
        } catch (RuntimeException e) {
            try {
                if (frame.commits == commits) {
                    connection.rollback(savepoint);
                } else {
                    // The part committed (before a CRM call): what is still open is its own writes since then.
                    connection.rollback();
                    frame.seenWriting = false;
                }
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } catch (SQLException e) {
            throw new IllegalStateException("savepoint release failed: " + e.getMessage(), e);
        }
    }

    /**
     * Whether this thread's unit of work has written since it last committed (false outside one). Where no statement
     * of the unit was seen changing rows, PostgreSQL is asked whether the transaction has an id: a round trip that
     * was seven per lead at agency scale before the watcher.
     */
    boolean wroteSinceCommit() {
        Frame frame = current.get();
        return frame != null
                && (frame.seenWriting
                        || frame.handle()
                                .createQuery("SELECT txid_current_if_assigned()")
                                .map((rs, ctx) -> rs.getObject(1) != null)
                                .one());
    }

    /** The handle of this thread's unit of work, if one is open: a store that writes past Jdbi joins it. */
    Optional<Handle> handle() {
        return Optional.ofNullable(current.get()).map(Frame::handle);
    }

    /** Runs {@code hook} once this thread's unit of work has committed (at once outside one). */
    void afterCommit(Runnable hook) {
        Frame frame = current.get();
        if (frame == null) {
            hook.run();
        } else {
            frame.afterCommit().add(hook);
        }
    }
}
