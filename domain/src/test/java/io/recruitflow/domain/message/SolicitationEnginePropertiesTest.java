package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.SolicitationRule.CallingHours;
import io.recruitflow.domain.message.SolicitationRule.DayBan;
import io.recruitflow.domain.message.SolicitationRule.FrequencyCap;
import io.recruitflow.domain.message.SolicitationRule.HolidayBan;
import io.recruitflow.domain.message.SolicitationRule.Window;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties over instants, zones and states: no instant that an applicable rule forbids is ever answered
 * "send" or given as a deferral target, and a deferral is the first allowed instant. The oracle below checks
 * one instant against each row directly, without the engine's search.
 */
class SolicitationEnginePropertiesTest {
    static final Duration MARGIN = ComplianceSettings.DEFAULT_MARGIN;
    final SolicitationEngine engine = SolicitationEngine.standard();

    static final List<ZoneId> ZONES = List.of(
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"),
            ZoneId.of("America/Phoenix"),
            ZoneId.of("America/Los_Angeles"),
            ZoneId.of("America/Anchorage"),
            ZoneId.of("America/Adak"),
            ZoneId.of("Pacific/Honolulu"),
            ZoneId.of("America/Puerto_Rico"),
            ZoneId.of("America/St_Thomas"),
            ZoneId.of("Pacific/Guam"),
            ZoneId.of("America/Indiana/Indianapolis"),
            ZoneId.of("America/Boise"));

    /** The states with rows, and a few without. */
    static final List<UsState> STATES = SolicitationRules.ALL.stream()
            .flatMap(r -> r.state().stream())
            .distinct()
            .collect(Collectors.collectingAndThen(Collectors.toList(), list -> {
                List<UsState> all = new ArrayList<>(list);
                all.addAll(List.of(UsState.NY, UsState.CA, UsState.GA, UsState.PR, UsState.HI));
                return all;
            }));

    // ---- the oracle

    /** Whether any applicable row forbids starting a text at {@code t}. */
    static Optional<String> forbidden(Whereabouts where, Instant t, List<Instant> sent) {
        for (SolicitationRule rule : SolicitationRules.ALL) {
            if (rule.state().isPresent()
                    && !where.jurisdictions().containsKey(rule.state().get())) {
                continue;
            }
            Set<ZoneId> zones = new LinkedHashSet<>(where.zoneIds());
            if (rule instanceof CallingHours hours) {
                zones.addAll(hours.alsoIn());
                for (ZoneId zone : zones) {
                    ZonedDateTime local = t.atZone(zone);
                    Optional<Window> w = hours.on(local.getDayOfWeek());
                    if (w.isEmpty()) {
                        continue;
                    }
                    Instant start = ZonedDateTime.of(
                                    local.toLocalDate(), w.get().start(), zone)
                            .toInstant();
                    Instant end = ZonedDateTime.of(local.toLocalDate(), w.get().end(), zone)
                            .toInstant();
                    if (t.isBefore(start) || !t.plus(MARGIN).isBefore(end)) {
                        return Optional.of(rule.id() + " at " + local);
                    }
                }
            } else if (rule instanceof DayBan ban) {
                for (ZoneId zone : zones) {
                    if (ban.days().contains(t.atZone(zone).getDayOfWeek())) {
                        return Optional.of(rule.id() + " at " + t.atZone(zone));
                    }
                }
            } else if (rule instanceof HolidayBan holidays) {
                for (ZoneId zone : zones) {
                    LocalDate day = t.atZone(zone).toLocalDate();
                    if (holidays.holidayOn(day).isPresent()) {
                        return Optional.of(rule.id() + " on " + day + " in " + zone);
                    }
                }
            } else if (rule instanceof FrequencyCap cap) {
                long inPeriod =
                        sent.stream().filter(s -> s.isAfter(t.minus(cap.per()))).count();
                if (inPeriod >= cap.max()) {
                    return Optional.of(rule.id() + ": " + inPeriod + " texts");
                }
            }
        }
        return Optional.empty();
    }

    // ---- generators

