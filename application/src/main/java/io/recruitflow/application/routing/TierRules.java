package io.recruitflow.application.routing;

import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.LeadRules;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A lead's tier, a letter from A (worked first) to Z, from rules over its columns: the first rule whose every
 * condition holds gives the tier, else the default tier (if any). Written {@code TIER:CONDITION&CONDITION}, e.g.
 * {@code A:cf_licensed_on<30d} (licensed within the last 30 days, a date column copied into that custom field),
 * {@code B:state=FL|GA&type=Life}. Conditions:
 *
 * <ul>
 *   <li>{@code state=FL|GA} — the license state is one of these;
 *   <li>{@code type=Life|Health} — the license has one of these lines;
 *   <li>{@code source=PropHog|Referral} — the lead source is one of these (case aside);
 *   <li>{@code expires<90d}, {@code expires>365d} — the license expires within, or later than, so many days;
 *   <li>{@code FIELD<30d}, {@code FIELD>30d} — the date in the lead's extra column (its custom field id)
 *       is within, or more than, so many days before the lead was accepted; a missing or unreadable date fails;
 *   <li>{@code FIELD=yes|y} — the extra column holds one of these values (case aside).
 * </ul>
 *
 * Days count from the lead's acceptance (UTC dates), so a recruit's tier never changes afterwards.
 */
public record TierRules(List<Rule> rules, Optional<Character> fallback) {

    public TierRules {
        rules = List.copyOf(rules);
        Objects.requireNonNull(fallback, "fallback");
        fallback.ifPresent(TierRules::requireLetter);
    }

    /** No tiers: every recruit is untiered and keeps its place in its location's backlog. */
    public static TierRules none() {
        return new TierRules(List.of(), Optional.empty());
    }

    public boolean any() {
        return !rules.isEmpty() || fallback.isPresent();
    }

    /** The lead's tier, accepted at {@code at}; empty without rules and a default. */
    public Optional<Character> tierOf(Lead lead, Instant at) {
        LocalDate today = at.atOffset(ZoneOffset.UTC).toLocalDate();
        for (Rule rule : rules) {
            if (rule.conditions().stream().allMatch(c -> c.holds(lead, today))) {
                return Optional.of(rule.tier());
            }
        }
        return fallback;
    }

    /** {@code TIER:CONDITION&...} items and an optional default tier; every mistake said at once. */
    public static TierRules parse(List<String> items, Optional<String> fallbackTier) {
        return parse(items, fallbackTier, Map.of());
    }

