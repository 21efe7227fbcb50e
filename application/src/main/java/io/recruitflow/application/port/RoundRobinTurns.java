package io.recruitflow.application.port;

import io.recruitflow.domain.shared.LocationId;

/**
 * The turns of each location's round-robin, counted durably: every instance and every restart continues the
 * same count, so recruits are shared out evenly whichever instance accepts them. On PostgreSQL the count is a
 * row per location ({@code routing_turns}), advanced in the transaction that stores the recruits.
 */
public interface RoundRobinTurns {

    /**
     * Takes {@code count} consecutive turns of the location's round-robin and returns the number of the first
     * (0 for the location's very first turn); the next call continues after the last one taken.
     */
    long take(LocationId location, int count);
}
