package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.Recipient;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The compliance rules see every state and every zone a recruit may be in: the phone's area code (Florida
 * presumes a Florida area code is a Florida resident), the license state and the contact's own zone add up;
 * none replaces another, and with no zone known every zone of the contiguous United States counts.
 */
class RecipientWhereaboutsTest {
    private final World w = new World("2026-02-12T15:00");

    private Recruit recruit(String phone, String email, String licenseState) {
        return w.recruit(w.accept(World.lead("Dana", "Reyes", phone, email, licenseState, "Life")));
    }

    @Test
    void aGeorgiaLicenseWithAMiamiNumberIsUnderFloridasRulesToo() {
        Recipient to = w.recipients.of(recruit("3055550101", null, "GA"));

        assertThat(to.states()).containsExactlyInAnyOrder(UsState.GA, UsState.FL);
        assertThat(to.zones()).containsExactly(ZoneId.of("America/New_York"));
    }

    @Test
    void aPanhandleNumberSpansTwoZonesAndTheContactsOwnZoneIsAddedNotSwapped() {
        Recruit panhandle = recruit("8505550102", null, "FL");
        assertThat(w.recipients.of(panhandle).zones())
                .containsExactlyInAnyOrder(ZoneId.of("America/New_York"), ZoneId.of("America/Chicago"));

        Recruit withZone = recruit("4075550103", null, "FL").withTimeZone(ZoneId.of("America/Denver"));
        assertThat(w.recipients.of(withZone).zones())
                .containsExactlyInAnyOrder(ZoneId.of("America/New_York"), ZoneId.of("America/Denver"));
        assertThat(w.recipients.displayZoneOf(withZone)).isEqualTo(ZoneId.of("America/Denver"));
    }

    @Test
    void withNoZoneKnownEveryZoneOfTheContiguousUnitedStatesCounts() {
        Recipient to = w.recipients.of(recruit(null, "dana@example.com", "TX"));

        assertThat(to.zones()).containsExactlyInAnyOrderElementsOf(Whereabouts.CONTIGUOUS_US);
        assertThat(to.states()).containsExactly(UsState.TX);
    }
}
