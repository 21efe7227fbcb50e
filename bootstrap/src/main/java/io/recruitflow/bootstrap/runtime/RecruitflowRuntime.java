package io.recruitflow.bootstrap.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import io.recruitflow.adapter.ghl.GhlClient;
import io.recruitflow.adapter.ghl.PermitSource;
import io.recruitflow.adapter.ghl.ratelimit.PostgresPermitSource;
import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.adapter.persistence.PostgresIntakeJournal;
import io.recruitflow.adapter.persistence.PostgresJobQueue;
import io.recruitflow.adapter.persistence.PostgresMessageLog;
import io.recruitflow.adapter.webhook.AdminServices;
import io.recruitflow.adapter.webhook.InMemoryOAuthStateStore;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.adapter.webhook.WebhookServer;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.jobs.RecruitflowJobs;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.JobType;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.GhlRestModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.LeadFileModule;
import io.recruitflow.bootstrap.wiring.PersistenceModule;
import io.recruitflow.bootstrap.wiring.WebhookDecodingModule;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.GhlAuthorization;
import io.recruitflow.domain.shared.TokenOwner;
import io.recruitflow.domain.shared.TokenStore;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recruitflow on its real adapters: PostgreSQL (embedded unless configured), the GHL REST client, the
 * durable job queue and, for {@code serve}, the HTTP server. Starts its parts in order and stops them in
 * reverse order.
 */
