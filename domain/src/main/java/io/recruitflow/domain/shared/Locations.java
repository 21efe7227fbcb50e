package io.recruitflow.domain.shared;

import java.util.List;
import java.util.Optional;

/** GHL locations (sub-accounts). */
public interface Locations {
    Optional<Location> find(LocationId id);

    /** Every location of an agency, all pages. */
    List<Location> search(CompanyId company);
}
