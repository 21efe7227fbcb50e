package io.recruitflow.domain.recruit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsentOptInTest {
    static final Instant STOP = Instant.parse("2026-02-12T15:00:00Z");

    @Test
    void aStartNewerThanTheOptOutLiftsIt() {
        Consent out = Consent.GRANTED.optOut(STOP);
        assertThat(out.optIn(STOP.plusSeconds(60)).optedOut()).isFalse();
    }

    @Test
    void aStartOlderThanOrAsOldAsTheOptOutChangesNothing() {
        Consent out = Consent.GRANTED.optOut(STOP);
        assertThat(out.optIn(STOP.minusSeconds(60))).isEqualTo(out);
        assertThat(out.optIn(STOP)).isEqualTo(out);
    }

    @Test
    void doNotDisturbFromGhlIsNeverClearedByAStart() {
        Consent dnd = new Consent(true, Optional.of(STOP), Optional.of(STOP));
        Consent after = dnd.optIn(STOP.plusSeconds(60));
        assertThat(after.dnd()).isTrue();
        assertThat(after.allowsTexts()).isFalse();
    }

    @Test
    void withConsentKeepsTheOptOutOnlyOptedInLiftsIt() {
        Consent out = Consent.GRANTED.optOut(STOP);
        assertThat(out.optIn(STOP.plusSeconds(1)).dndChangedAt()).isEqualTo(out.dndChangedAt());
    }
}