    @Provide
    Arbitrary<Instant> instants() {
        // Two years, with extra weight on DST change days, holidays and the evening edges of windows.
        Arbitrary<Instant> anyTime = Arbitraries.longs()
                .between(
                        Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                        Instant.parse("2027-12-31T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        List<LocalDate> special = List.of(
                LocalDate.of(2026, 3, 8),
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2027, 3, 14),
                LocalDate.of(2027, 11, 7),
                LocalDate.of(2026, 2, 16),
                LocalDate.of(2026, 2, 17),
                LocalDate.of(2026, 7, 3),
                LocalDate.of(2026, 12, 24),
                LocalDate.of(2027, 7, 5),
                LocalDate.of(2027, 12, 31));
        Arbitrary<Instant> specialTime = Combinators.combine(
                        Arbitraries.of(special), Arbitraries.integers().between(0, 24 * 60 - 1))
                .as((day, minute) -> day.atTime(LocalTime.MIN)
                        .plusMinutes(minute)
                        .atZone(ZoneId.of("America/Chicago"))
                        .toInstant());
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, anyTime), net.jqwik.api.Tuple.of(2, specialTime));
    }

    @Provide
    Arbitrary<Whereabouts> recipients() {
        Arbitrary<Set<UsState>> states =
                Arbitraries.of(STATES).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<ZoneId>> zones = Arbitraries.of(ZONES).set().ofMinSize(1).ofMaxSize(3);
        return Combinators.combine(states, zones).as((s, z) -> Whereabouts.resolved(s, z, "generated"));
    }

    @Provide
    Arbitrary<List<Duration>> sentAgo() {
        return Arbitraries.integers()
                .between(0, 30 * 60)
                .map(minutes -> Duration.ofMinutes(minutes))
                .list()
                .ofMaxSize(4);
    }

    // ---- properties

    @Property(tries = 3000)
    void neverSendsAtAForbiddenInstantNorDefersToOne(
            @ForAll("recipients") Whereabouts where,
            @ForAll("instants") Instant now,
            @ForAll("sentAgo") List<Duration> ago) {
        List<Instant> sent = ago.stream().map(now::minus).toList();
        ComplianceVerdict verdict = engine.decide(where, Channel.SMS, now, sent);
        switch (verdict.outcome()) {
            case SEND ->
                assertThat(forbidden(where, now, sent)).as("sent at %s", now).isEmpty();
            case DEFER -> {
                Instant at = verdict.notBefore().orElseThrow();
                assertThat(at).isAfter(now);
                assertThat(forbidden(where, at, sent)).as("deferred to %s", at).isEmpty();
                assertThat(forbidden(where, now, sent))
                        .as("deferred although %s was allowed", now)
                        .isPresent();
                assertThat(verdict.reasons()).isNotEmpty();
            }
            case REFUSE -> assertThat(verdict.reasons()).isNotEmpty();
        }
    }

    @Property(tries = 300)
    void aDeferralIsTheFirstAllowedInstant(
            @ForAll("recipients") Whereabouts where,
            @ForAll("instants") Instant now,
            @ForAll("sentAgo") List<Duration> ago) {
        List<Instant> sent = ago.stream().map(now::minus).toList();
        ComplianceVerdict verdict = engine.decide(where, Channel.SMS, now, sent);
        if (verdict.outcome() != Outcome.DEFER) {
            return;
        }
        Instant at = verdict.notBefore().orElseThrow();
        // Every minute before the deferral target, and the second just before it, is forbidden.
        for (Instant t = now; t.isBefore(at); t = t.plus(Duration.ofMinutes(1))) {
            assertThat(forbidden(where, t, sent))
                    .as("allowed earlier at %s than %s", t, at)
                    .isPresent();
        }
        assertThat(forbidden(where, at.minusSeconds(1), sent)).isPresent();
    }

    @Property(tries = 200)
    void aRefusalMeansNoAllowedInstantWithinTheHorizon(
            @ForAll("recipients") Whereabouts where, @ForAll("instants") Instant now) {
        ComplianceVerdict verdict = engine.decide(where, Channel.SMS, now, List.of());
        if (verdict.outcome() != Outcome.REFUSE) {
            return;
        }
        Instant limit = now.plus(ComplianceSettings.DEFAULT_HORIZON);
        for (Instant t = now; t.isBefore(limit); t = t.plus(Duration.ofMinutes(1))) {
            assertThat(forbidden(where, t, List.of())).as("allowed at %s", t).isPresent();
        }
    }

    @Property(tries = 500)
    void moreJurisdictionsOrZonesNeverMakeATextGoEarlier(
            @ForAll("recipients") Whereabouts where,
            @ForAll("recipients") Whereabouts more,
            @ForAll("instants") Instant now) {
        Set<UsState> states = new HashSet<>(where.states());
        states.addAll(more.states());
        Set<ZoneId> zones = new HashSet<>(where.zoneIds());
        zones.addAll(more.zoneIds());
        Whereabouts union = Whereabouts.resolved(states, zones, "union");
        ComplianceVerdict alone = engine.decide(where, Channel.SMS, now, List.of());
        ComplianceVerdict together = engine.decide(union, Channel.SMS, now, List.of());
        if (together.outcome() == Outcome.SEND) {
            assertThat(alone.outcome()).isEqualTo(Outcome.SEND);
        }
        if (together.outcome() == Outcome.DEFER && alone.outcome() == Outcome.DEFER) {
            assertThat(together.notBefore().orElseThrow())
                    .isAfterOrEqualTo(alone.notBefore().orElseThrow());
        }
    }

    @Property(tries = 300)
    void theAnswerIsExplainedByItsInputs(@ForAll("recipients") Whereabouts where, @ForAll("instants") Instant now) {
        ComplianceVerdict verdict = engine.decide(where, Channel.SMS, now, List.of());
        assertThat(verdict.where()).isEqualTo(where);
        assertThat(verdict.decidedAt()).isEqualTo(now);
        for (var reason : verdict.reasons()) {
            assertThat(reason.rule().equals("horizon") || verdict.rulesInForce().contains(reason.rule()))
                    .as(reason.rule())
                    .isTrue();
        }
        Map<UsState, String> jurisdictions = where.jurisdictions();
        for (String id : verdict.rulesInForce()) {
            SolicitationRule rule = SolicitationRules.byId(id).orElseThrow();
            assertThat(rule.state().map(jurisdictions::containsKey).orElse(true))
                    .isTrue();
        }
    }
}
