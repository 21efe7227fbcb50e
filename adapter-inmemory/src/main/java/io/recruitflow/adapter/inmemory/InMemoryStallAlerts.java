package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.pipeline.StallAlerts;
import io.recruitflow.domain.shared.LocationId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link StallAlerts} in memory, for tests, the demo and embedders. */
public final class InMemoryStallAlerts implements StallAlerts {
    private final Map<String, StallAlert> alerts = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(StallAlert alert) {
        String key = alert.recruit() + "/" + alert.stage() + "/" + alert.idleSince();
        return alerts.putIfAbsent(key, alert) == null;
    }

    @Override
    public synchronized List<StallAlert> recent(Optional<LocationId> location, int limit) {
        List<StallAlert> list = new ArrayList<>(alerts.values());
        list.removeIf(a -> location.isPresent() && !a.location().equals(location.get()));
        list.sort(Comparator.comparing(StallAlert::detectedAt).reversed());
        return List.copyOf(list.subList(0, Math.min(limit, list.size())));
    }
}
