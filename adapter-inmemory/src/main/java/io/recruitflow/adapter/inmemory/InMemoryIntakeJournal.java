package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@link IntakeJournal} in memory. "Oldest" in {@link #unfinished} means the recruit whose journal was
 * opened (or first written) earliest. The queries by location look each recruit's location up in the function
 * given (the recruits store's): a recruit it does not know is of no location, and its follow-up is never due.
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

        /** The enrollment, when it is not settled and the first phase waits on nothing. */
        Optional<StepRecord> openFollowUp() {
            StepRecord enrollment = steps.get(IntakeStep.ENROLL_WORKFLOW);
            if (enrollment == null || enrollment.state().settled()) {
                return Optional.empty();
            }
            for (IntakeStep step : IntakePhase.FIRST.steps()) {
                StepRecord record = steps.get(step);
                if (record == null || !record.state().waitsOnNothing()) {
                    return Optional.empty();
                }
            }
            return Optional.of(enrollment);
        }

        boolean followUpDue(Instant now) {
            return openFollowUp().filter(e -> !waiting(e, now)).isPresent();
        }

        Instant lastWritten() {
            return steps.values().stream()
                    .map(StepRecord::updatedAt)
                    .max(Comparator.naturalOrder())
                    .orElse(openedAt);
        }
    }

    private static boolean waiting(StepRecord record, Instant now) {
        return record.notBefore().filter(now::isBefore).isPresent();
    }

    private final Map<RecruitId, Journal> journals = new HashMap<>();
    private final Function<RecruitId, Optional<LocationId>> locations;
    private long sequence;

    /** A journal that looks its recruits' locations up in {@code locations} (e.g. the recruits store). */
    public InMemoryIntakeJournal(Function<RecruitId, Optional<LocationId>> locations) {
        this.locations = Objects.requireNonNull(locations, "locations");
    }

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
    public synchronized List<StepRecord> awaitingFollowUp(LocationId location, Instant now, int limit) {
        return oldestFirst().stream()
                .filter(e -> e.getValue().followUpDue(now))
                .filter(e -> isOf(e.getKey(), location))
                .limit(limit)
                .map(e -> e.getValue().openFollowUp().orElseThrow())
                .toList();
    }

    @Override
    public synchronized Optional<Instant> nextFollowUp(LocationId location, Instant now) {
        return journals.entrySet().stream()
                .filter(e -> isOf(e.getKey(), location))
                .flatMap(e -> e.getValue().openFollowUp().stream())
                .flatMap(r -> r.notBefore().filter(now::isBefore).stream())
                .min(Comparator.naturalOrder());
    }

    @Override
    public synchronized Set<LocationId> locationsAwaitingFollowUp(Instant quietSince, Instant now) {
        Set<LocationId> found = new HashSet<>();
        for (Map.Entry<RecruitId, Journal> e : journals.entrySet()) {
            if (e.getValue().followUpDue(now) && !e.getValue().lastWritten().isAfter(quietSince)) {
                locations.apply(e.getKey()).ifPresent(found::add);
            }
        }
        return found;
    }

    private boolean isOf(RecruitId recruit, LocationId location) {
        return locations.apply(recruit).filter(location::equals).isPresent();
    }

    private List<Map.Entry<RecruitId, Journal>> oldestFirst() {
        List<Map.Entry<RecruitId, Journal>> all = new ArrayList<>(journals.entrySet());
        all.sort(Comparator.comparing((Map.Entry<RecruitId, Journal> e) -> e.getValue().openedAt)
                .thenComparingLong(e -> e.getValue().sequence));
        return all;
    }

    @Override
    public synchronized Map<StepState, Long> countByState() {
        List<StepRecord> all = new ArrayList<>();
        journals.values().forEach(j -> all.addAll(j.steps.values()));
        return IntakeJournal.count(all);
    }
}
