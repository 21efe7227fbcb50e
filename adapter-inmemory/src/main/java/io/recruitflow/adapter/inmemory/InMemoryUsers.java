package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.User;
import io.recruitflow.domain.shared.UserId;
import io.recruitflow.domain.shared.Users;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** GHL users in memory, each belonging to a location and a company. */
public final class InMemoryUsers implements Users {
    private record Member(LocationId location, CompanyId company, User user) {}

    private final Map<UserId, Member> users = new LinkedHashMap<>();

    public InMemoryUsers() {}

    /** Adds (or replaces) a user of the location and company. */
    public synchronized void put(LocationId location, CompanyId company, User user) {
        users.put(user.id(), new Member(location, company, user));
    }

    @Override
    public synchronized List<User> byLocation(LocationId location) {
        return users.values().stream()
                .filter(m -> m.location().equals(location))
                .map(Member::user)
                .toList();
    }

    /** Case-insensitive substring match on name and email; a blank query matches every user. */
    @Override
    public synchronized List<User> search(CompanyId company, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return users.values().stream()
                .filter(m -> m.company().equals(company))
                .map(Member::user)
                .filter(u -> q.isEmpty()
                        || u.name().toLowerCase(Locale.ROOT).contains(q)
                        || u.email().toLowerCase(Locale.ROOT).contains(q))
                .toList();
    }

    @Override
    public synchronized Optional<User> find(UserId id) {
        return Optional.ofNullable(users.get(id)).map(Member::user);
    }
}
