package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * How an operator's "until December 10" becomes an instant (through the end of the day everywhere in the
 * state), and the whole decision with its reasons for the record ({@link CompliancePolicy#verdict}).
 */
class DeclaredEmergencyBoundsTest {
    @Test
    void aDateAsTheEndHoldsThroughThatDayInTheStatesWesternmostZone() {
        // Louisiana is Central; Florida's panhandle (850) is Central too; Texas reaches Mountain (El Paso, 915).
        assertThat(DeclaredEmergency.endOfDay(UsState.LA, LocalDate.parse("2026-12-10")))
                .isEqualTo(Instant.parse("2026-12-11T06:00:00Z"));
        assertThat(DeclaredEmergency.endOfDay(UsState.FL, LocalDate.parse("2026-12-10")))
                .isEqualTo(Instant.parse("2026-12-11T06:00:00Z"));
        assertThat(DeclaredEmergency.endOfDay(UsState.TX, LocalDate.parse("2026-12-10")))
                .isEqualTo(Instant.parse("2026-12-11T07:00:00Z"));
        // ... and a date as the start begins it anywhere in the state: Eastern for Florida.
        assertThat(DeclaredEmergency.startOfDay(UsState.FL, LocalDate.parse("2026-12-02")))
                .isEqualTo(Instant.parse("2026-12-02T05:00:00Z"));
    }

    @Test
    void aBoundIsADateOrAnInstantWithAnOffset() {
        assertThat(DeclaredEmergency.bound(" 2026-12-10T18:00:00Z ", UsState.LA, true))
                .contains(Instant.parse("2026-12-10T18:00:00Z"));
        assertThat(DeclaredEmergency.bound("2026-12-10T12:00:00-06:00", UsState.LA, false))
                .contains(Instant.parse("2026-12-10T18:00:00Z"));
        assertThat(DeclaredEmergency.bound("2026-12-10", UsState.LA, true))
                .contains(Instant.parse("2026-12-11T06:00:00Z"));
        assertThat(DeclaredEmergency.bound("next week", UsState.LA, true)).isEmpty();
        assertThat(DeclaredEmergency.bound("2026-12-10T18:00:00", UsState.LA, true))
                .isEmpty();
    }

    @Test
    void theVerdictIsTheSameDecisionAsDecideWithItsReasons() {
        CompliancePolicy policy = CompliancePolicy.enforcing();
        Whereabouts where = Whereabouts.of(
                Optional.of(new PhoneNumber("+13055550100")),
                Optional.of(UsState.GA),
                Optional.empty(),
                Optional.empty());
        Instant at = Instant.parse("2026-02-13T01:30:00Z");

        ComplianceVerdict verdict = policy.verdict(where, false, false, Channel.SMS, at, List.of());
        ComplianceDecision decision = policy.decide(Recipient.at(where, false, false), Channel.SMS, at, List.of());

        assertThat(verdict.toDecision()).isEqualTo(decision);
        assertThat(verdict.reasons()).extracting(ComplianceVerdict.Reason::rule).containsExactly("FL.hours");
    }

    @Test
    void consentRefusalsNameTheirRuleAndEmailHasNoQuietHours() {
        CompliancePolicy policy = CompliancePolicy.enforcing();
        Whereabouts where = Whereabouts.of(
                Optional.of(new PhoneNumber("+13055550100")),
                Optional.of(UsState.GA),
                Optional.empty(),
                Optional.empty());
        Instant at = Instant.parse("2026-02-13T01:30:00Z");

        assertThat(policy.verdict(where, true, false, Channel.EMAIL, at, List.of())
                        .reasons())
                .extracting(ComplianceVerdict.Reason::rule)
                .containsExactly(CompliancePolicy.CONSENT_DND);
        assertThat(policy.verdict(where, false, true, Channel.SMS, at, List.of())
                        .reasons())
                .extracting(ComplianceVerdict.Reason::rule)
                .containsExactly(CompliancePolicy.CONSENT_OPT_OUT);
        assertThat(policy.verdict(where, false, true, Channel.EMAIL, at, List.of())
                        .outcome())
                .isEqualTo(ComplianceVerdict.Outcome.SEND);
        assertThat(CompliancePolicy.withoutQuietHours()
                        .verdict(where, false, false, Channel.SMS, at, List.of())
                        .rulesSwitchedOff())
                .containsExactly(CompliancePolicy.QUIET_HOURS_OFF);
    }

    @Test
    void aPolicyWithEmergenciesReadsThemAtEveryDecision() {
        DeclaredEmergencies declared = DeclaredEmergencies.inMemory();
        CompliancePolicy policy = CompliancePolicy.enforcing().withEmergencies(declared);
        Whereabouts where = Whereabouts.of(
                Optional.of(new PhoneNumber("+15045550100")),
                Optional.of(UsState.LA),
                Optional.empty(),
                Optional.empty());
        Instant noonCentral = Instant.parse("2026-12-01T18:00:00Z");
        assertThat(policy.verdict(where, false, false, Channel.SMS, noonCentral, List.of())
                        .outcome())
                .isEqualTo(ComplianceVerdict.Outcome.SEND);

        declared.declare(new DeclaredEmergency(
                UsState.LA,
                noonCentral,
                DeclaredEmergency.endOfDay(UsState.LA, LocalDate.parse("2026-12-10")),
                "storm"));

        ComplianceVerdict held = policy.verdict(where, false, false, Channel.SMS, noonCentral, List.of());
        assertThat(held.outcome()).isEqualTo(ComplianceVerdict.Outcome.DEFER);
        assertThat(held.reasons()).extracting(ComplianceVerdict.Reason::rule).contains("declared.LA");
        assertThat(held.notBefore().orElseThrow()).isAfterOrEqualTo(Instant.parse("2026-12-11T06:00:00Z"));
    }
}