    /**
     * {@link #parse(List, Optional)}, a condition's column may also be named by the header of an extra lead-file
     * column ({@code columns}: header to custom field id, as {@code intake.extraColumns} maps them), case aside.
     */
    public static TierRules parse(List<String> items, Optional<String> fallbackTier, Map<String, String> columns) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String item : items) {
            if (item.isBlank()) {
                continue;
            }
            try {
                rules.add(Rule.parse(item, columns));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        Optional<Character> fallback = Optional.empty();
        if (fallbackTier.isPresent() && !fallbackTier.get().isBlank()) {
            try {
                fallback = Optional.of(letter(fallbackTier.get()));
            } catch (IllegalArgumentException e) {
                problems.add("default tier: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TierRules(rules, fallback);
    }

    private static char letter(String raw) {
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 1) {
            throw new IllegalArgumentException("a tier is one letter A-Z, not '" + raw.strip() + "'");
        }
        return requireLetter(s.charAt(0));
    }

    private static char requireLetter(char c) {
        if (c < 'A' || c > 'Z') {
            throw new IllegalArgumentException("a tier is one letter A-Z, not '" + c + "'");
        }
        return c;
    }

    /** One rule: the tier of a lead meeting every condition. */
    public record Rule(char tier, List<Condition> conditions) {
        public Rule {
            requireLetter(tier);
            conditions = List.copyOf(conditions);
            if (conditions.isEmpty()) {
                throw new IllegalArgumentException("tier " + tier + " has no condition");
            }
        }

        static Rule parse(String item, Map<String, String> columns) {
            int colon = item.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(
                        "'" + item.strip() + "' is not TIER:CONDITION (e.g. A:cf_licensed_on<30d, B:state=FL|GA)");
            }
            char tier = letter(item.substring(0, colon));
            List<Condition> conditions = new ArrayList<>();
            for (String c : item.substring(colon + 1).split("&")) {
                conditions.add(Condition.parse(c, columns));
            }
            return new Rule(tier, conditions);
        }

        @Override
        public String toString() {
            return tier + ":" + conditions.stream().map(Condition::toString).collect(Collectors.joining("&"));
        }
    }

    /** A condition over a lead's columns. */
    public sealed interface Condition {
        boolean holds(Lead lead, LocalDate today);

        static Condition parse(String raw) {
            return parse(raw, Map.of());
        }

        static Condition parse(String raw, Map<String, String> columns) {
            String text = raw.strip();
            int eq = text.indexOf('=');
            int lt = text.indexOf('<');
            int gt = text.indexOf('>');
            if (eq > 0) {
                String column = text.substring(0, eq).strip();
                Set<String> values = List.of(text.substring(eq + 1).split("\\|")).stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .collect(Collectors.toUnmodifiableSet());
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("'" + text + "' names no value");
                }
                return switch (column.toLowerCase(Locale.ROOT)) {
                    case "state" ->
                        new StateIs(values.stream()
                                .map(v -> UsState.parse(v)
                                        .orElseThrow(
                                                () -> new IllegalArgumentException("'" + v + "' is not a US state")))
                                .collect(Collectors.toUnmodifiableSet()));
                    case "type" ->
                        new TypeIs(values.stream()
                                .map(v -> v.toLowerCase(Locale.ROOT))
                                .collect(Collectors.toUnmodifiableSet()));
                    case "source" ->
                        new SourceIs(values.stream()
                                .map(v -> v.toLowerCase(Locale.ROOT))
                                .collect(Collectors.toUnmodifiableSet()));
                    default ->
                        new ColumnIs(
                                fieldOf(column, columns),
                                values.stream()
                                        .map(v -> v.toLowerCase(Locale.ROOT))
                                        .collect(Collectors.toUnmodifiableSet()));
                };
            }
            int op = lt > 0 ? lt : gt;
            if (op <= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a condition (state=FL|GA, type=Life, "
                        + "source=X, expires<90d, COLUMN<30d, COLUMN=value)");
            }
            String column = text.substring(0, op).strip();
            String days = text.substring(op + 1).strip().toLowerCase(Locale.ROOT);
            if (!days.matches("\\d{1,5}d")) {
                throw new IllegalArgumentException("'" + text + "': the days are written like 30d");
            }
            int n = Integer.parseInt(days.substring(0, days.length() - 1));
            boolean within = op == lt;
            return column.equalsIgnoreCase("expires")
                    ? new ExpiresIn(within, n)
                    : new DateAgo(fieldOf(column, columns), within, n);
        }
    }

    record StateIs(Set<UsState> states) implements Condition {
        @Override
        public boolean holds(Lead lead, LocalDate today) {
            return states.contains(lead.license().state());
        }

        @Override
        public String toString() {
            return "state=" + states.stream().map(UsState::code).sorted().collect(Collectors.joining("|"));
        }
    }

    record TypeIs(Set<String> types) implements Condition {
        @Override
        public boolean holds(Lead lead, LocalDate today) {
            return lead.license().types().stream()
                    .map(LicenseType::name)
                    .anyMatch(t -> types.contains(t.toLowerCase(Locale.ROOT)));
        }

        @Override
        public String toString() {
            return "type=" + String.join("|", new java.util.TreeSet<>(types));
        }
    }

    record SourceIs(Set<String> sources) implements Condition {
        @Override
        public boolean holds(Lead lead, LocalDate today) {
            return sources.contains(lead.source().toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return "source=" + String.join("|", new java.util.TreeSet<>(sources));
        }
    }

    record ColumnIs(String column, Set<String> values) implements Condition {
        @Override
        public boolean holds(Lead lead, LocalDate today) {
            String v = value(lead.extra(), column);
            return v != null && values.contains(v.strip().toLowerCase(Locale.ROOT));
        }

        @Override
        public String toString() {
            return column + "=" + String.join("|", new java.util.TreeSet<>(values));
        }
    }

    record ExpiresIn(boolean within, int days) implements Condition {
        @Override
        public boolean holds(Lead lead, LocalDate today) {
            return lead.license()
                    .expires()
                    .map(d -> {
                        long left = ChronoUnit.DAYS.between(today, d);
                        return within ? left < days : left > days;
                    })
                    .orElse(false);
        }

        @Override
        public String toString() {
            return "expires" + (within ? "<" : ">") + days + "d";
        }
    }

    record DateAgo(String column, boolean within, int days) implements Condition {
        @Override
        public boolean holds(Lead lead, LocalDate today) {
            return LeadRules.date(value(lead.extra(), column))
                    .map(d -> {
                        long ago = ChronoUnit.DAYS.between(d, today);
                        return within ? ago >= 0 && ago < days : ago > days;
                    })
                    .orElse(false);
        }

        @Override
        public String toString() {
            return column + (within ? "<" : ">") + days + "d";
        }
    }

    /** The custom field id of a column named by its header, else the name as it is (a field id). */
    private static String fieldOf(String column, Map<String, String> columns) {
        return columns.entrySet().stream()
                .filter(e -> e.getKey().strip().equalsIgnoreCase(column))
                .map(e -> e.getValue().strip())
                .findFirst()
                .orElse(column);
    }

    /** The extra column's value, its name compared ignoring case. */
    private static String value(Map<String, String> extra, String column) {
        String exact = extra.get(column);
        if (exact != null) {
            return exact;
        }
        return extra.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(column))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }
}
