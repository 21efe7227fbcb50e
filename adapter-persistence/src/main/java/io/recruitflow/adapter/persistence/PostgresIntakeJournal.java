package io.recruitflow.adapter.persistence;

import static io.recruitflow.adapter.persistence.Rows.instant;
import static io.recruitflow.adapter.persistence.Rows.optionalInstant;
import static io.recruitflow.adapter.persistence.Rows.optionalString;
import static io.recruitflow.adapter.persistence.Rows.ts;

import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.LocationId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link IntakeJournal} on PostgreSQL: one row per recruit and step, in {@code intake_steps}. */
final class PostgresIntakeJournal implements IntakeJournal {
    private static final String SETTLED = "('DONE', 'SKIPPED', 'FAILED')";

    private final Jdbi jdbi;

    PostgresIntakeJournal(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    private static final String OPEN = """
            INSERT INTO intake_steps (recruit_id, step, step_order, state, attempts, opened_at, updated_at)
            VALUES (:recruit, :step, :order, 'PENDING', 0, :at, :at)
            ON CONFLICT (recruit_id, step) DO NOTHING
            """;

    @Override
    public void open(RecruitId recruit, Instant at) {
        jdbi.useTransaction(h -> openAll(h, List.of(recruit), at));
    }

    /**
     * {@link #open} for many recruits on the caller's handle (its transaction): one statement, every step of every
     * recruit from two arrays. A step already there is not even tried: an open of a recruit whose steps exist (every
     * job of its saga opens it again) writes nothing, so the job's transaction gets no id and costs no commit.
     */
    static void openAll(Handle h, List<RecruitId> recruits, Instant at) {
        if (recruits.isEmpty()) {
            return;
        }
        IntakeStep[] steps = IntakeStep.values();
        h.createUpdate("""
                        INSERT INTO intake_steps (recruit_id, step, step_order, state, attempts, opened_at, updated_at)
                        SELECT r.id, s.step, s.step_order, 'PENDING', 0, :at, :at
                          FROM unnest(CAST(:recruits AS uuid[])) AS r(id)
                         CROSS JOIN unnest(CAST(:steps AS text[]), CAST(:orders AS int[])) AS s(step, step_order)
                         WHERE NOT EXISTS (
                               SELECT 1 FROM intake_steps e WHERE e.recruit_id = r.id AND e.step = s.step)
                        ON CONFLICT (recruit_id, step) DO NOTHING
                        """)
                .bind("recruits", recruits.stream().map(RecruitId::value).toArray(UUID[]::new))
                .bind(
                        "steps",
                        java.util.Arrays.stream(steps).map(IntakeStep::name).toArray(String[]::new))
                .bind(
                        "orders",
                        java.util.Arrays.stream(steps)
                                .mapToInt(IntakeStep::ordinal)
                                .boxed()
                                .toArray(Integer[]::new))
                .bind("at", ts(at))
                .execute();
    }

    @Override
    public Optional<StepRecord> find(RecruitId recruit, IntakeStep step) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM intake_steps WHERE recruit_id = :recruit AND step = :step")
                        .bind("recruit", recruit.value())
                        .bind("step", step.name())
                        .map((rs, ctx) -> map(rs))
                        .findOne());
    }

    @Override
    public List<StepRecord> steps(RecruitId recruit) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT * FROM intake_steps WHERE recruit_id = :recruit ORDER BY step_order")
                        .bind("recruit", recruit.value())
                        .map((rs, ctx) -> map(rs))
                        .list());
    }

    @Override
    public void save(StepRecord record) {
        // A step saved before open() is kept too; open() then adds only the missing steps.
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO intake_steps (recruit_id, step, step_order, state, attempts, ref, detail, not_before,
                            opened_at, updated_at)
                        VALUES (:recruit, :step, :order, :state, :attempts, :ref, :detail, :notBefore, :updatedAt,
                            :updatedAt)
                        ON CONFLICT (recruit_id, step) DO UPDATE SET state = excluded.state,
                            attempts = excluded.attempts, ref = excluded.ref, detail = excluded.detail,
                            not_before = excluded.not_before, updated_at = excluded.updated_at
                        """)
                .bind("recruit", record.recruit().value())
                .bind("step", record.step().name())
                .bind("order", record.step().ordinal())
                .bind("state", record.state().name())
                .bind("attempts", record.attempts())
                .bind("ref", record.ref().orElse(null))
                .bind("detail", record.detail().orElse(null))
                .bind("notBefore", ts(record.notBefore()))
                .bind("updatedAt", ts(record.updatedAt()))
                .execute());
    }

    @Override
    public List<RecruitId> unfinished(int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT recruit_id FROM intake_steps
                         WHERE state NOT IN """ + SETTLED + """

                         GROUP BY recruit_id
                         ORDER BY min(opened_at), recruit_id
                         LIMIT :limit
                        """)
                .bind("limit", limit)
                .map((rs, ctx) -> new RecruitId(rs.getObject(1, UUID.class)))
                .list());
    }

    /**
     * The enrollments that are not settled, of recruits whose first phase waits on nothing (the follow-ups a
     * location's enrollment batch takes up), with the recruit's location: {@code e} is the enrollment's row, {@code
     * r} the recruit's. The partial index {@code intake_steps_open_enrollments} (V27) holds exactly these rows' keys.
     */
    private static final String OPEN_FOLLOW_UPS = """
            FROM intake_steps e
            JOIN recruits r ON r.id = e.recruit_id
           WHERE e.step = 'ENROLL_WORKFLOW'
             AND e.state NOT IN ('DONE', 'SKIPPED', 'FAILED')
             AND NOT EXISTS (
                 SELECT 1 FROM intake_steps f
                  WHERE f.recruit_id = e.recruit_id
                    AND f.step IN ('UPSERT_CONTACT', 'SEND_INTRO', 'CREATE_OPPORTUNITY')
                    AND f.state NOT IN ('DONE', 'SKIPPED', 'FAILED', 'DEFERRED'))
           """;

    @Override
    public List<StepRecord> awaitingFollowUp(LocationId location, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT e.* " + OPEN_FOLLOW_UPS + """
                          AND r.location_id = :location
                          AND (e.not_before IS NULL OR e.not_before <= :now)
                        ORDER BY e.opened_at, e.recruit_id
                        LIMIT :limit
                        """)
                .bind("location", location.value())
                .bind("now", ts(now))
                .bind("limit", limit)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public Optional<Instant> nextFollowUp(LocationId location, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT min(e.not_before) AS next " + OPEN_FOLLOW_UPS + """
                          AND r.location_id = :location
                          AND e.not_before > :now
                        """)
                .bind("location", location.value())
                .bind("now", ts(now))
                .map((rs, ctx) -> optionalInstant(rs, "next"))
                .one());
    }

    @Override
    public Set<LocationId> locationsAwaitingFollowUp(Instant quietSince, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT r.location_id " + OPEN_FOLLOW_UPS + """
                          AND (e.not_before IS NULL OR e.not_before <= :now)
                          AND NOT EXISTS (
                              SELECT 1 FROM intake_steps q
                               WHERE q.recruit_id = e.recruit_id AND q.updated_at > :quietSince)
                        """)
                .bind("quietSince", ts(quietSince))
                .bind("now", ts(now))
                .map((rs, ctx) -> new LocationId(rs.getString(1)))
                .collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public Map<StepState, Long> countByState() {
        return Rows.countsBy(
                jdbi, StepState.class, "SELECT state, count(*) FROM intake_steps GROUP BY state", Optional.empty());
    }

    private static StepRecord map(ResultSet rs) throws SQLException {
        return new StepRecord(
                new RecruitId(rs.getObject("recruit_id", UUID.class)),
                IntakeStep.valueOf(rs.getString("step")),
                StepState.valueOf(rs.getString("state")),
                rs.getInt("attempts"),
                optionalString(rs, "ref"),
                optionalString(rs, "detail"),
                optionalInstant(rs, "not_before"),
                instant(rs, "updated_at"));
    }
}
