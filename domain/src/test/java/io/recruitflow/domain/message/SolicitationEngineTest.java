package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.ComplianceVerdict.Reason;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SolicitationEngineTest {
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static Whereabouts of(String phone, UsState license) {
        return Whereabouts.of(
                Optional.of(new PhoneNumber(phone)), Optional.of(license), Optional.empty(), Optional.empty());
    }

    @Nested
    class DeclaredEmergencies {
        final io.recruitflow.domain.message.DeclaredEmergencies declared =
                io.recruitflow.domain.message.DeclaredEmergencies.inMemory();
        final SolicitationEngine engine =
                new SolicitationEngine(SolicitationRules.ALL, declared, ComplianceSettings.defaults());
        final Whereabouts neworleans = of("+15045550100", UsState.LA);

        @Test
        void aDeclaredEmergencyHoldsTextsUntilItEndsLikeAHoliday() {
            Instant end = Instant.parse("2026-08-28T18:00:00Z"); // 13:00 CDT, inside Louisiana's window
            declared.declare(new DeclaredEmergency(
                    UsState.LA, Instant.parse("2026-08-25T00:00:00Z"), end, "Hurricane, Proclamation 1 JML 2026"));
            ComplianceVerdict verdict =
                    engine.decide(neworleans, Channel.SMS, at("2026-08-26T10:00", CHICAGO), List.of());
            assertThat(verdict.outcome()).isEqualTo(Outcome.DEFER);
            assertThat(verdict.notBefore()).contains(end);
            assertThat(verdict.reasons()).extracting(Reason::rule).containsExactly("declared.LA");
            assertThat(verdict.reasons().get(0).text()).contains("Hurricane");
        }

        @Test
        void anEmergencyEndingAtNightWaitsForTheNextWindow() {
            declared.declare(new DeclaredEmergency(
                    UsState.LA, Instant.parse("2026-08-25T00:00:00Z"), at("2026-08-27T22:00", CHICAGO), "storm"));
            assertThat(engine.decide(neworleans, Channel.SMS, at("2026-08-26T10:00", CHICAGO), List.of())
                            .notBefore())
                    .contains(at("2026-08-28T08:00", CHICAGO));
        }

        @Test
        void onlyTheDeclaredStateIsSuspendedAndLiftingEndsIt() {
            Instant now = at("2026-08-26T10:00", CHICAGO);
            declared.declare(
                    new DeclaredEmergency(UsState.LA, now.minusSeconds(3600), now.plus(Duration.ofDays(3)), "storm"));
            assertThat(engine.decide(of("+12145550100", UsState.TX), Channel.SMS, now, List.of())
                            .outcome())
                    .isEqualTo(Outcome.SEND);
            // A Texas number with a Louisiana license is in Louisiana's jurisdiction too.
            assertThat(engine.decide(of("+12145550100", UsState.LA), Channel.SMS, now, List.of())
                            .outcome())
                    .isEqualTo(Outcome.DEFER);
            declared.lift(UsState.LA, now);
            assertThat(engine.decide(neworleans, Channel.SMS, now, List.of()).outcome())
                    .isEqualTo(Outcome.SEND);
        }

        @Test
        void noTextStartsWithinTheMarginBeforeASuspensionBegins() {
            Instant start = at("2026-08-26T12:00", CHICAGO);
            declared.declare(new DeclaredEmergency(UsState.LA, start, start.plus(Duration.ofHours(2)), "storm"));
            assertThat(engine.decide(neworleans, Channel.SMS, start.minusSeconds(60), List.of())
                            .notBefore())
                    .contains(start.plus(Duration.ofHours(2)));
            assertThat(engine.decide(neworleans, Channel.SMS, start.minusSeconds(180), List.of())
                            .outcome())
                    .isEqualTo(Outcome.SEND);
        }

        @Test
        void anEmergencyMustEndAfterItBegins() {
            Instant t = Instant.parse("2026-08-25T00:00:00Z");
            assertThatThrownBy(() -> new DeclaredEmergency(UsState.LA, t, t, "x"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Configuration {
        final Instant mardiGras = at("2026-02-17T10:00", CHICAGO);

        @Test
        void aComplianceOfficerMaySwitchARowOff() {
            SolicitationEngine strict = SolicitationEngine.standard();
            SolicitationEngine relaxed = new SolicitationEngine(
                    SolicitationRules.ALL,
                    io.recruitflow.domain.message.DeclaredEmergencies.none(),
                    ComplianceSettings.defaults().switchingOff("AL.holidays"));
            Whereabouts mobile = of("+12515550100", UsState.AL);
            assertThat(strict.decide(mobile, Channel.SMS, mardiGras, List.of()).outcome())
                    .isEqualTo(Outcome.DEFER);
            ComplianceVerdict verdict = relaxed.decide(mobile, Channel.SMS, mardiGras, List.of());
            assertThat(verdict.outcome()).isEqualTo(Outcome.SEND);
            assertThat(verdict.rulesSwitchedOff()).containsExactly("AL.holidays");
            assertThat(verdict.rulesInForce())
                    .contains("US.hours", "AL.hours", "AL.sunday")
                    .doesNotContain("AL.holidays");
            assertThat(relaxed.settings().describeSwitchedOff())
                    .singleElement()
                    .asString()
                    .contains("AL.holidays", "switched off");
        }

        @Test
        void theFederalRuleCannotBeSwitchedOffAndUnknownRowsAreRefused() {
            assertThatThrownBy(() -> ComplianceSettings.defaults().switchingOff("US.hours"))
                    .hasMessageContaining("federal");
            assertThatThrownBy(() -> ComplianceSettings.defaults().switchingOff("ZZ.hours"))
                    .hasMessageContaining("no compliance rule 'ZZ.hours'");
        }

        @Test
        void theMarginIsConfigurable() {
            SolicitationEngine noMargin = new SolicitationEngine(
                    SolicitationRules.ALL,
                    io.recruitflow.domain.message.DeclaredEmergencies.none(),
                    ComplianceSettings.defaults().withMargin(Duration.ZERO));
            Whereabouts ny = of("+12125550100", UsState.NY);
            Instant late = at("2026-02-12T20:59", NEW_YORK);
            assertThat(noMargin.decide(ny, Channel.SMS, late, List.of()).outcome())
                    .isEqualTo(Outcome.SEND);
            assertThat(SolicitationEngine.standard()
                            .decide(ny, Channel.SMS, late, List.of())
                            .outcome())
                    .isEqualTo(Outcome.DEFER);
            assertThatThrownBy(() -> ComplianceSettings.defaults().withMargin(Duration.ofMinutes(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Explanations {
        final SolicitationEngine engine = SolicitationEngine.standard();

        @Test
        void aDeferralSaysWhichRulesAndWhatTheySaw() {
            // The case: a Georgia license, a Miami number, 20:30 Eastern.
            Whereabouts where = of("+13055550100", UsState.GA);
            ComplianceVerdict verdict = engine.decide(where, Channel.SMS, at("2026-02-12T20:30", NEW_YORK), List.of());
            assertThat(verdict.outcome()).isEqualTo(Outcome.DEFER);
            assertThat(verdict.where().jurisdictions())
                    .containsEntry(UsState.FL, "area code 305")
                    .containsEntry(UsState.GA, "license");
            assertThat(verdict.where().zoneIds()).containsExactly(NEW_YORK);
            Reason fl = verdict.reasons().stream()
                    .filter(r -> r.rule().equals("FL.hours"))
                    .findFirst()
                    .orElseThrow();
            assertThat(fl.text()).contains("FL", "08:00–20:00");
            assertThat(fl.detail()).contains("20:30", "America/New_York");
            assertThat(fl.source()).contains("501.616");
            assertThat(verdict.toDecision()).isInstanceOf(ComplianceDecision.DeferUntil.class);
        }

        @Test
        void theTextsCountedTowardACapAreOnTheRecord() {
            Instant now = at("2026-02-12T12:00", NEW_YORK);
            List<Instant> sent = List.of(now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(2)));
            ComplianceVerdict verdict = engine.decide(of("+13055550100", UsState.FL), Channel.SMS, now, sent);
            assertThat(verdict.textsCounted()).containsExactly(now.minus(Duration.ofHours(2)));
        }

        @Test
        void emailHasNoQuietHours() {
            ComplianceVerdict verdict = engine.decide(
                    of("+12055550100", UsState.AL), Channel.EMAIL, at("2026-02-15T23:00", CHICAGO), List.of());
            assertThat(verdict.outcome()).isEqualTo(Outcome.SEND);
        }

        @Test
        void aRefusalSaysSo() {
            Whereabouts nowhere = Whereabouts.resolved(
                    Set.of(UsState.FL), Set.of(ZoneId.of("Asia/Bangkok"), ZoneId.of("America/Panama")), "test");
            ComplianceVerdict verdict =
                    engine.decide(nowhere, Channel.SMS, Instant.parse("2026-02-12T15:00:00Z"), List.of());
            assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
            assertThat(verdict.reasonText()).contains("no instant in the next 31 days");
            assertThat(verdict.toDecision()).isInstanceOf(ComplianceDecision.Refuse.class);
        }
    }

    @Nested
    class WhereaboutsResolution {
        @Test
        void jurisdictionsAndZonesAddUp() {
            Whereabouts where = Whereabouts.of(
                    Optional.of(new PhoneNumber("+18505550100")),
                    Optional.of(UsState.GA),
                    Optional.of(UsState.AL),
                    Optional.of(ZoneId.of("America/Denver")));
            assertThat(where.states()).containsExactly(UsState.AL, UsState.FL, UsState.GA);
            assertThat(where.zoneIds())
                    .containsExactly(ZoneId.of("America/Chicago"), ZoneId.of("America/Denver"), NEW_YORK);
            assertThat(where.zones()).containsEntry(ZoneId.of("America/Denver"), "contact time zone");
        }

        @Test
        void withNoZoneKnownEveryContiguousZoneCounts() {
            Whereabouts where =
                    Whereabouts.of(Optional.empty(), Optional.of(UsState.NY), Optional.empty(), Optional.empty());
            assertThat(where.zoneIds()).containsExactlyInAnyOrderElementsOf(Whereabouts.CONTIGUOUS_US);
        }

        @Test
        void theSameStateFromTwoSourcesSaysBoth() {
            Whereabouts where = Whereabouts.of(
                    Optional.of(new PhoneNumber("+13055550100")),
                    Optional.of(UsState.FL),
                    Optional.of(UsState.FL),
                    Optional.empty());
            assertThat(where.jurisdictions()).containsEntry(UsState.FL, "area code 305, contact address, license");
        }
    }

    @Nested
    class TheTables {
        @Test
        void everyRowHasASourceAndAUniqueId() {
            assertThat(SolicitationRules.ALL).allSatisfy(r -> {
                assertThat(r.source()).as(r.id()).isNotBlank();
                assertThat(r.id()).startsWith(r.jurisdiction() + ".");
                assertThat(r.describe()).isNotBlank();
            });
            assertThat(SolicitationRules.ALL.stream().map(SolicitationRule::id).distinct())
                    .hasSize(SolicitationRules.ALL.size());
        }

        @Test
        void theStatesWithRules() {
            assertThat(SolicitationRules.ALL.stream()
                            .flatMap(r -> r.state().stream())
                            .distinct())
                    .containsExactlyInAnyOrder(
                            UsState.AL,
                            UsState.CT,
                            UsState.FL,
                            UsState.IL,
                            UsState.KY,
                            UsState.LA,
                            UsState.MD,
                            UsState.MA,
                            UsState.MI,
                            UsState.MN,
                            UsState.MS,
                            UsState.NV,
                            UsState.NM,
                            UsState.OK,
                            UsState.PA,
                            UsState.RI,
                            UsState.TX,
                            UsState.UT,
                            UsState.WA);
        }

        @Test
        void everyStateAndTerritoryHasAnAreaCodeAndEveryZoneIsReal() {
            assertThat(AreaCodes.ALL.stream().map(AreaCodes.AreaCode::state).distinct())
                    .containsExactlyInAnyOrder(UsState.values());
            assertThat(AreaCodes.ALL.stream().map(AreaCodes.AreaCode::code).distinct())
                    .hasSize(AreaCodes.ALL.size());
            assertThat(AreaCodes.of(850).orElseThrow().zones()).containsExactlyInAnyOrder(NEW_YORK, CHICAGO);
            assertThat(AreaCodes.of(423).orElseThrow().zones()).contains(NEW_YORK);
            assertThat(AreaCodes.of(800)).isEmpty();
            assertThat(AreaCodes.of(new PhoneNumber("+442079460000"))).isEmpty();
        }

        @Test
        void holidaysFallWhereTheirRulesSay() {
            assertThat(Holiday.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
            assertThat(Holiday.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
            assertThat(Holiday.easter(2030)).isEqualTo(LocalDate.of(2030, 4, 21));
            assertThat(new Holiday.NthWeekday("Thanksgiving", Month.NOVEMBER, java.time.DayOfWeek.THURSDAY, 4, 0)
                            .in(2026))
                    .isEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(new Holiday.NthWeekday("Memorial Day", Month.MAY, java.time.DayOfWeek.MONDAY, -1, 0).in(2026))
                    .isEqualTo(LocalDate.of(2026, 5, 25));
            assertThat(new Holiday.NthWeekday("Election Day", Month.NOVEMBER, java.time.DayOfWeek.MONDAY, 1, 1)
                            .in(2028))
                    .isEqualTo(LocalDate.of(2028, 11, 7));
            var alabama = (SolicitationRule.HolidayBan)
                    SolicitationRules.byId("AL.holidays").orElseThrow();
            assertThat(alabama.holidayOn(LocalDate.of(2026, 7, 3))).contains("Independence Day (observed)");
            assertThat(alabama.holidayOn(LocalDate.of(2026, 7, 4))).contains("Independence Day");
            assertThat(alabama.holidayOn(LocalDate.of(2027, 12, 31))).contains("New Year's Day (observed)");
            assertThat(alabama.holidayOn(LocalDate.of(2026, 7, 6))).isEmpty();
            var mississippi = (SolicitationRule.HolidayBan)
                    SolicitationRules.byId("MS.holidays").orElseThrow();
            // Mississippi moves a Sunday holiday to Monday but not a Saturday one to Friday.
            assertThat(mississippi.holidayOn(LocalDate.of(2027, 7, 5))).contains("Independence Day (observed)");
            assertThat(mississippi.holidayOn(LocalDate.of(2026, 7, 3))).isEmpty();
        }
    }
}
