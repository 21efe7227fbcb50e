package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.Location;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Locations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GHL locations in memory. */
public final class InMemoryLocations implements Locations {
    private final Map<LocationId, Location> locations = new LinkedHashMap<>();

    public InMemoryLocations() {}

    /** Adds (or replaces) a location. */
    public synchronized void put(Location location) {
        locations.put(location.id(), location);
    }

    @Override
    public synchronized Optional<Location> find(LocationId id) {
        return Optional.ofNullable(locations.get(id));
    }

    @Override
    public synchronized List<Location> search(CompanyId company) {
        return locations.values().stream()
                .filter(l -> l.companyId().equals(Optional.of(company)))
                .toList();
    }
}
