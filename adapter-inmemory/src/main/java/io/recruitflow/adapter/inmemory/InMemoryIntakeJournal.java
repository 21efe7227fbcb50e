package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link IntakeJournal} in memory. "Oldest" in {@link #unfinished} means the recruit whose journal was
 * opened (or first written) earliest.
 */
public final class InMemoryIntakeJournal implements IntakeJournal {

    private static final class Journal {
        final Instant openedAt;
        final long sequence;
        final EnumMap<IntakeStep, StepRecord> steps = new EnumMap<>(IntakeStep.class);

        Journal(Instant openedAt, long sequence) {
            this.openedAt = openedAt;
            this.sequence = sequence;
        }

        boolean unfinished() {
            return steps.values().stream().anyMatch(r -> !r.state().settled());
        }
    }

    private final Map<RecruitId, Journal> journals = new HashMap<>();
    private long sequence;

    public InMemoryIntakeJournal() {}

    private Journal journal(RecruitId recruit, Instant at) {
        return journals.computeIfAbsent(recruit, r -> new Journal(at, sequence++));
    }

    @Override
    public synchronized void open(RecruitId recruit, Instant at) {
        Objects.requireNonNull(at, "at");
        Journal journal = journal(recruit, at);
        for (IntakeStep step : IntakeStep.values()) {
            journal.steps.putIfAbsent(step, StepRecord.pending(recruit, step, at));
        }
    }

    @Override
    public synchronized Optional<StepRecord> find(RecruitId recruit, IntakeStep step) {
        return Optional.ofNullable(journals.get(recruit)).map(j -> j.steps.get(step));
    }

    @Override
    public synchronized List<StepRecord> steps(RecruitId recruit) {
        Journal journal = journals.get(recruit);
        return journal == null ? List.of() : List.copyOf(journal.steps.values());
    }

    @Override
    public synchronized void save(StepRecord record) {
        journal(record.recruit(), record.updatedAt()).steps.put(record.step(), record);
    }

    @Override
    public synchronized List<RecruitId> unfinished(int limit) {
        List<Map.Entry<RecruitId, Journal>> open = new ArrayList<>();
        for (Map.Entry<RecruitId, Journal> e : journals.entrySet()) {
            if (e.getValue().unfinished()) {
                open.add(e);
            }
        }
        open.sort(Comparator.comparing((Map.Entry<RecruitId, Journal> e) -> e.getValue().openedAt)
                .thenComparingLong(e -> e.getValue().sequence));
        return open.stream().limit(limit).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized Map<StepState, Long> countByState() {
        List<StepRecord> all = new ArrayList<>();
        journals.values().forEach(j -> all.addAll(j.steps.values()));
        return IntakeJournal.count(all);
    }
}
