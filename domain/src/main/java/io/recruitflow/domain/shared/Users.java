package io.recruitflow.domain.shared;

import java.util.List;
import java.util.Optional;

/** GHL users. */
public interface Users {
    /** The users of a location, all pages. */
    List<User> byLocation(LocationId location);

    /** Users of a company matching a free-text query, all pages. */
    List<User> search(CompanyId company, String query);

    Optional<User> find(UserId id);
}
