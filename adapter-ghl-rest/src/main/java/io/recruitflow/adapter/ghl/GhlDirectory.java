package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.Owners.Record;
import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Locations;
import io.recruitflow.domain.shared.UserId;
import io.recruitflow.domain.shared.Users;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@link Locations} and {@link Users} on GHL. Agency-wide searches use the company's token and page with
 * {@code skip}/{@code limit}, which GHL takes as strings; {@code find(UserId)} uses the location the user was
 * last listed in, else the default location.
 */
final class GhlDirectory implements Locations, Users {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final Owners owners;
    private final LocationsApi locations;
    private final UsersApi users;

    GhlDirectory(GhlCalls calls, Owners owners, LocationsApi locations, UsersApi users) {
        this.calls = calls;
        this.owners = owners;
        this.locations = locations;
        this.users = users;
    }

    @Override
    public Optional<Location> find(LocationId id) {
        try {
            var dto = calls.call(
                    GhlCall.idempotent("GET /locations/{id}", owners.of(id)),
                    auth -> locations.getLocation(auth, id.value()));
            var l = dto == null ? null : dto.location();
            return l == null
                    ? Optional.empty()
                    : Optional.of(new Location(id, l.name(), company(l.companyId()), Wire.zone(l.timezone())));
        } catch (GhlException e) {
            if (e.kind() == GhlException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Location> search(CompanyId company) {
        return Pager.<Integer, Location>stream(skip -> {
                    int from = skip.orElse(0);
                    var dto = calls.call(
                            GhlCall.idempotent("GET /locations/search", owners.of(company)),
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

    @Override
    public List<User> byLocation(LocationId location) {
        var dto = calls.call(
                GhlCall.idempotent("GET /users/", owners.of(location)),
                auth -> users.getUsersByLocation(auth, location.value()));
        return dto == null || dto.users() == null
                ? List.of()
                : dto.users().stream()
                        .filter(u -> u != null && u.id() != null && !u.id().isBlank())
                        .map(u -> {
                            owners.remember(Record.USER, u.id(), location);
                            return user(u.id(), u.name(), u.firstName(), u.lastName(), u.email());
                        })
                        .toList();
    }

    @Override
    public List<User> search(CompanyId company, String query) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return Pager.<Integer, User>stream(skip -> {
                    int from = skip.orElse(0);
                    var dto = calls.call(
                            GhlCall.idempotent("GET /users/search", owners.of(company)),
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

    @Override
    public Optional<User> find(UserId id) {
        try {
            var u = calls.call(
                    GhlCall.idempotent("GET /users/{id}", owners.of(Record.USER, id.value())),
                    auth -> users.getUser(auth, id.value()));
            return u == null || u.id() == null
                    ? Optional.empty()
                    : Optional.of(user(u.id(), u.name(), u.firstName(), u.lastName(), u.email()));
        } catch (GhlException e) {
            if (e.kind() == GhlException.Kind.NOT_FOUND) {
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
