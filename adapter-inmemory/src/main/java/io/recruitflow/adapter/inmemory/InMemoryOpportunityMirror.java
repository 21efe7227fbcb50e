package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link OpportunityMirror} in memory: a write older than the stored opportunity is ignored, but for the
 * furthest stage, which only rises; a deleted opportunity's id is kept so that nothing written after brings
 * it back.
 */
public final class InMemoryOpportunityMirror implements OpportunityMirror {
    private final Map<OpportunityId, Opportunity> byId = new LinkedHashMap<>();
    private final Set<OpportunityId> deleted = new HashSet<>();
    /** When each opportunity first entered each stage, in the time of the write that put it there. */
    private final Map<OpportunityId, Map<RecruitingStage, Instant>> entered = new HashMap<>();

    public InMemoryOpportunityMirror() {}

    @Override
    public synchronized boolean save(Opportunity opportunity) {
        if (deleted.contains(opportunity.id())) {
            return false;
        }
        entered.computeIfAbsent(opportunity.id(), id -> new EnumMap<>(RecruitingStage.class))
                .merge(opportunity.stage(), opportunity.updatedAt(), (a, b) -> a.isBefore(b) ? a : b);
        Opportunity stored = byId.get(opportunity.id());
        if (stored == null) {
            byId.put(opportunity.id(), opportunity);
            return true;
        }
        if (stored.updatedAt().isAfter(opportunity.updatedAt())) {
            byId.put(opportunity.id(), stored.withFurthestStage(opportunity.furthestStage()));
            return false;
        }
        byId.put(opportunity.id(), opportunity.withFurthestStage(stored.furthestStage()));
        return true;
    }

    @Override
    public synchronized Optional<Opportunity> find(OpportunityId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Opportunity> findByContact(ContactId contact) {
        // One opportunity per contact is the rule; should GHL hold two, the latest news wins.
        return byId.values().stream()
                .filter(o -> o.contact().equals(contact))
                .max(Comparator.comparing(Opportunity::updatedAt));
    }

    /** When the opportunity first entered each stage it entered (for the report's time in stage). */
    synchronized Map<RecruitingStage, Instant> stageEntries(OpportunityId id) {
        return Map.copyOf(entered.getOrDefault(id, Map.of()));
    }

    @Override
    public synchronized void delete(OpportunityId id) {
        deleted.add(id);
        byId.remove(id);
        entered.remove(id);
    }

    @Override
    public synchronized List<Opportunity> all(Optional<LocationId> location) {
        return byId.values().stream()
                .filter(o -> location.map(l -> l.equals(o.location())).orElse(true))
                .toList();
    }

    @Override
    public synchronized Map<RecruitingStage, Long> countByStage(Optional<LocationId> location) {
        Map<RecruitingStage, Long> counts = new EnumMap<>(RecruitingStage.class);
        for (RecruitingStage stage : RecruitingStage.values()) {
            counts.put(stage, 0L);
        }
        all(location).forEach(o -> counts.merge(o.stage(), 1L, Long::sum));
        return counts;
    }
}
