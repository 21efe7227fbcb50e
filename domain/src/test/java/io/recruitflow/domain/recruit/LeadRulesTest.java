package io.recruitflow.domain.recruit;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.PhoneNumbers;
import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LeadRulesTest {
    /** Reads ten-digit North American numbers only; the real parser is libphonenumber in adapter-leadfile. */
    static final PhoneNumbers TEN_DIGITS = new PhoneNumbers() {
        @Override
        public Optional<PhoneNumber> parse(String raw) {
            String digits = raw.replaceAll("\\D", "");
            if (digits.length() == 11 && digits.startsWith("1")) {
                digits = digits.substring(1);
            }
            return digits.length() == 10 ? Optional.of(new PhoneNumber("+1" + digits)) : Optional.empty();
        }

        @Override
        public Set<ZoneId> timeZones(PhoneNumber number) {
            return Set.of();
        }
    };

    final LeadRules rules = new LeadRules(TEN_DIGITS);

    static LeadInput lead(String first, String email, String phone, String state) {
        return new LeadInput(
                first, "Smith", email, phone, state, "W123456", List.of("Life", "Health"), "PropHog", Map.of());
    }

    @Test
    void acceptsACompleteLead() {
        LeadDecision decision = rules.decide(lead("John", "John.Smith@Example.com ", "(407) 555-1234", "fl"));
        assertThat(decision).isInstanceOf(LeadDecision.Accepted.class);
        Lead lead = ((LeadDecision.Accepted) decision).lead();
        assertThat(lead.phone()).map(PhoneNumber::e164).contains("+14075551234");
        assertThat(lead.email()).map(e -> e.value()).contains("john.smith@example.com");
        assertThat(lead.license().state()).isEqualTo(UsState.FL);
        assertThat(lead.license().types())
                .extracting(LicenseType::tag)
                .containsExactlyInAnyOrder("Life-Licensed", "Health-Licensed");
    }

    @Test
    void aPhoneOrAnEmailIsEnough() {
        assertThat(rules.decide(lead("Ann", null, "4075551234", "TX"))).isInstanceOf(LeadDecision.Accepted.class);
        assertThat(rules.decide(lead("Ann", "ann@example.com", " ", "TX"))).isInstanceOf(LeadDecision.Accepted.class);
    }

    @Test
    void aLeadWithNeitherPhoneNorEmailIsRejectedWithAReason() {
        assertThat(rules.decide(lead("Ann", "", null, "TX")))
                .isEqualTo(new LeadDecision.Rejected("a lead needs a phone or an email"));
    }

    @Test
    void anUnparsablePhoneIsRejectedAndNamed() {
        LeadDecision decision = rules.decide(lead("Ann", "ann@example.com", "12345", "TX"));
        assertThat(decision).isEqualTo(new LeadDecision.Rejected("phone '12345' is not a valid phone number"));
    }

    @Test
    void anUnknownStateIsRejected() {
        assertThat(rules.decide(lead("Ann", "ann@example.com", null, "ZZ")))
                .isEqualTo(new LeadDecision.Rejected("license state 'ZZ' is not a US state or territory"));
        assertThat(rules.decide(lead("Ann", "ann@example.com", null, "")))
                .isEqualTo(new LeadDecision.Rejected("license state is missing"));
    }

    @Test
    void statesAndTerritoriesAreAcceptedByCodeOrName() {
        assertThat(rules.decide(lead("Ann", "ann@example.com", null, "Puerto Rico")))
                .isInstanceOf(LeadDecision.Accepted.class);
        assertThat(rules.decide(lead("Ann", "ann@example.com", null, "dc"))).isInstanceOf(LeadDecision.Accepted.class);
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        LeadDecision decision =
                rules.decide(new LeadInput(" ", null, "not-an-email", "12", "Narnia", null, List.of(), null, Map.of()));
        assertThat(decision).isInstanceOf(LeadDecision.Rejected.class);
        assertThat(((LeadDecision.Rejected) decision).reason())
                .contains("first name is missing", "phone '12'", "email 'not-an-email'", "license state 'Narnia'");
    }

    @Property
    void neverThrowsWhateverTheInput(
            @ForAll String first,
            @ForAll String email,
            @ForAll String phone,
            @ForAll String state,
            @ForAll String type) {
        LeadDecision decision =
                rules.decide(new LeadInput(first, null, email, phone, state, null, List.of(type), null, Map.of()));
        if (decision instanceof LeadDecision.Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank();
        }
    }

    @Test
    void namesInCapitalsGetProperCaseAndLineBreaksInNamesAreCollapsed() {
        Lead lead = ((LeadDecision.Accepted) rules.decide(new LeadInput(
                        "JOHN\nPAUL", "MCDONALD", null, "4075551234", "FL", null, List.of(), null, Map.of())))
                .lead();
        assertThat(lead.name()).isEqualTo(new io.recruitflow.domain.shared.PersonName("John Paul", "McDonald"));

        Lead mixed = ((LeadDecision.Accepted) rules.decide(new LeadInput(
                        "DeShawn", "van der Berg", null, "4075551234", "FL", null, List.of(), null, Map.of())))
                .lead();
        assertThat(mixed.name().full()).isEqualTo("DeShawn van der Berg");
    }
}
