package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Our durable record of every intake step of every recruit. The saga writes a step before and after
 * each GHL call, so after a crash it knows which calls may have happened and reconciles them instead
 * of repeating them.
 */
public interface IntakeJournal {

    /** Creates a pending record for every step of the recruit; existing records are kept. */
    void open(RecruitId recruit, Instant at);

    Optional<StepRecord> find(RecruitId recruit, IntakeStep step);

    /** Every step of the recruit, in saga order. */
    List<StepRecord> steps(RecruitId recruit);

    /** Stores the record, replacing the previous one of the same recruit and step. */
    void save(StepRecord record);

    /** Recruits with at least one step that is not settled, oldest first. */
    List<RecruitId> unfinished(int limit);

    /** How many steps are in each state. */
    Map<StepState, Long> countByState();

    /**
     * The {@link IntakeStep#ENROLL_WORKFLOW} records of the location's recruits whose follow-up (the workflow
     * enrollment) is due at {@code now}, oldest recruit first: their
     * {@link IntakeStep#ENROLL_WORKFLOW} is not settled and not waiting (no {@code notBefore} after {@code now}), and
     * every step of their first phase waits on nothing ({@link StepState#waitsOnNothing}). One location's
     * enrollment batch takes them up.
     */
    List<StepRecord> awaitingFollowUp(LocationId location, Instant now, int limit);

    /**
     * When the location's next follow-up that waits for a retry is due: the earliest {@code notBefore} after {@code
     * now} of an enrollment that is not settled, of a recruit whose first phase waits on nothing.
     */
    Optional<Instant> nextFollowUp(LocationId location, Instant now);

    /**
     * The locations with a recruit {@linkplain #awaitingFollowUp awaiting its follow-up} at {@code now} none of whose
     * steps was written after {@code quietSince}: a follow-up that no enrollment batch took up (the safety net for a
     * lost wake-up).
     */
    Set<LocationId> locationsAwaitingFollowUp(Instant quietSince, Instant now);

    /** Counts per state of the given records: a helper for implementations. */
    static Map<StepState, Long> count(Iterable<StepRecord> records) {
        Map<StepState, Long> counts = new EnumMap<>(StepState.class);
        for (StepState s : StepState.values()) {
            counts.put(s, 0L);
        }
        records.forEach(r -> counts.merge(r.state(), 1L, Long::sum));
        return counts;
    }

    /**
     * {@code target}, telling {@code saved} of each record after {@code target} stored it: for decorators that count
     * or announce steps (metrics, outbound events) without the store knowing.
     */
    static IntakeJournal observingSaves(IntakeJournal target, java.util.function.Consumer<StepRecord> saved) {
        return new IntakeJournal() {
            @Override
            public void open(RecruitId recruit, Instant at) {
                target.open(recruit, at);
            }

            @Override
            public Optional<StepRecord> find(RecruitId recruit, IntakeStep step) {
                return target.find(recruit, step);
            }

            @Override
            public List<StepRecord> steps(RecruitId recruit) {
                return target.steps(recruit);
            }

            @Override
            public void save(StepRecord record) {
                target.save(record);
                saved.accept(record);
            }

            @Override
            public List<RecruitId> unfinished(int limit) {
                return target.unfinished(limit);
            }

            @Override
            public Map<StepState, Long> countByState() {
                return target.countByState();
            }

            @Override
            public List<StepRecord> awaitingFollowUp(LocationId location, Instant now, int limit) {
                return target.awaitingFollowUp(location, now, limit);
            }

            @Override
            public Optional<Instant> nextFollowUp(LocationId location, Instant now) {
                return target.nextFollowUp(location, now);
            }

            @Override
            public Set<LocationId> locationsAwaitingFollowUp(Instant quietSince, Instant now) {
                return target.locationsAwaitingFollowUp(quietSince, now);
            }
        };
    }
}
