package io.recruitflow.domain.message;

import io.recruitflow.domain.message.ComplianceVerdict.Outcome;
import io.recruitflow.domain.message.ComplianceVerdict.Reason;
import io.recruitflow.domain.message.SolicitationRule.CallingHours;
import io.recruitflow.domain.message.SolicitationRule.DayBan;
import io.recruitflow.domain.message.SolicitationRule.FrequencyCap;
import io.recruitflow.domain.message.SolicitationRule.HolidayBan;
import io.recruitflow.domain.message.SolicitationRule.Window;
import io.recruitflow.domain.shared.UsState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a text may go to a recipient now, from which instant, or not at all, by the table of
 * solicitation rules ({@link SolicitationRules}): the federal rule always, and every rule of every
 * jurisdiction the recipient may be in, in every zone the recipient may be in, together with the declared
 * emergencies of those states. A deferral is the first instant that no rule forbids. Pure and thread-safe.
 *
 * <p>How: starting at the instant asked about, each rule says the earliest instant at or after it that the
 * rule allows (the next window start, the day after a holiday, the instant a capped text ages out); the
 * candidate moves to the latest of them, and the rules are asked again until none objects. The rules that
 * moved it are the reasons. When nothing is allowed within {@link ComplianceSettings#horizon()} (zones
 * that share no allowed hour), the text is refused.
 */
public final class SolicitationEngine {
    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", java.util.Locale.ENGLISH);
    private static final String DECLARED = "declared";

    private final List<SolicitationRule> rules;
    private final DeclaredEmergencies emergencies;
    private final ComplianceSettings settings;

    public SolicitationEngine(
            List<SolicitationRule> rules, DeclaredEmergencies emergencies, ComplianceSettings settings) {
        this.rules = List.copyOf(rules);
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The full table, no declared emergencies, default settings. */
    public static SolicitationEngine standard() {
        return new SolicitationEngine(SolicitationRules.ALL, DeclaredEmergencies.none(), ComplianceSettings.defaults());
    }

    public ComplianceSettings settings() {
        return settings;
    }

    /** The same rules and settings, honouring these declared emergencies (asked at every decision). */
    public SolicitationEngine withEmergencies(DeclaredEmergencies declared) {
        return new SolicitationEngine(rules, declared, settings);
    }

    /**
     * @param sent instants of texts already sent to this recipient, of any age (only those inside a cap's
     *     period count); include texts being sent or of unknown outcome, and texts others sent for us
     */
    public ComplianceVerdict decide(Whereabouts where, Channel channel, Instant now, Collection<Instant> sent) {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(now, "now");
        List<Instant> texts =
                sent.stream().map(Objects::requireNonNull).sorted().toList();
        if (channel == Channel.EMAIL) {
            return new ComplianceVerdict(
                    Outcome.SEND, Optional.empty(), now, List.of(), where, List.of(), List.of(), List.of());
        }
        List<Check> checks = new ArrayList<>();
        List<String> inForce = new ArrayList<>();
        List<String> off = new ArrayList<>();
        Duration longestCap = Duration.ZERO;
        for (SolicitationRule rule : rules) {
            boolean applies =
                    rule.state().map(where.jurisdictions()::containsKey).orElse(true);
            if (!applies) {
                continue;
            }
            if (settings.switchedOff().contains(rule.id())) {
                off.add(rule.id());
                continue;
            }
            inForce.add(rule.id());
            checks.add(check(rule, where.zoneIds(), texts));
            if (rule instanceof FrequencyCap cap && cap.per().compareTo(longestCap) > 0) {
                longestCap = cap.per();
            }
        }
        for (UsState state : where.states()) {
            for (DeclaredEmergency emergency : emergencies.notEndedBy(state, now)) {
                checks.add(declared(emergency));
            }
        }
        Instant oldest = now.minus(longestCap);
        List<Instant> counted = longestCap.isZero()
                ? List.of()
                : texts.stream().filter(t -> t.isAfter(oldest)).toList();

        Map<String, Reason> reasons = new LinkedHashMap<>();
        Instant limit = now.plus(settings.horizon());
        Instant t = now;
        while (true) {
            Instant next = t;
            for (Check check : checks) {
                Step step = check.next(t);
                if (step.at().isAfter(t)) {
                    reasons.putIfAbsent(check.id(), step.reason());
                    if (step.at().isAfter(next)) {
                        next = step.at();
                    }
                }
            }
            if (next.equals(t)) {
                break;
            }
            t = next;
            if (t.isAfter(limit)) {
                List<Reason> why = new ArrayList<>(reasons.values());
                why.add(new Reason(
                        "horizon",
                        "no instant in the next " + settings.horizon().toDays()
                                + " days satisfies every rule in every zone",
                        "zones " + where.zoneIds(),
                        "the combination of the rules above"));
                return new ComplianceVerdict(Outcome.REFUSE, Optional.empty(), now, why, where, counted, inForce, off);
            }
        }
        if (t.equals(now)) {
            return new ComplianceVerdict(Outcome.SEND, Optional.empty(), now, List.of(), where, counted, inForce, off);
        }
        return new ComplianceVerdict(
                Outcome.DEFER, Optional.of(t), now, List.copyOf(reasons.values()), where, counted, inForce, off);
    }

    // ---- one check per rule: the earliest instant at or after t that it allows

    /** A rule's answer for a candidate instant: the earliest allowed instant (t itself when allowed). */
    private record Step(Instant at, Reason reason) {}

    private interface Check {
        String id();

        Step next(Instant t);
    }

    private Check check(SolicitationRule rule, List<ZoneId> zones, List<Instant> texts) {
        if (rule instanceof CallingHours hours) {
            Set<ZoneId> all = new LinkedHashSet<>(zones);
            all.addAll(hours.alsoIn());
            return new RuleCheck(rule, t -> hoursNext(hours, all, t));
        }
        if (rule instanceof DayBan ban) {
            return new RuleCheck(
                    rule,
                    t -> bannedDayNext(
                            zones,
                            t,
                            d -> ban.days().contains(d.getDayOfWeek())
                                    ? Optional.of(d.getDayOfWeek()
                                            .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH))
                                    : Optional.empty()));
        }
        if (rule instanceof HolidayBan holidays) {
            return new RuleCheck(rule, t -> bannedDayNext(zones, t, holidays::holidayOn));
        }
        if (rule instanceof FrequencyCap cap) {
            return new RuleCheck(rule, t -> capNext(cap, texts, t));
        }
        throw new IllegalStateException("unknown rule type " + rule);
    }

