package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.shared.UsState;
import org.junit.jupiter.api.Test;

/** What every {@link DeclaredEmergencies} must do. */
public abstract class DeclaredEmergenciesContract {

    /** A store with no emergency. */
    protected abstract DeclaredEmergencies newEmergencies();

    private static DeclaredEmergency la(long from, long until) {
        return new DeclaredEmergency(UsState.LA, at(from), at(until), "Hurricane, Proclamation 1 JML 2026");
    }

    @Test
    void a_declared_emergency_is_in_force_until_it_ends() {
        DeclaredEmergencies e = newEmergencies();
        assertThat(e.notEndedBy(UsState.LA, at(0))).isEmpty();

        e.declare(la(0, 60));

        assertThat(e.notEndedBy(UsState.LA, at(0))).containsExactly(la(0, 60));
        assertThat(e.notEndedBy(UsState.LA, at(59))).containsExactly(la(0, 60));
        assertThat(e.notEndedBy(UsState.LA, at(60))).isEmpty();
        assertThat(e.notEndedBy(UsState.FL, at(0))).isEmpty();
    }

    @Test
    void an_announced_one_counts_before_it_begins() {
        DeclaredEmergencies e = newEmergencies();
        e.declare(la(100, 200));
        assertThat(e.notEndedBy(UsState.LA, at(0))).containsExactly(la(100, 200));
    }

    @Test
    void every_state_is_listed_by_state_then_start() {
        DeclaredEmergencies e = newEmergencies();
        DeclaredEmergency fl = new DeclaredEmergency(UsState.FL, at(10), at(20), "Hurricane");
        DeclaredEmergency ak = new DeclaredEmergency(UsState.AK, at(0), at(30), "Earthquake");
        e.declare(la(5, 50));
        e.declare(fl);
        e.declare(la(0, 10));
        e.declare(ak);

        assertThat(e.notEndedBy(at(0))).containsExactly(ak, fl, la(0, 10), la(5, 50));
        assertThat(e.notEndedBy(at(25))).containsExactly(ak, la(5, 50));
    }

    @Test
    void lifting_ends_those_in_force_drops_those_announced_and_keeps_other_states() {
        DeclaredEmergencies e = newEmergencies();
        DeclaredEmergency fl = new DeclaredEmergency(UsState.FL, at(0), at(100), "Hurricane");
        e.declare(la(0, 100));
        e.declare(la(200, 300));
        e.declare(fl);

        e.lift(UsState.LA, at(30));

        assertThat(e.notEndedBy(UsState.LA, at(0))).containsExactly(la(0, 30));
        assertThat(e.notEndedBy(UsState.LA, at(30))).isEmpty();
        assertThat(e.notEndedBy(UsState.FL, at(30))).containsExactly(fl);
        e.lift(UsState.LA, at(40));
        assertThat(e.notEndedBy(UsState.LA, at(30))).isEmpty();
    }
}
