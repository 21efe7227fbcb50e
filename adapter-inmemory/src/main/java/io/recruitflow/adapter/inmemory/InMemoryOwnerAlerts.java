package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.nurture.OwnerAlert;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link OwnerAlerts} in memory. */
public final class InMemoryOwnerAlerts implements OwnerAlerts {
    private final Map<String, OwnerAlert> alerts = new LinkedHashMap<>();

    @Override
    public synchronized boolean record(OwnerAlert alert) {
        return alerts.putIfAbsent(alert.id(), alert) == null;
    }

    @Override
    public synchronized List<OwnerAlert> recent(Optional<LocationId> location, int limit) {
        return alerts.values().stream()
                .filter(a -> location.map(a.location()::equals).orElse(true))
                .sorted(Comparator.comparing(OwnerAlert::at).reversed().thenComparing(OwnerAlert::id))
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<OwnerAlert> ofRecruit(RecruitId recruit) {
        return alerts.values().stream()
                .filter(a -> a.recruit().equals(recruit))
                .sorted(Comparator.comparing(OwnerAlert::at).reversed().thenComparing(OwnerAlert::id))
                .toList();
    }
}
