package io.recruitflow.application.routing;

import io.recruitflow.application.port.RecruitAssigner;
import io.recruitflow.application.port.RoundRobinTurns;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Assigns new recruits to CRM users by the {@link RoutingSettings}: each recruit goes to the user of the first rule
 * that names one — its license state's ({@code territory}), its lead source's ({@code source}), or the next of the
 * round-robin pool in its location's turn ({@code round-robin}) — else to the fallback user. Runs inside the
 * admission of the recruits ({@link RecruitAssigner}), so no CRM call is made: the assignee rides on the upsert and
 * the opportunity the intake sends anyway. Also grades leads ({@link #tierTag}).
 */
@Singleton
public class Router implements RecruitAssigner {
    private final RoutingSettings settings;

    @Inject
    public Router(RoutingSettings settings) {
        this.settings = settings;
    }

    public RoutingSettings settings() {
        return settings;
    }

    /** The tag of the lead's tier ({@code Tier-A}), when tier rules are set. */
    public Optional<String> tierTag(Lead lead, Instant acceptedAt) {
        return settings.tiers().tierOf(lead, acceptedAt).map(Tier::tag);
    }

    @Override
    public List<Recruit> assign(List<Recruit> stored, RoundRobinTurns turns) {
        if (!settings.assigns() || stored.isEmpty()) {
            return stored;
        }
        List<Optional<UserId>> chosen = new ArrayList<>(stored.size());
        Map<LocationId, List<Integer>> waiting = new LinkedHashMap<>(); // recruits whose user is the pool's next
        for (int i = 0; i < stored.size(); i++) {
            Recruit r = stored.get(i);
            Optional<UserId> user = Optional.empty();
            boolean roundRobin = false;
            for (RoutingSettings.Strategy strategy : settings.strategies()) {
                switch (strategy) {
                    case TERRITORY ->
                        user = Optional.ofNullable(
                                settings.territories().get(r.license().state()));
                    case SOURCE ->
                        user = Optional.ofNullable(
                                settings.sources().get(r.source().strip().toLowerCase(Locale.ROOT)));
                    case ROUND_ROBIN -> roundRobin = true;
                }
                if (user.isPresent() || roundRobin) {
                    break;
                }
            }
            if (roundRobin) {
                waiting.computeIfAbsent(r.location(), l -> new ArrayList<>()).add(i);
            }
            chosen.add(user.isPresent() || roundRobin ? user : settings.fallback());
        }
        List<UserId> pool = settings.pool();
        waiting.forEach((location, positions) -> {
            long first = turns.take(location, positions.size());
            for (int k = 0; k < positions.size(); k++) {
                chosen.set(positions.get(k), Optional.of(pool.get((int) Math.floorMod(first + k, (long) pool.size()))));
            }
        });
        List<Recruit> assigned = new ArrayList<>(stored.size());
        for (int i = 0; i < stored.size(); i++) {
            Recruit r = stored.get(i);
            assigned.add(chosen.get(i).map(r::assignedTo).orElse(r));
        }
        return assigned;
    }
}
