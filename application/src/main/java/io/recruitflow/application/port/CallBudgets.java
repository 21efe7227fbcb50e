package io.recruitflow.application.port;

import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The CRM call budgets the CRM adapter last heard of (no call is made to answer). */
public interface CallBudgets {
    /** The location's budget, if the CRM declared one yet. */
    Optional<CallBudget> of(LocationId location);

    /** Every budget known, by location id. */
    Map<LocationId, CallBudget> known();

    /**
     * The least time the CRM adapter puts between two of the location's calls (its rate limit: 100 ms for 100 per
     * 10 s), when it limits them; empty when calls are not limited. For pacing work so that it comes due no faster
     * than the calls can be made: never slower, since the adapter never calls faster than this.
     */
    default Optional<Duration> callSpacing(LocationId location) {
        return Optional.empty();
    }

    /** A CRM that declares no budget and does not limit its calls (the in-memory one). */
    static CallBudgets none() {
        return None.INSTANCE;
    }

    /** {@link #none()}. */
    enum None implements CallBudgets {
        INSTANCE;

        @Override
        public Optional<CallBudget> of(LocationId location) {
            return Optional.empty();
        }

        @Override
        public Map<LocationId, CallBudget> known() {
            return Map.of();
        }
    }
}
