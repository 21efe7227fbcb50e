package io.recruitflow.adapter.persistence;

import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.domain.shared.Clock;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link PendingInstalls} on PostgreSQL, shared by every instance on the database: an install started on one
 * completes on any other. A state is single use by {@code DELETE … RETURNING} (of two racing callbacks one
 * deletes the row, the other finds none), and only its SHA-256 is stored.
 *
 * <p>Bounded without a scan or a lock on the table: each issue deletes the rows issued {@code capacity} or
 * more issues before it (an identity column, by index) and the expired ones (by index; each row is deleted
 * once, so this is O(1) amortised). A flood of installs therefore keeps at most {@code capacity} rows.
 */
final class PostgresPendingInstalls implements PendingInstalls {
    /** The default bound: far more installs than can be in progress at once. */
    static final int DEFAULT_CAPACITY = 10_000;

    private final Jdbi jdbi;
    private final Clock clock;
    private final int capacity;

    PostgresPendingInstalls(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, DEFAULT_CAPACITY);
    }

    PostgresPendingInstalls(Jdbi jdbi, Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capacity = capacity;
    }

    @Override
    public void put(String state, Instant expiresAt) {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
        // One statement, one round trip: the insert and the purge it pays for. The purge cannot see the row
        // being inserted (one snapshot), so a fresh state is never purged by its own issue.
        jdbi.useHandle(h -> h.createUpdate("""
                        WITH issued AS (
                            INSERT INTO pending_installs (state_hash, expires_at) VALUES (:hash, :expiresAt)
                            RETURNING seq)
                        DELETE FROM pending_installs
                        WHERE seq <= (SELECT seq FROM issued) - :capacity OR expires_at <= :now
                        """)
                .bind("hash", hash(state))
                .bind("expiresAt", utc(expiresAt))
                .bind("capacity", (long) capacity)
                .bind("now", utc(clock.now()))
                .execute());
    }

    @Override
    public boolean consume(String state, Instant now) {
        if (state == null || state.isEmpty()) {
            return false;
        }
        Optional<OffsetDateTime> expiresAt = jdbi.withHandle(
                h -> h.createQuery("DELETE FROM pending_installs WHERE state_hash = :hash RETURNING expires_at")
                        .bind("hash", hash(state))
                        .mapTo(OffsetDateTime.class)
                        .findOne());
        return expiresAt.isPresent() && now.isBefore(expiresAt.get().toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
