package io.recruitflow.domain.recruit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecruitTest {
    static final Instant T0 = Instant.parse("2026-02-12T13:00:00Z");

    static Recruit recruit() {
        Lead lead = new Lead(
                new PersonName("John", "Smith"),
                Optional.of(new EmailAddress("john@example.com")),
                Optional.empty(),
                new License(UsState.FL, Optional.of("W1"), Set.of()),
                "PropHog",
                Map.of());
        return Recruit.accept(RecruitId.random(), new LocationId("loc_abc123"), lead, Set.of("Licensed"), T0);
    }

    @Test
    void theGhlContactLinkNeverChanges() {
        Recruit linked = recruit().linkedTo(new ContactId("c1"));
        assertThat(linked.linkedTo(new ContactId("c1"))).isEqualTo(linked);
        assertThatThrownBy(() -> linked.linkedTo(new ContactId("c2"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOptOutCannotBeLiftedByAConsentUpdate() {
        Recruit out = recruit().withConsent(Consent.GRANTED.optOut(T0));
        Recruit after = out.withConsent(new Consent(true, Optional.empty()));
        assertThat(after.consent().optedOut()).isTrue();
        assertThat(after.consent().dnd()).isTrue();
        assertThat(after.consent().allowsTexts()).isFalse();
    }

    @Test
    void speedToLeadIsFromAcceptanceToTheFirstIntro() {
        Recruit sent = recruit().introSent(T0.plusMillis(800)).introSent(T0.plusSeconds(60));
        assertThat(sent.speedToLead()).contains(Duration.ofMillis(800));
        assertThat(recruit().speedToLead()).isEmpty();
    }

    @Test
    void licenseTypesBecomeTags() {
        assertThat(new LicenseType(" p&c ").tag()).isEqualTo("P&c-Licensed");
        assertThat(new LicenseType("Life").tag()).isEqualTo("Life-Licensed");
        assertThatThrownBy(() -> new LicenseType("<script>")).isInstanceOf(IllegalArgumentException.class);
    }
}
