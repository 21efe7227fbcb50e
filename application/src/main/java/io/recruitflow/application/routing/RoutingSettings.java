package io.recruitflow.application.routing;

import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How new recruits are assigned to CRM users, and graded.
 *
 * @param strategies  the rules tried in order for each recruit, the first that names a user wins; none: only the
 *                    fallback assigns
 * @param pool        the users {@link Strategy#ROUND_ROBIN} shares recruits among, in turn
 * @param territories the user of each license state ({@link Strategy#TERRITORY})
 * @param sources     the user of each lead source, by its name in lower case ({@link Strategy#SOURCE})
 * @param fallback    the user of a recruit no rule names a user for; none: such a recruit is assigned to nobody
 * @param tiers       the tier rules
 */
public record RoutingSettings(
        List<Strategy> strategies,
        List<UserId> pool,
        Map<UsState, UserId> territories,
        Map<String, UserId> sources,
        Optional<UserId> fallback,
        TierRules tiers) {

    /** A routing rule. */
    public enum Strategy {
        /** The next user of the pool, in turn, per location, across instances and restarts. */
        ROUND_ROBIN("round-robin"),
        /** The user of the recruit's license state. */
        TERRITORY("territory"),
        /** The user of the recruit's lead source. */
        SOURCE("source");

        private final String id;

        Strategy(String id) {
            this.id = id;
        }

        /** The name in the configuration: {@code round-robin}, {@code territory}, {@code source}. */
        public String id() {
            return id;
        }

        public static Strategy parse(String raw) {
            String name = raw.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Strategy s : values()) {
                if (s.id.equals(name) || (s == ROUND_ROBIN && name.equals("roundrobin"))) {
                    return s;
                }
            }
            throw new IllegalArgumentException(
                    "unknown routing rule '" + raw.strip() + "'; known: round-robin, " + "territory, source (or none)");
        }
    }

    public RoutingSettings {
        strategies = List.copyOf(new LinkedHashSet<>(strategies));
        pool = List.copyOf(pool);
        territories = Map.copyOf(territories);
        sources = sources.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().strip().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(tiers, "tiers");
        if (strategies.contains(Strategy.ROUND_ROBIN) && pool.isEmpty()) {
            throw new IllegalArgumentException("round-robin needs the users to share recruits among");
        }
        if (strategies.contains(Strategy.TERRITORY) && territories.isEmpty()) {
            throw new IllegalArgumentException("territory routing needs the territories (STATE=user, ...)");
        }
        if (strategies.contains(Strategy.SOURCE) && sources.isEmpty()) {
            throw new IllegalArgumentException("source routing needs the sources (source=user, ...)");
        }
        if (new LinkedHashSet<>(pool).size() != pool.size()) {
            throw new IllegalArgumentException("a user is listed twice for round-robin");
        }
    }

    /** No routing and no tiers: recruits are assigned to nobody, as before routing existed. */
    public static RoutingSettings off() {
        return new RoutingSettings(List.of(), List.of(), Map.of(), Map.of(), Optional.empty(), TierRules.none());
    }

    /** Whether any recruit can be assigned to anyone. */
    public boolean assigns() {
        return !strategies.isEmpty() || fallback.isPresent();
    }

    /** Every user the settings name, in the order they are first named (fallback last). */
    public Set<UserId> named() {
        Set<UserId> all = new LinkedHashSet<>();
        for (Strategy s : strategies) {
            switch (s) {
                case ROUND_ROBIN -> all.addAll(pool);
                case TERRITORY -> all.addAll(territories.values());
                case SOURCE -> all.addAll(sources.values());
            }
        }
        fallback.ifPresent(all::add);
        return all;
    }

    public RoutingSettings withTiers(TierRules rules) {
        return new RoutingSettings(strategies, pool, territories, sources, fallback, rules);
    }
}
