package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.domain.shared.LocationId;
import java.util.Map;
import java.util.Optional;

/** The in-memory GHL does not throttle, so it declares no budget. */
public final class NoCallBudgets implements CallBudgets {
    @Override
    public Optional<CallBudget> of(LocationId location) {
        return Optional.empty();
    }

    @Override
    public Map<LocationId, CallBudget> known() {
        return Map.of();
    }
}
