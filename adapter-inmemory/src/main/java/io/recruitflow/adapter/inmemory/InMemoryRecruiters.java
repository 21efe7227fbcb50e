package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.recruit.Recruiter;
import io.recruitflow.domain.recruit.Recruiters;
import io.recruitflow.domain.shared.LocationId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The in-memory GHL's users, per location; {@link #calls()} counts the look-ups, as GHL would count them. */
public final class InMemoryRecruiters implements Recruiters {
    private final Map<LocationId, List<Recruiter>> users = new LinkedHashMap<>();
    private int calls;

    @Override
    public synchronized List<Recruiter> of(LocationId location) {
        calls++;
        return List.copyOf(users.getOrDefault(location, List.of()));
    }

    /** Adds a user to the location. */
    public synchronized void add(LocationId location, Recruiter user) {
        users.computeIfAbsent(location, l -> new ArrayList<>()).add(user);
    }

    /** How many times the users were asked for. */
    public synchronized int calls() {
        return calls;
    }
}
