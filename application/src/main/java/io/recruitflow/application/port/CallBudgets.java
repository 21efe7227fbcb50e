package io.recruitflow.application.port;

import io.recruitflow.domain.shared.LocationId;
import java.util.Map;
import java.util.Optional;

/** The CRM call budgets the CRM adapter last heard of (no call is made to answer). */
public interface CallBudgets {
    /** The location's budget, if the CRM declared one yet. */
    Optional<CallBudget> of(LocationId location);

    /** Every budget known, by location id. */
    Map<LocationId, CallBudget> known();
}
