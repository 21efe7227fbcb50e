package io.recruitflow.adapter.persistence;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.SystemClock;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.JobType;
import io.recruitflow.domain.shared.PersonalData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link JobQueue} on db-scheduler, which is cluster-safe on PostgreSQL: its {@code scheduled_tasks} rows
 * are claimed with {@code SELECT ... FOR UPDATE SKIP LOCKED} (lock-and-fetch), so each due job runs on one
 * instance at a time.
 *
 * <ul>
 *   <li>one db-scheduler task per {@link JobType} (task name = the type), task instance id = the job id:
 *       {@link #schedule} is {@code scheduleIfNotExists}, so a job id scheduled twice runs once;</li>
 *   <li>db-scheduler priority = {@link JobPriority#weight()} (priority ordering enabled);</li>
 *   <li>{@link JobOutcome.Done} removes the job, {@link JobOutcome.RunAgainAt} reschedules the same instance,
 *       {@link JobOutcome.GiveUp} removes it and logs the reason; a job asked to run again while it ran ({@link
 *       #scheduleNoLaterThan}) is rescheduled for that time instead (column {@code run_again_at});</li>
 *   <li>an exception goes to db-scheduler's failure handling: retried with exponential backoff (1 s doubling,
 *       capped at 30 min), never dropped; a job whose instance died mid-run is revived after the missed
 *       heartbeats.</li>
 * </ul>
 *
 * <p>Scheduling works before {@link #start} (jobs wait in the table). Polling is short (100 ms by default)
 * and a due job scheduled on a started queue is claimed at once, so a new lead's first step starts well
 * within a second.
 */
final class PostgresJobQueue implements JobQueue {
    private static final Logger log = LoggerFactory.getLogger(PostgresJobQueue.class);
    /** How often a started queue looks for due jobs scheduled elsewhere. */
    public static final Duration DEFAULT_POLLING_INTERVAL = Duration.ofMillis(100);

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofMinutes(30);

    private final DataSource dataSource;
    /** Where db-scheduler itself claims, beats and ends jobs ({@link Database#bookkeepingDataSource}). */
    private final DataSource bookkeeping;

    private final Duration pollingInterval;
    private final Map<JobType, CustomTask<JobPayload>> tasks = new EnumMap<>(JobType.class);
    private final JobPayloadSerializer serializer = new JobPayloadSerializer();
    private final SchedulerClient client;
    private final org.jdbi.v3.core.Jdbi jdbi;
    private final org.jdbi.v3.core.Jdbi bookkeepingJdbi;
    private final AtomicReference<JobHandler> handler = new AtomicReference<>();
    private final Clock clock;
    private Scheduler scheduler;
    private volatile PostgresUnitOfWork unitOfWork;

    PostgresJobQueue(DataSource dataSource) {
        this(dataSource, DEFAULT_POLLING_INTERVAL);
    }

    PostgresJobQueue(DataSource dataSource, Duration pollingInterval) {
        this(dataSource, pollingInterval, new SystemClock());
    }

    /**
     * A queue whose notion of "due" follows {@code clock} rather than the system clock: for simulations
     * (the demo) where the application, GHL and the queue must share one moving clock.
     */
    public static PostgresJobQueue withClock(
            DataSource dataSource, Duration pollingInterval, io.recruitflow.domain.shared.Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new PostgresJobQueue(dataSource, dataSource, pollingInterval, clock::now);
    }

    /**
     * The queue of a started {@link Database}: jobs are scheduled (and intake jobs end) on its pool, while
     * db-scheduler's own claims, heartbeats and ends of jobs go through its {@linkplain
     * Database#bookkeepingDataSource bookkeeping pool}, whose commits do not wait for a WAL flush.
     */
    static PostgresJobQueue on(Database database, Duration pollingInterval, io.recruitflow.domain.shared.Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return new PostgresJobQueue(
                database.dataSource(), database.bookkeepingDataSource(), pollingInterval, clock::now);
    }

    /** Jobs scheduled inside one of {@code work}'s units of work are written in its transaction. */
    PostgresJobQueue joining(PostgresUnitOfWork work) {
        this.unitOfWork = Objects.requireNonNull(work, "work");
        return this;
    }

    /** With db-scheduler's clock replaced, for tests that move time. */
    PostgresJobQueue(DataSource dataSource, Duration pollingInterval, Clock clock) {
        this(dataSource, dataSource, pollingInterval, clock);
    }

    private PostgresJobQueue(DataSource dataSource, DataSource bookkeeping, Duration pollingInterval, Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.bookkeeping = Objects.requireNonNull(bookkeeping, "bookkeeping");
        this.jdbi = Database.jdbi(dataSource);
        this.bookkeepingJdbi = Database.jdbi(bookkeeping);
        this.pollingInterval = Objects.requireNonNull(pollingInterval, "pollingInterval");
        for (JobType type : JobType.values()) {
            tasks.put(
                    type,
                    Tasks.custom(type.name(), JobPayload.class)
                            .onFailure(new CappedExponentialBackoff(FIRST_RETRY, MAX_RETRY))
                            .onDeadExecutionRevive()
                            .execute((instance, context) -> run(type, instance, context)));
        }
        this.client = SchedulerClient.Builder.create(dataSource, taskList())
                .serializer(serializer)
                .enablePriority()
                .build();
    }

    @Override
    public boolean scheduleNoLaterThan(Job job) {
        PostgresUnitOfWork work = unitOfWork;
        Optional<org.jdbi.v3.core.Handle> open = work == null ? Optional.empty() : work.handle();
        boolean moved = open.isPresent()
                ? insertAll(open.get(), List.of(job), true).get(0)
                : jdbi.withHandle(h -> insertAll(h, List.of(job), true).get(0));
        if (moved && !job.runAt().isAfter(clock.now())) {
            if (open.isPresent()) {
                work.afterCommit(this::jobsAdded);
            } else {
                jobsAdded();
            }
        }
        return moved;
    }

    @Override
    public boolean schedule(Job job) {
        PostgresUnitOfWork work = unitOfWork;
        Optional<org.jdbi.v3.core.Handle> open = work == null ? Optional.empty() : work.handle();
        if (open.isPresent()) {
            // Inside a unit of work (a saga step): the job is written in its commit, with the step's outcome.
            boolean added = insertAll(open.get(), List.of(job)).get(0);
            if (added) {
                work.afterCommit(this::jobsAdded);
            }
            return added;
        }
        SchedulableInstance<JobPayload> instance = tasks.get(job.type())
                .instanceBuilder(job.key())
                .data(job.payload())
                .priority(job.rank())
                .scheduledTo(job.runAt());
        // Always on the durable pool (the scheduler's own goes through the bookkeeping one); a started queue then
        // looks for the due job at once instead of at its next poll.
        boolean added = client.scheduleIfNotExists(instance);
        if (added && !job.runAt().isAfter(clock.now())) {
            jobsAdded();
        }
        return added;
    }

    /**
     * {@link #schedule} for many jobs on the caller's handle (its transaction): rows written as db-scheduler writes
     * them ({@code picked} false, version 1, the rank as priority), in one JDBC batch; a job whose type and id are
     * scheduled already is left as it is. Returns, per job, whether it was scheduled. Once the transaction has
     * committed, {@link #jobsAdded} lets a started queue look for them at once.
     */
    List<Boolean> insertAll(org.jdbi.v3.core.Handle h, List<Job> jobs) {
        return insertAll(h, jobs, false);
    }

    /**
     * {@link #scheduleNoLaterThan}'s conflict clause. A waiting job scheduled for later is moved to the new time, one
     * ranked lower is raised to the new rank, its version bumped as db-scheduler does on every change of a row. A
     * running (claimed) one keeps its version, which db-scheduler's heartbeats and ends check, and gets the time it
     * must run again by ({@code run_again_at}, read by {@link #endOn} when the run ends). {@code ON CONFLICT DO
     * UPDATE} locks the row even when its {@code WHERE} fails, so a run's end, which takes the row's lock too, sees the
     * request or makes it wait until the end is committed, after which a removed row is inserted afresh: no request
     * falls between a run's last look and its end.
     */
    private static final String BRING_FORWARD = " ON CONFLICT (task_name, task_instance) DO UPDATE SET"
            + " execution_time = CASE WHEN scheduled_tasks.picked THEN scheduled_tasks.execution_time"
            + " ELSE LEAST(scheduled_tasks.execution_time, EXCLUDED.execution_time) END,"
            // LEAST ignores a NULL: the first request's time, or the earlier of two.
            + " run_again_at = CASE WHEN scheduled_tasks.picked"
            + " THEN LEAST(scheduled_tasks.run_again_at, EXCLUDED.execution_time)"
            + " ELSE scheduled_tasks.run_again_at END,"
            + " priority = GREATEST(scheduled_tasks.priority, EXCLUDED.priority),"
            + " version = CASE WHEN scheduled_tasks.picked THEN scheduled_tasks.version"
            + " ELSE scheduled_tasks.version + 1 END"
            + " WHERE scheduled_tasks.priority < EXCLUDED.priority OR CASE WHEN scheduled_tasks.picked"
            + " THEN scheduled_tasks.run_again_at IS NULL OR scheduled_tasks.run_again_at > EXCLUDED.execution_time"
            + " ELSE scheduled_tasks.execution_time > EXCLUDED.execution_time END";

    /**
     * {@link #insertAll}; {@code bringForward}: a job scheduled already for a later time and not running is moved to
     * the new one, and one running is asked to run again by it ({@link #BRING_FORWARD}); either counts as scheduled.
     */
    private List<Boolean> insertAll(org.jdbi.v3.core.Handle h, List<Job> jobs, boolean bringForward) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        // One statement, one row of values per job (5 parameters each: far below PostgreSQL's 65,535).
        StringBuilder sql = new StringBuilder("INSERT INTO scheduled_tasks (task_name, task_instance, task_data, "
                + "execution_time, picked, version, priority) VALUES ");
        for (int i = 0; i < jobs.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, false, 1, CAST(? AS smallint))");
        }
        sql.append(bringForward ? BRING_FORWARD : " ON CONFLICT (task_name, task_instance) DO NOTHING")
                .append(" RETURNING task_name, task_instance");
        org.jdbi.v3.core.statement.Query insert = h.createQuery(sql.toString());
        int p = 0;
        for (Job job : jobs) {
            insert.bind(p++, job.type().name())
                    .bind(p++, job.key())
                    .bind(p++, serializer.serialize(job.payload()))
                    .bind(p++, java.sql.Timestamp.from(job.runAt()))
                    .bind(p++, job.rank());
        }
        java.util.Set<String> inserted = new java.util.HashSet<>(
                insert.map((rs, ctx) -> rs.getString(1) + "/" + rs.getString(2)).list());
        List<Boolean> scheduled = new ArrayList<>(jobs.size());
        for (Job job : jobs) {
            scheduled.add(inserted.contains(job.type().name() + "/" + job.key()));
        }
        return scheduled;
    }

    /** Jobs were written by {@link #insertAll}: a started queue claims the due ones now instead of at its next poll. */
    void jobsAdded() {
        Scheduler running;
        synchronized (this) {
            running = scheduler;
        }
        if (running != null) {
            running.triggerCheckForDueExecutions();
        }
    }

    /**
     * Releases the jobs a dead instance had claimed, so they run now instead of after db-scheduler's
     * missed-heartbeat limit (a minute). Only for a start when no other instance can be running: the
     * embedded database's data directory is locked to this process. Returns how many were released.
     */
    public int releaseClaims() {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement update = c.prepareStatement("UPDATE scheduled_tasks SET picked = false, "
                        + "picked_by = NULL, last_heartbeat = NULL, version = version + 1 WHERE picked")) {
            return update.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not release claimed jobs: " + e.getMessage(), e);
        }
    }

    /**
     * Starts running due jobs on {@code threads} worker threads, handing each to {@code jobHandler}.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start(JobHandler jobHandler, int threads) {
        Objects.requireNonNull(jobHandler, "jobHandler");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive");
        }
        if (scheduler != null) {
            throw new IllegalStateException("the job queue is already started");
        }
        handler.set(jobHandler);
        SchedulerBuilder builder = new SchedulerBuilder(bookkeeping, taskList()) {
            {
                this.clock = PostgresJobQueue.this.clock; // no public setter in 15.x
            }
        };
        scheduler = builder.schedulerName(new SchedulerName.Fixed(
                        "recruitflow-" + UUID.randomUUID().toString().substring(0, 8)))
                .serializer(serializer)
                .threads(threads)
                .pollingInterval(pollingInterval)
                // One statement claims (UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING), in priority order, as
                // many due jobs as there are idle threads, again after every job that ends: no more than
                // `threads` in hand. A batch of 3x threads held ahead made a quiet location's new lead wait behind
                // two batches of a busy location's backlog, whose jobs each wait for that location's GHL budget
                // (LocationFairnessTest: p95 2.2 s; in hand only what runs: 0.6 s).
                .pollUsingLockAndFetch(0.99, 1.0)
                .enablePriority()
                .enableImmediateExecution()
                // A crashed instance's claimed jobs are revived after 6 missed heartbeats: one minute.
                .heartbeatInterval(Duration.ofSeconds(10))
                .missedHeartbeatsLimit(6)
                // stop() drains in-flight jobs itself (pause, then wait); what remains is left to revival.
                .shutdownMaxWait(Duration.ofSeconds(1))
                // Our failure handler logs one line per failure; db-scheduler's stack trace goes to DEBUG.
                .failureLogging(LogLevel.DEBUG, true)
                .build();
        scheduler.start();
        log.info("job queue started with {} threads, polling every {} ms", threads, pollingInterval.toMillis());
    }

    /**
     * Stops claiming jobs, waits up to {@code grace} for running jobs to finish, then stops. A job still
     * running after that stays claimed and is revived (run again) by a live instance after the heartbeat
     * timeout — handlers must be idempotent, as they are. Returns whether every running job finished.
     */
    public boolean stop(Duration grace) {
        Scheduler running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running == null) {
            return true;
        }
        running.pause();
        Instant deadline = Instant.now().plus(grace);
        boolean drained = running.getCurrentlyExecuting().isEmpty();
        while (!drained && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            drained = running.getCurrentlyExecuting().isEmpty();
        }
        running.stop();
        handler.set(null);
        log.info("job queue stopped{}", drained ? "" : "; unfinished jobs will be revived");
        return drained;
    }

    /** Asks a started queue to look for due jobs now (tests). */
    synchronized void triggerCheck() {
        if (scheduler != null) {
            scheduler.triggerCheckForDueExecutions();
        }
    }

    private CompletionHandler<JobPayload> run(
            JobType type, TaskInstance<JobPayload> instance, ExecutionContext context) {
        JobHandler current = handler.get();
        if (current == null) {
            throw new IllegalStateException(
                    "job queue is stopping; job " + type + "/" + instance.getId() + " will run later");
        }
        JobPayload payload = instance.getData();
        if (payload == null || payload.type() != type || !payload.key().equals(instance.getId())) {
            // Only a hand-made row can get here (V7 gave every older job its payload): keep it for an operator.
            throw new IllegalStateException("job " + type + "/" + instance.getId() + " has no matching payload");
        }
        Job job = new Job(payload, context.getExecution().getExecutionTime(), priorityOf(instance.getPriority()));
        PostgresUnitOfWork work = unitOfWork;
        java.util.concurrent.atomic.AtomicBoolean endedInTheUnit = new java.util.concurrent.atomic.AtomicBoolean();
        JobOutcome outcome = work != null && type.runsInOneUnitOfWork()
                ? work.inOne(() -> endInTheUnit(work, current.run(job), context.getExecution(), endedInTheUnit))
                : current.run(job);
        Objects.requireNonNull(outcome, "job handler returned null");
        if (outcome instanceof JobOutcome.GiveUp giveUp) {
            log.warn("job {}/{} gave up: {}", type, instance.getId(), PersonalData.mask(giveUp.reason()));
        }
        if (endedInTheUnit.get()) {
            return (complete, ops) -> {}; // completed in the unit's commit
        }
        // Ended as db-scheduler would (its removal or reschedule, on its bookkeeping pool), but reading run_again_at.
        return (complete, ops) -> {
            if (bookkeepingJdbi.withHandle(h -> endOn(h, complete.getExecution(), outcome))) {
                jobsAdded();
            }
        };
    }

    /**
     * The end of a job whose handler is one unit of work ({@code JobType#runsInOneUnitOfWork}), run inside that unit:
     * its removal, or its next run, is written in the unit's last commit, as db-scheduler would have in a transaction
     * of its own — one commit fewer per job, and the outcome and the job's end are durable together (a crash can no
     * longer leave a settled job scheduled, to be run again for nothing). When the handler throws, both roll back
     * and db-scheduler's failure handling reschedules the job as before. A run that wrote nothing is left to end as
     * other jobs do, through db-scheduler's bookkeeping, whose commit needs no flush; {@code ended} says which.
     */
    private JobOutcome endInTheUnit(
            PostgresUnitOfWork work,
            JobOutcome outcome,
            Execution execution,
            java.util.concurrent.atomic.AtomicBoolean ended) {
        Objects.requireNonNull(outcome, "job handler returned null"); // inside the unit: its writes roll back
        if (!work.wroteSinceCommit()) {
            return outcome;
        }
        if (endOn(work.handle().orElseThrow(), execution, outcome)) {
            work.afterCommit(this::jobsAdded);
        }
        ended.set(true);
        return outcome;
    }

    /**
     * Ends a run on {@code h} by its {@code outcome}, as db-scheduler ends a one-time execution: removed when done
     * (or given up), else released and rescheduled for the outcome's time (failures reset), in both cases only while
     * the row is still the run's own version. A request to run again made during the run ({@code run_again_at},
     * {@link #BRING_FORWARD}) comes first: a done run is rescheduled for it instead of removed, a later time is moved
     * to it. Returns whether the job is now due.
     */
    private boolean endOn(org.jdbi.v3.core.Handle h, Execution execution, JobOutcome outcome) {
        Optional<Instant> next =
                outcome instanceof JobOutcome.RunAgainAt again ? Optional.of(again.at()) : Optional.empty();
        if (next.isEmpty()) {
            int removed = h.createUpdate("DELETE FROM scheduled_tasks WHERE task_name = :name AND task_instance = :id"
                            + " AND version = :version AND run_again_at IS NULL")
                    .bind("name", execution.taskInstance.getTaskName())
                    .bind("id", execution.taskInstance.getId())
                    .bind("version", execution.version)
                    .execute();
            if (removed == 1) {
                return false;
            }
        }
        // Rescheduled: for next, or for the time asked while it ran, whichever is first (LEAST ignores a NULL); a done
        // run gets here only when it was asked to run again.
        Optional<Instant> at = h.createQuery("UPDATE scheduled_tasks SET picked = false, picked_by = NULL,"
                        + " last_heartbeat = NULL, last_success = :now, consecutive_failures = 0,"
                        + " execution_time = LEAST(CAST(:next AS timestamptz), run_again_at), run_again_at = NULL,"
                        + " version = version + 1"
                        + " WHERE task_name = :name AND task_instance = :id AND version = :version"
                        + (next.isEmpty() ? " AND run_again_at IS NOT NULL" : "")
                        + " RETURNING execution_time")
                .bind("now", java.sql.Timestamp.from(clock.now()))
                .bind("next", next.map(java.sql.Timestamp::from).orElse(null))
                .bind("name", execution.taskInstance.getTaskName())
                .bind("id", execution.taskInstance.getId())
                .bind("version", execution.version)
                .mapTo(java.sql.Timestamp.class)
                .findOne()
                .map(java.sql.Timestamp::toInstant);
        if (at.isEmpty()) {
            // The row changed under us (revived by another instance after missed heartbeats, or released at a
            // restart): it is that run's to complete, as db-scheduler's own completion would have found.
            log.warn(
                    "job {}/{} was taken over while it ran; left to its new run",
                    execution.taskInstance.getTaskName(),
                    execution.taskInstance.getId());
            return false;
        }
        return !at.get().isAfter(clock.now());
    }

    static JobPriority priorityOf(int rank) {
        return JobPriority.ofRank(rank);
    }

    private List<Task<?>> taskList() {
        return new ArrayList<>(tasks.values());
    }

    /** Exponential backoff that stops growing at {@code max}: a failing job is retried forever, never dropped. */
    static final class CappedExponentialBackoff implements FailureHandler<JobPayload> {
        private final Duration first;
        private final Duration max;

        CappedExponentialBackoff(Duration first, Duration max) {
            this.first = first;
            this.max = max;
        }

        static Duration delay(Duration first, Duration max, int consecutiveFailures) {
            int doublings = Math.min(Math.max(consecutiveFailures, 0), 30);
            Duration d = first.multipliedBy(1L << doublings);
            return d.compareTo(max) > 0 ? max : d;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<JobPayload> ops) {
            int failures = complete.getExecution().consecutiveFailures; // before this one
            Instant next = complete.getTimeDone().plus(delay(first, max, failures));
            log.warn(
                    "job {}/{} failed ({} in a row): {}; retrying at {}",
                    complete.getExecution().getTaskName(),
                    complete.getExecution().getId(),
                    failures + 1,
                    complete.getCause()
                            .map(c -> c.getClass().getSimpleName() + ": " + PersonalData.mask(c.getMessage()))
                            .orElse("?"),
                    next);
            ops.reschedule(complete, next);
        }
    }
}
