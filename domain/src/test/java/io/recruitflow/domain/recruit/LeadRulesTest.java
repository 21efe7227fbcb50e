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

    // ---- names, NPN and license expiration

    /** 2026-02-12 18:00 UTC: still the 12th in American Samoa (07:00), already the 12th everywhere else. */
    static final java.time.Instant NOW = java.time.Instant.parse("2026-02-12T18:00:00Z");

    final LeadRules onTheTwelfth = new LeadRules(TEN_DIGITS, () -> NOW);

    static LeadInput licensed(String npn, String expiration) {
        return new LeadInput(
                "Ann", "Smith", null, "4075551234", "FL", "W1", List.of("Life"), npn, expiration, null, Map.of());
    }

    private Lead accepted(LeadInput input) {
        LeadDecision decision = onTheTwelfth.decide(input);
        assertThat(decision).isInstanceOf(LeadDecision.Accepted.class);
        return ((LeadDecision.Accepted) decision).lead();
    }

    private String rejected(LeadInput input) {
        LeadDecision decision = onTheTwelfth.decide(input);
        assertThat(decision).isInstanceOf(LeadDecision.Rejected.class);
        return ((LeadDecision.Rejected) decision).reason();
    }

    @Test
    void namesInCapitalsGetProperCaseAndLineBreaksInNamesAreCollapsed() {
        Lead lead = accepted(new LeadInput(
                "JOHN\nPAUL", "MCDONALD", null, "4075551234", "FL", null, List.of(), null, null, null, Map.of()));
        assertThat(lead.name()).isEqualTo(new io.recruitflow.domain.shared.PersonName("John Paul", "McDonald"));

        Lead mixed = accepted(new LeadInput(
                "DeShawn", "van der Berg", null, "4075551234", "FL", null, List.of(), null, null, null, Map.of()));
        assertThat(mixed.name().full()).isEqualTo("DeShawn van der Berg");
    }

    @Test
    void anNpnIsKeptOnTheLicenseWithoutLeadingZeros() {
        assertThat(accepted(licensed(" 0012345678 ", null)).license().npn()).contains(new Npn("12345678"));
        assertThat(accepted(licensed("", null)).license().npn()).isEmpty();
    }

    @Test
    void somethingThatIsNotAnNpnIsRejected() {
        assertThat(rejected(licensed("12345678901", null)))
                .isEqualTo("NPN '12345678901' is not a National Producer Number (1 to 10 digits)");
        assertThat(rejected(licensed("NPN-1234", null))).contains("NPN 'NPN-1234'");
        assertThat(rejected(licensed("0000", null))).contains("NPN '0000'");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"3/1/2027", "03/01/2027", "2027-03-01", "03-01-2027", "3-1-2027"})
    void expirationDatesAreReadInTheCommonFormats(String written) {
        assertThat(accepted(licensed(null, written)).license().expires()).contains(java.time.LocalDate.of(2027, 3, 1));
    }

    @Test
    void anExpiredLicenseIsRejectedWithTheDateItExpired() {
        assertThat(rejected(licensed(null, "2/11/2026"))).isEqualTo("the license expired on 2026-02-11");
        assertThat(rejected(licensed(null, "2019-06-30"))).isEqualTo("the license expired on 2019-06-30");
    }

    @Test
    void aLicenseIsValidThroughItsExpirationDayInEveryUsTimeZone() {
        assertThat(accepted(licensed(null, "2/12/2026")).license().expires())
                .contains(java.time.LocalDate.of(2026, 2, 12));
        // 10:00 UTC on the 13th is still the 12th in American Samoa (23:00): the license has not expired yet.
        LeadRules lateInSamoa = new LeadRules(TEN_DIGITS, () -> java.time.Instant.parse("2026-02-13T10:59:00Z"));
        assertThat(lateInSamoa.decide(licensed(null, "2/12/2026"))).isInstanceOf(LeadDecision.Accepted.class);
        LeadRules overEverywhere = new LeadRules(TEN_DIGITS, () -> java.time.Instant.parse("2026-02-13T11:00:00Z"));
        assertThat(overEverywhere.decide(licensed(null, "2/12/2026")))
                .isEqualTo(new LeadDecision.Rejected("the license expired on 2026-02-12"));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"13/1/2027", "2/30/2027", "3/1/27", "March 1, 2027", "soon"})
    void anUnreadableExpirationDateIsRejectedAndSaysWhichFormsAreRead(String written) {
        assertThat(rejected(licensed(null, written)))
                .isEqualTo("license expiration '" + written + "' is not a date (M/d/yyyy, yyyy-MM-dd or MM-dd-yyyy)");
    }
}
