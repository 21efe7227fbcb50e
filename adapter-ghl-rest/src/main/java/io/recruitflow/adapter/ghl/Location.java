package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** A GHL sub-account: the recruiting team's workspace. */
public record Location(LocationId id, String name, Optional<CompanyId> companyId, Optional<ZoneId> timeZone) {
    public Location {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
