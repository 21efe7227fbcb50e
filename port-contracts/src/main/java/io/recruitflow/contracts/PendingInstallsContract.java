package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.domain.shared.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What every {@link PendingInstalls} must do: single use, expiry, a bound on what it holds. */
public abstract class PendingInstallsContract {
    protected static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    protected static final Duration TTL = Duration.ofMinutes(10);

    protected final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    protected final Clock clock = now::get;

    /** An empty store that reads {@code clock} and holds at most {@code capacity} states. */
    protected abstract PendingInstalls newStore(Clock clock, int capacity);

    /** How many states the store holds right now, expired ones not yet purged included. */
    protected abstract long held(PendingInstalls store);

    /** The same store as another instance sharing it sees it; a single-process store is itself. */
    protected PendingInstalls sameStoreOtherInstance(PendingInstalls store) {
        return store;
    }

    private PendingInstalls newStore() {
        return newStore(clock, 1_000);
    }

    @Test
    void anIssuedStateIsConsumedOnce() {
        PendingInstalls store = newStore();
        store.put("state-1", NOW.plus(TTL));
        assertThat(store.consume("state-1", NOW)).isTrue();
        assertThat(store.consume("state-1", NOW)).isFalse();
    }

    @Test
    void unknownNullAndBlankStatesAreNotConsumed() {
        PendingInstalls store = newStore();
        store.put("state-1", NOW.plus(TTL));
        assertThat(store.consume("state-2", NOW)).isFalse();
        assertThat(store.consume(null, NOW)).isFalse();
        assertThat(store.consume("", NOW)).isFalse();
        assertThat(store.consume("state-1", NOW)).isTrue();
    }

    @Test
    void anExpiredStateIsRefusedAndForgotten() {
        PendingInstalls store = newStore();
        store.put("late", NOW.plus(TTL));
        assertThat(store.consume("late", NOW.plus(TTL))).isFalse();
        assertThat(store.consume("late", NOW))
                .as("consumed by the refused attempt")
                .isFalse();
    }

    @Test
    void aStateIssuedOnOneInstanceIsConsumedOnAnotherOnlyOnce() {
        PendingInstalls a = newStore();
        PendingInstalls b = sameStoreOtherInstance(a);
        a.put("shared", NOW.plus(TTL));
        assertThat(b.consume("shared", NOW)).isTrue();
        assertThat(a.consume("shared", NOW)).isFalse();
    }

    @Test
    void racingCallbacksWithOneStateHaveOneWinner() {
        PendingInstalls a = newStore();
        PendingInstalls b = sameStoreOtherInstance(a);
        a.put("raced", NOW.plus(TTL));
        List<Boolean> won = Concurrently.run(8, i -> () -> (i % 2 == 0 ? a : b).consume("raced", NOW));
        assertThat(won).containsOnlyOnce(true);
    }

    @Test
    void theStoreIsBoundedAndDropsTheOldestIssued() {
        PendingInstalls store = newStore(clock, 3);
        for (int i = 0; i < 5; i++) {
            store.put("s" + i, NOW.plus(TTL).plusSeconds(i));
        }
        assertThat(held(store)).isLessThanOrEqualTo(3);
        assertThat(store.consume("s0", NOW)).isFalse();
        assertThat(store.consume("s1", NOW)).isFalse();
        assertThat(store.consume("s4", NOW)).isTrue();
        assertThat(store.consume("s3", NOW)).isTrue();
    }

    @Test
    void aFloodOfInstallsKeepsTheStoreAtItsBoundAndTheLatestUsable() {
        int capacity = 200;
        int flood = 3_000;
        PendingInstalls store = newStore(clock, capacity);
        long started = System.nanoTime();
        for (int i = 0; i < flood; i++) {
            store.put("flood-" + i, NOW.plus(TTL));
        }
        long micros = (System.nanoTime() - started) / 1_000 / flood;
        assertThat(held(store)).isLessThanOrEqualTo(capacity);
        assertThat(store.consume("flood-" + (flood - 1), NOW)).isTrue();
        assertThat(store.consume("flood-0", NOW)).isFalse();
        System.out.printf(
                "%s: %d installs issued into a store of %d: %d held, %d us per issue%n",
                getClass().getSimpleName(), flood, capacity, held(store), micros);
    }

    @Test
    void issuingPurgesExpiredStates() {
        PendingInstalls store = newStore();
        for (int i = 0; i < 10; i++) {
            store.put("old" + i, NOW.plus(TTL));
        }
        now.set(NOW.plus(TTL).plusSeconds(1));
        store.put("fresh", now.get().plus(TTL));
        assertThat(held(store)).isEqualTo(1);
        assertThat(store.consume("fresh", now.get())).isTrue();
    }
}