public final class RecruitflowRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecruitflowRuntime.class);
    static final Duration JOB_POLLING = Duration.ofMillis(100);

    private final RecruitflowConfig config;
    private final Clock clock;
    private final Database database;
    private final GhlClient ghl;
    private final PostgresJobQueue jobs;
    private final TokenStore tokens;
    private final Injector injector;
    private final RecruitflowMetrics metrics = RecruitflowMetrics.create();
    private final Deque<AutoCloseable> stopOrder = new ArrayDeque<>();
    private WebhookServer server;
    private boolean jobsRunning;

    private RecruitflowRuntime(RecruitflowConfig config, Clock clock, List<Module> extensions) {
        this.config = config;
        this.clock = clock;
        if (config.quietHoursOff()) {
            LOG.warn(
                    "RECRUITFLOW_COMPLIANCE_QUIET_HOURS=off: texts go out at any hour. Use this for sandbox runs only.");
        }
        try {
            database = Database.start(config.database());
            stopOrder.push(database);
            tokens = PersistenceModule.tokenStore(database);
            // Several instances can share an external database, so there the GHL budget of each location is
            // shared through it too. An embedded database has one instance (its data directory is locked),
            // which the in-process limiter serves closer to GHL's limit.
            PermitSource permits = config.database().embedded()
                    ? GhlClient.defaultPermitSource(config.ghl())
                    : PostgresPermitSource.forClient(database.dataSource(), config.ghl());
            ghl = GhlClient.create(config.ghl(), tokens, clock, permits);
            stopOrder.push(ghl::close);
            // The queue's "due" follows the same clock as everything else (the system's, or the demo's).
            jobs = PostgresJobQueue.withClock(database.dataSource(), JOB_POLLING, clock);
            IntakeJournal meteredJournal = Metering.journal(new PostgresIntakeJournal(database.jdbi()), metrics);
            Module persistence = Modules.override(new PersistenceModule(database, jobs, tokens))
                    .with(new AbstractModule() {
                        @Override
                        protected void configure() {
                            bind(IntakeJournal.class).toInstance(meteredJournal);
                        }
                    });
            List<Module> modules = new ArrayList<>(List.of(
                    new ClockModule(clock),
                    persistence,
                    new GhlRestModule(ghl, new GhlRestModule.PortDecorator() {
                        @Override
                        public <T> T decorate(Class<T> port, T implementation) {
                            return Metering.ghlPort(port, implementation, metrics);
                        }
                    }),
                    new LeadFileModule(config.extraColumns()),
                    new WebhookDecodingModule(),
                    new ApplicationModule(config.recruiting())));
            modules.addAll(extensions);
            injector = Injectors.create(modules.toArray(Module[]::new));
            config.defaultLocation()
                    .ifPresent(location -> metrics.rateLimitHeadroom(
                            location.value(), () -> ghl.rateBudget(TokenOwner.location(location))));
        } catch (RuntimeException e) {
            close(); // stop whatever had started (the database above all) before failing
            throw e;
        }
    }

    /**
     * Starts the database and the GHL client; no job runs until {@link #startJobs()}.
     *
     * @param extensions extra Guice modules, e.g. an extension's use cases and {@code GhlEventListener}s
     */
    public static RecruitflowRuntime open(RecruitflowConfig config, Clock clock, Module... extensions) {
        return new RecruitflowRuntime(config, clock, List.of(extensions));
    }

    /** Starts the job workers, the inbox sweep, and resumes every intake a crash left unfinished. */
    public synchronized RecruitflowRuntime startJobs() {
        if (jobsRunning) {
            return this;
        }
        if (database.embedded()) {
            // The embedded database's data directory is locked to this process, so whatever a previous
            // process had claimed or was sending died with it: resume it now, not after the one-minute guards.
            int released = jobs.releaseClaims();
            int interrupted = new PostgresMessageLog(database.jdbi()).interruptInFlight(clock.now());
            if (released + interrupted > 0) {
                LOG.info(
                        "after an unclean stop: released {} claimed job(s), {} interrupted send(s) to reconcile",
                        released,
                        interrupted);
            }
        }
        jobs.start(injector.getInstance(JobHandler.class), config.jobThreads());
        jobsRunning = true;
        stopOrder.push(() -> jobs.stop(Duration.ofSeconds(20)));
        wakeInboxSweep();
        int resumed = injector.getInstance(IntakeSaga.class).resumeUnfinished(100_000);
        if (resumed > 0) {
            LOG.info("resumed {} unfinished intake(s)", resumed);
        }
        return this;
    }

    /** Starts the HTTP server (webhooks, OAuth, admin API, dashboard, health, metrics) on the configured port. */
    public synchronized int startHttp() {
        EventInbox inbox = injector.getInstance(EventInbox.class);
        server = WebhookServer.builder(config.webhook())
                .inbox(inbox)
                .inboxListener(events -> wakeInboxSweep())
                .clock(clock)
                .metrics(metrics)
                .readiness(this::databaseAnswers)
                .oauth(injector.getInstance(GhlAuthorization.class), tokens, new InMemoryOAuthStateStore(clock))
                .admin(new AdminServices(
                        injector.getInstance(IntakeRecruitUseCase.class),
                        injector.getInstance(ImportLeadsUseCase.class),
                        injector.getInstance(ViewRecruitUseCase.class),
                        injector.getInstance(SchedulePresentationUseCase.class),
                        injector.getInstance(RecruitingFunnelUseCase.class),
                        inbox,
                        config.defaultLocation()))
                // The dashboard's headroom: what the GHL client last heard for the configured location (no GHL call).
                .rateBudgets(() -> config.defaultLocation()
                        .map(l -> Map.of(l.value(), ghl.rateBudget(TokenOwner.location(l))))
                        .orElse(Map.of()))
                .build();
        int port = server.start(config.webhook().port());
        stopOrder.push(() -> server.stop(Duration.ofSeconds(5)));
        return port;
    }

    private void wakeInboxSweep() {
        injector.getInstance(JobQueue.class)
                .schedule(
                        new Job(JobType.INBOX_DISPATCH, RecruitflowJobs.INBOX_SWEEP, clock.now(), JobPriority.EVENTS));
    }

    private boolean databaseAnswers() throws Exception {
        try (Connection c = database.dataSource().getConnection()) {
            return c.isValid(2);
        }
    }

    public Injector injector() {
        return injector;
    }

    public GhlClient ghl() {
        return ghl;
    }

    public RecruitflowConfig config() {
        return config;
    }

    /** Stops in reverse order of start: HTTP, jobs (letting in-flight work finish), GHL client, database. */
    @Override
    public synchronized void close() {
        while (!stopOrder.isEmpty()) {
            try {
                stopOrder.pop().close();
            } catch (Exception e) {
                LOG.warn("while stopping: {}", e.toString());
            }
        }
    }
}
