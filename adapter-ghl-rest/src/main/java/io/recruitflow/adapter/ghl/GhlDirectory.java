package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.recruit.Recruiter;
import io.recruitflow.domain.recruit.Recruiters;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL's locations and users, for embedders and set-up; the users of a location are also the core's
 * {@link Recruiters} (routing assigns recruits to them). Agency-wide listings
 * use the company's token and page with {@code skip}/{@code limit}, which GHL takes as strings; a location's
 * calls use the location's token. Failures are {@link ExternalFailure}s with a {@link GhlHttpError} cause.
 */
public final class GhlDirectory implements Recruiters {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final LocationsApi locations;
    private final UsersApi users;

    GhlDirectory(GhlCalls calls, LocationsApi locations, UsersApi users) {
        this.calls = calls;
        this.locations = locations;
        this.users = users;
    }

    /** {@code GET /locations/{id}}: the location (its name, agency and time zone); empty when GHL answers 404. */
    public Optional<Location> findLocation(LocationId id) {
        try {
            var dto = calls.call(
                    GhlCall.idempotent("GET /locations/{id}", calls.as(id)),
                    auth -> locations.getLocation(auth, id.value()));
            var l = dto == null ? null : dto.location();
            return l == null
                    ? Optional.empty()
                    : Optional.of(new Location(id, l.name(), company(l.companyId()), Wire.zone(l.timezone())));
        } catch (ExternalFailure.Rejected e) {
            if (GhlFailures.notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code GET /locations/search}: every location of the agency, all pages. */
    public List<Location> searchLocations(CompanyId company) {
        return Pager.<Integer, Location>stream(skip -> {
                    int from = skip.orElse(0);
                    var dto = calls.call(
                            GhlCall.idempotent("GET /locations/search", calls.as(company)),
                            auth -> locations.searchLocations(
                                    auth, company.value(), String.valueOf(from), String.valueOf(PAGE)));
                    List<Location> items = dto == null || dto.locations() == null
                            ? List.of()
                            : dto.locations().stream()
                                    .filter(l -> l != null && l.id() != null && !l.id().isBlank())
                                    .map(l -> new Location(
                                            new LocationId(l.id()),
                                            l.name(),
                                            company(l.companyId()).or(() -> Optional.of(company)),
                                            Wire.zone(l.timezone())))
                                    .toList();
                    return new Pager.PageOf<>(
                            items, items.size() >= PAGE ? Optional.of(from + items.size()) : Optional.empty());
                })
                .toList();
    }

    /** {@code GET /users/}: the users of the location, e.g. the recruiters opportunities are assigned to. */
    public List<User> usersOf(LocationId location) {
        var dto = calls.call(
                GhlCall.idempotent("GET /users/", calls.as(location)),
                auth -> users.getUsersByLocation(auth, location.value()));
        return dto == null || dto.users() == null
                ? List.of()
                : dto.users().stream()
                        .filter(u -> u != null && u.id() != null && !u.id().isBlank())
                        .map(u -> user(u.id(), u.name(), u.firstName(), u.lastName(), u.email()))
                        .toList();
    }

    /** {@code GET /users/?locationId=}: the location's users as recruiters (id and name). */
    @Override
    public List<Recruiter> of(LocationId location) {
        return usersOf(location).stream()
                .map(u -> new Recruiter(u.id(), u.name()))
                .toList();
    }

    /** {@code GET /users/search}: the agency's users matching a free-text query, all pages. */
    public List<User> searchUsers(CompanyId company, String query) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return Pager.<Integer, User>stream(skip -> {
                    int from = skip.orElse(0);
                    var dto = calls.call(
                            GhlCall.idempotent("GET /users/search", calls.as(company)),
                            auth -> users.searchUsers(
                                    auth, company.value(), q, String.valueOf(from), String.valueOf(PAGE)));
                    List<User> items = dto == null || dto.users() == null
                            ? List.of()
                            : dto.users().stream()
                                    .filter(u -> u != null && u.id() != null && !u.id().isBlank())
                                    .map(u -> user(u.id(), u.name(), u.firstName(), u.lastName(), u.email()))
                                    .toList();
                    long total = dto == null || dto.count() == null ? Long.MAX_VALUE : dto.count();
                    int next = from + items.size();
                    return new Pager.PageOf<>(
                            items,
                            !items.isEmpty() && items.size() >= PAGE && next < total
                                    ? Optional.of(next)
                                    : Optional.empty());
                })
                .toList();
    }

    /** {@code GET /users/{id}}, with the token of a location the user works in; empty when GHL answers 404. */
    public Optional<User> findUser(LocationId location, UserId id) {
        try {
            var u = calls.call(
                    GhlCall.idempotent("GET /users/{id}", calls.as(location)), auth -> users.getUser(auth, id.value()));
            return u == null || u.id() == null
                    ? Optional.empty()
                    : Optional.of(user(u.id(), u.name(), u.firstName(), u.lastName(), u.email()));
        } catch (ExternalFailure.Rejected e) {
            if (GhlFailures.notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static User user(String id, String name, String first, String last, String email) {
        String full = name != null && !name.isBlank()
                ? name
                : String.join(
                        " ",
                        Stream.of(first, last)
                                .filter(Objects::nonNull)
                                .filter(s -> !s.isBlank())
                                .toList());
        return new User(new UserId(id), full, email);
    }

    private static Optional<CompanyId> company(String id) {
        return id == null || id.isBlank() ? Optional.empty() : Optional.of(new CompanyId(id));
    }
}
