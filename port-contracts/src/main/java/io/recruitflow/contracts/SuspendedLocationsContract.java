package io.recruitflow.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link SuspendedLocations} must do. */
public abstract class SuspendedLocationsContract {
    static final LocationId A = new LocationId("loc_a");
    static final LocationId B = new LocationId("loc_b");

    /** A store with no suspended location. */
    protected abstract SuspendedLocations newSuspendedLocations();

    @Test
    void aLocationIsActiveUntilSuspended() {
        SuspendedLocations s = newSuspendedLocations();
        assertThat(s.reason(A)).isEmpty();
        s.suspend(A, "app uninstalled");
        assertThat(s.reason(A)).contains("app uninstalled");
        assertThat(s.reason(B)).isEmpty();
    }

    @Test
    void suspendingAgainKeepsTheLatestReason() {
        SuspendedLocations s = newSuspendedLocations();
        s.suspend(A, "first");
        s.suspend(A, "second");
        assertThat(s.reason(A)).contains("second");
    }

    @Test
    void resumingLiftsTheSuspensionAndIsIdempotent() {
        SuspendedLocations s = newSuspendedLocations();
        s.suspend(A, "app uninstalled");
        s.resume(A);
        s.resume(A);
        assertThat(s.reason(A)).isEmpty();
    }

    @Test
    void aBlankReasonStillSuspends() {
        SuspendedLocations s = newSuspendedLocations();
        s.suspend(A, " ");
        assertThat(s.reason(A)).isPresent();
    }

    @Test
    void allListsEverySuspendedLocationWithItsReason() {
        SuspendedLocations s = newSuspendedLocations();
        assertThat(s.all()).isEmpty();
        s.suspend(A, SuspendedLocations.REINSTALL_REQUIRED);
        s.suspend(B, "app uninstalled");
        assertThat(s.all())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(A, SuspendedLocations.REINSTALL_REQUIRED, B, "app uninstalled"));
        s.resume(A);
        assertThat(s.all()).containsOnlyKeys(B);
    }
}