    /** A table row's check: the instant it allows, with its detail. */
    private record RuleCheck(SolicitationRule rule, java.util.function.Function<Instant, Found> next) implements Check {
        @Override
        public String id() {
            return rule.id();
        }

        @Override
        public Step next(Instant t) {
            Found found = next.apply(t);
            return new Step(found.at(), new Reason(rule.id(), rule.describe(), found.detail(), rule.source()));
        }
    }

    private record Found(Instant at, String detail) {
        static Found allowed(Instant t) {
            return new Found(t, "");
        }
    }

    private Found hoursNext(CallingHours hours, Set<ZoneId> zones, Instant t) {
        Found latest = Found.allowed(t);
        for (ZoneId zone : zones) {
            Instant n = hoursNextIn(hours, zone, t);
            if (n.isAfter(latest.at())) {
                latest = new Found(
                        n,
                        local(t, zone) + " in " + zone.getId()
                                + (settings.margin().isZero()
                                        ? ""
                                        : ", margin " + settings.margin().toMinutes() + " min"));
            }
        }
        return latest;
    }

    private Instant hoursNextIn(CallingHours hours, ZoneId zone, Instant t) {
        LocalDate day = t.atZone(zone).toLocalDate();
        for (int i = 0; i < 9; i++, day = day.plusDays(1)) {
            Optional<Window> window = hours.on(day.getDayOfWeek());
            if (window.isEmpty()) {
                // This row does not restrict the day at all.
                Instant dayStart = day.atStartOfDay(zone).toInstant();
                return dayStart.isAfter(t) ? dayStart : t;
            }
            Instant start = ZonedDateTime.of(day, window.get().start(), zone).toInstant();
            Instant lastStart =
                    ZonedDateTime.of(day, window.get().end(), zone).toInstant().minus(settings.margin());
            if (!lastStart.isAfter(start) || !t.isBefore(lastStart)) {
                continue;
            }
            return start.isAfter(t) ? start : t;
        }
        throw new IllegalStateException(hours.id() + " allows no hour in a week");
    }

    private static Found bannedDayNext(
            List<ZoneId> zones, Instant t, java.util.function.Function<LocalDate, Optional<String>> banned) {
        Found latest = Found.allowed(t);
        for (ZoneId zone : zones) {
            LocalDate day = t.atZone(zone).toLocalDate();
            Optional<String> first = banned.apply(day);
            if (first.isEmpty()) {
                continue;
            }
            // Holidays can follow a Sunday or each other: skip every banned day in a row.
            for (int i = 0; i < 14 && banned.apply(day).isPresent(); i++) {
                day = day.plusDays(1);
            }
            Instant n = day.atStartOfDay(zone).toInstant();
            if (n.isAfter(latest.at())) {
                latest = new Found(n, first.get() + " " + t.atZone(zone).toLocalDate() + " in " + zone.getId());
            }
        }
        return latest;
    }

    private static Found capNext(FrequencyCap cap, List<Instant> texts, Instant t) {
        Instant oldest = t.minus(cap.per());
        List<Instant> inPeriod = texts.stream().filter(s -> s.isAfter(oldest)).toList();
        if (inPeriod.size() < cap.max()) {
            return Found.allowed(t);
        }
        // The text that must age out so that one more fits.
        Instant agesOut = inPeriod.get(inPeriod.size() - cap.max()).plus(cap.per());
        return new Found(agesOut, inPeriod.size() + " texts since " + oldest);
    }

    private Check declared(DeclaredEmergency emergency) {
        String id = DECLARED + "." + emergency.state().code();
        return new Check() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Step next(Instant t) {
                // Like the end of a window: do not start a text just before a suspension begins.
                boolean inside = emergency.covers(t) || emergency.covers(t.plus(settings.margin()));
                Instant at = inside ? emergency.until() : t;
                return new Step(
                        at,
                        new Reason(
                                id,
                                emergency.state().code() + ": texts suspended (declared): " + emergency.reason(),
                                emergency.from() + " to " + emergency.until(),
                                "declared at run time by an administrator"));
            }
        };
    }

    private static String local(Instant t, ZoneId zone) {
        return LOCAL.format(t.atZone(zone));
    }
}
