package io.recruitflow.application.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.License;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tier rules over a lead's columns: each condition, the first rule that holds, the default, and bad rules. */
class TierRulesTest {
    static final Instant AT = Instant.parse("2026-12-01T14:00:00Z"); // UTC date 2026-12-01

    @Test
    void licensedWithinTheLast30DaysIsTierA() {
        TierRules rules = TierRules.parse(List.of("A:cf_licensed_on<30d"), Optional.of("C"));
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "11/15/2026")), AT))
                .contains('A');
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "2026-11-02")), AT))
                .as("29 days ago")
                .contains('A');
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "2026-11-01")), AT))
                .as("30 days ago is not within 30")
                .contains('C');
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "not a date")), AT))
                .contains('C');
        assertThat(rules.tierOf(lead(Map.of()), AT)).as("no such column").contains('C');
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "2026-12-05")), AT))
                .as("a date to come is not licensed yet")
                .contains('C');
    }

    @Test
    void aColumnMayBeNamedByItsHeader() {
        TierRules rules = TierRules.parse(
                List.of("A:License Date<30d"), Optional.empty(), Map.of("License Date", "cf_licensed_on"));
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "2026-11-20")), AT))
                .contains('A');
        assertThat(rules.tierOf(lead(Map.of("cf_licensed_on", "2025-11-20")), AT))
                .isEmpty();
    }

    @Test
    void theFirstRuleWhoseEveryConditionHoldsGivesTheTier() {
        TierRules rules = TierRules.parse(
                List.of("A:state=FL|GA&type=Life", "B:state=FL|GA", "B:source=referral", "C:expires<90d"),
                Optional.empty());
        assertThat(rules.tierOf(lead("FL", "Life", "PropHog", null), AT)).contains('A');
        assertThat(rules.tierOf(lead("Georgia", "Health", "PropHog", null), AT)).contains('B');
        assertThat(rules.tierOf(lead("TX", "Life", "Referral", null), AT)).contains('B');
        assertThat(rules.tierOf(lead("TX", "Life", "PropHog", LocalDate.of(2027, 1, 15)), AT))
                .contains('C');
        assertThat(rules.tierOf(lead("TX", "Life", "PropHog", LocalDate.of(2028, 1, 15)), AT))
                .as("no rule, no default: untiered")
                .isEmpty();
    }

    @Test
    void aColumnEqualsOneOfItsValuesCaseAside() {
        TierRules rules = TierRules.parse(List.of("A:cf_hot=yes|y", "B:expires>365d"), Optional.of("Z"));
        assertThat(rules.tierOf(lead(Map.of("cf_hot", " YES ")), AT)).contains('A');
        assertThat(rules.tierOf(lead(Map.of("cf_hot", "no")), AT)).contains('Z');
    }

    @Test
    void badRulesAreSaidAllAtOnce() {
        assertThatThrownBy(() -> TierRules.parse(
                        List.of("AA:state=FL", "A:state=XX", "B:cf_x<thirty", "C", "D:nothing"), Optional.of("7")))
                .hasMessageContaining("one letter A-Z, not 'AA'")
                .hasMessageContaining("'XX' is not a US state")
                .hasMessageContaining("the days are written like 30d")
                .hasMessageContaining("'C' is not TIER:CONDITION")
                .hasMessageContaining("'nothing' is not a condition")
                .hasMessageContaining("default tier: a tier is one letter A-Z, not '7'");
    }

    @Test
    void tiersTravelAsATagAndRankTheBacklog() {
        assertThat(Tier.tag('A')).isEqualTo("Tier-A");
        assertThat(Tier.of(Set.of("Licensed", "Tier-B"))).contains('B');
        assertThat(Tier.of(Set.of("Licensed", "tier-c"))).contains('C');
        assertThat(Tier.of(Set.of("Licensed", "Tier-AB", "Tier-1"))).isEmpty();
        assertThat(Tier.rank(Set.of("Tier-A"))).isZero();
        assertThat(Tier.rank(Set.of("Tier-C"))).isEqualTo(2);
        assertThat(Tier.rank(Set.of())).isEqualTo(Tier.UNTIERED);
    }

    static Lead lead(Map<String, String> extra) {
        return new Lead(
                new PersonName("Ann", "Lee"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075550100")),
                new License(UsState.FL, Optional.empty(), Set.of(new LicenseType("Life"))),
                "PropHog",
                extra);
    }

    static Lead lead(String state, String type, String source, LocalDate expires) {
        return new Lead(
                new PersonName("Ann", "Lee"),
                Optional.empty(),
                Optional.of(new PhoneNumber("+14075550100")),
                new License(
                        UsState.parse(state).orElseThrow(),
                        Optional.empty(),
                        Set.of(new LicenseType(type)),
                        Optional.empty(),
                        Optional.ofNullable(expires)),
                source,
                Map.of());
    }
}
