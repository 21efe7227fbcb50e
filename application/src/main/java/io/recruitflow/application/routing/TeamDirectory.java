package io.recruitflow.application.routing;

import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.domain.recruit.Recruiter;
import io.recruitflow.domain.recruit.Recruiters;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The CRM users of each location, asked for once per location (and again at most once a minute when a user is
 * looked for and not found: a user added in the CRM since): what routing checks its users against before any
 * recruit is sent to the CRM with one.
 */
@Singleton
public class TeamDirectory {
    /** How long a list without the user looked for is trusted before the CRM is asked again. */
    static final Duration REFRESH_ON_MISS = Duration.ofMinutes(1);

    private final Recruiters recruiters;
    private final Clock clock;
    private final Map<LocationId, Team> teams = new ConcurrentHashMap<>();

    private record Team(List<Recruiter> users, Instant at) {
        boolean has(UserId user) {
            return users.stream().anyMatch(u -> u.id().equals(user));
        }
    }

    @Inject
    public TeamDirectory(Recruiters recruiters, Clock clock) {
        this.recruiters = recruiters;
        this.clock = clock;
    }

    /** The location's users; asks the CRM the first time only. */
    public List<Recruiter> of(LocationId location) {
        return teams.computeIfAbsent(location, this::load).users();
    }

    /** Whether the user is one of the location's (asking the CRM again if not, at most once a minute). */
    public boolean has(LocationId location, UserId user) {
        Team team = teams.computeIfAbsent(location, this::load);
        if (team.has(user)) {
            return true;
        }
        if (team.at().plus(REFRESH_ON_MISS).isAfter(clock.now())) {
            return false;
        }
        Team fresh = load(location);
        teams.put(location, fresh);
        return fresh.has(user);
    }

    /**
     * Checks that the user is one of the location's: a routing setting that names a user the location does not
     * have stops its intake (as a pipeline name GHL does not know does) with a message saying what to fix.
     */
    public void require(LocationId location, UserId user) {
        if (!has(location, user)) {
            throw new LocationSetup.SetupException(unknown(location, user));
        }
    }

    /** What to tell the operator about a user the location does not have: its users' ids (no names). */
    public String unknown(LocationId location, UserId user) {
        String ids = of(location).stream().map(u -> u.id().value()).collect(Collectors.joining(", "));
        return "location " + location + " has no user " + user + " (its users: " + (ids.isEmpty() ? "none" : ids)
                + "); fix the routing settings (RECRUITFLOW_ROUTING_*) or add the user in GHL";
    }

    private Team load(LocationId location) {
        return new Team(List.copyOf(recruiters.of(location)), clock.now());
    }
}
