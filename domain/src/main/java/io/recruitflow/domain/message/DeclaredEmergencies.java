package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The suspensions in force or announced, per state: declared at run time by an administrator (admin API
 * and CLI), honoured by every compliance decision. A port, so that they can be stored; {@link #inMemory()}
 * holds them in memory.
 */
public interface DeclaredEmergencies {

    void declare(DeclaredEmergency emergency);

    /** Ends every suspension of {@code state} at {@code at} (those that began later are dropped). */
    void lift(UsState state, Instant at);

    /** Every suspension of {@code state} that has not ended by {@code at}. */
    List<DeclaredEmergency> notEndedBy(UsState state, Instant at);

    /** Every suspension of every state that has not ended by {@code at}, by state, then start. */
    List<DeclaredEmergency> notEndedBy(Instant at);

    /** None, ever. */
    static DeclaredEmergencies none() {
        return inMemory();
    }

    /** A thread-safe store in memory. */
    static DeclaredEmergencies inMemory() {
        return new DeclaredEmergencies() {
            private final List<DeclaredEmergency> all = new CopyOnWriteArrayList<>();

            @Override
            public synchronized void declare(DeclaredEmergency emergency) {
                all.add(emergency);
            }

            @Override
            public synchronized void lift(UsState state, Instant at) {
                List<DeclaredEmergency> kept = new ArrayList<>();
                for (DeclaredEmergency e : all) {
                    if (e.state() != state || !e.until().isAfter(at)) {
                        kept.add(e);
                    } else if (e.from().isBefore(at)) {
                        kept.add(new DeclaredEmergency(e.state(), e.from(), at, e.reason()));
                    }
                }
                all.clear();
                all.addAll(kept);
            }

            @Override
            public List<DeclaredEmergency> notEndedBy(UsState state, Instant at) {
                return all.stream()
                        .filter(e -> e.state() == state && e.until().isAfter(at))
                        .toList();
            }

            @Override
            public List<DeclaredEmergency> notEndedBy(Instant at) {
                return all.stream()
                        .filter(e -> e.until().isAfter(at))
                        .sorted(DeclaredEmergency.ORDER)
                        .toList();
            }
        };
    }
}
