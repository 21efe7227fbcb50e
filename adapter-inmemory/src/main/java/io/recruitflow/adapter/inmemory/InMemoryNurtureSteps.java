package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.recruit.RecruitId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link NurtureSteps} in memory; every operation holds the store's lock, so each is atomic. */
public final class InMemoryNurtureSteps implements NurtureSteps {
    private final Map<String, NurtureStep> steps = new LinkedHashMap<>();
    private final Map<RecruitId, List<StoredNews>> news = new LinkedHashMap<>();

    @Override
    public synchronized NurtureStep plan(NurtureStep step) {
        NurtureStep known = steps.get(step.key());
        if (known != null) {
            return known;
        }
        NurtureStep stored = step.afterNews(news.getOrDefault(step.recruit(), List.of()));
        steps.put(step.key(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<NurtureStep> find(String key) {
        return Optional.ofNullable(steps.get(key));
    }

    @Override
    public synchronized List<NurtureStep> ofRecruit(RecruitId recruit) {
        return steps.values().stream()
                .filter(s -> s.recruit().equals(recruit))
                .sorted(Comparator.comparing(NurtureStep::plannedAt).thenComparing(NurtureStep::key))
                .toList();
    }

    @Override
    public synchronized List<NurtureStep> cancel(RecruitId recruit, NurtureEvent event, Instant at) {
        news.computeIfAbsent(recruit, r -> new ArrayList<>()).add(new StoredNews(event, at));
        List<NurtureStep> changed = new ArrayList<>();
        for (NurtureStep s : ofRecruit(recruit)) {
            if (s.status().open() && s.cancelledAt().isEmpty() && s.cancelledBy(event)) {
                NurtureStep next = s.cancelled(event, at);
                steps.put(s.key(), next);
                changed.add(next);
            }
        }
        return changed;
    }

    @Override
    public synchronized List<StoredNews> news(RecruitId recruit) {
        return List.copyOf(news.getOrDefault(recruit, List.of()));
    }

    @Override
    public synchronized boolean claim(String key, Instant at) {
        NurtureStep s = steps.get(key);
        if (s == null || !s.claimable()) {
            return false;
        }
        steps.put(key, s.claimed(at));
        return true;
    }

    @Override
    public synchronized Optional<NurtureStep> settle(
            String key, NurtureStep.Settlement result, String why, Instant at) {
        NurtureStep s = steps.get(key);
        if (s == null) {
            return Optional.empty();
        }
        NurtureStep next = s.settled(result, why, at);
        steps.put(key, next);
        return Optional.of(next);
    }

    /** Every step, in the order planned (tests). */
    public synchronized List<NurtureStep> all() {
        return List.copyOf(steps.values());
    }
}
