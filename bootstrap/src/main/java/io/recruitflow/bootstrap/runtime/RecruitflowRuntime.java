package io.recruitflow.bootstrap.runtime;

import com.google.inject.Injector;
import com.google.inject.Module;
import io.recruitflow.adapter.ghl.GhlClient;
import io.recruitflow.adapter.ghl.GhlRestModule;
import io.recruitflow.adapter.ghl.webhook.WebhookDecodingModule;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.adapter.persistence.PersistenceModule;
import io.recruitflow.adapter.webhook.MetricsModule;
import io.recruitflow.adapter.webhook.OutboundEventsModule;
import io.recruitflow.adapter.webhook.WebhookModule;
import io.recruitflow.adapter.webhook.WebhookServer;
import io.recruitflow.bootstrap.config.RecruitflowConfig;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.ClockModule;
import io.recruitflow.bootstrap.wiring.EventTapsModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.bootstrap.wiring.RoutingModule;
import io.recruitflow.domain.shared.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recruitflow on its real adapters: PostgreSQL (embedded unless configured), the GHL REST client, the durable
 * job queue and, for {@code serve}, the HTTP server. It composes the adapters' modules and nothing else; each
 * module builds its objects from its part of the {@link RecruitflowConfig}, and the injector's
 * {@link Lifecycle} starts what needs starting in dependency order and {@link #close()} stops it in reverse.
 *
 * <p>Three parts, started in turn: {@link #open} the core (database, GHL client, use cases), then, as the
 * process needs them, the job workers ({@link #startJobs()}) and the HTTP server ({@link #startHttp()}), each a
 * child injector of the core that joins its lifecycle.
 */
public final class RecruitflowRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RecruitflowRuntime.class);

    private final RecruitflowConfig config;
    private final Injector injector;
    private Injector jobs;
    private Injector http;

    private RecruitflowRuntime(RecruitflowConfig config, Clock clock, List<Module> extensions) {
        this.config = config;
        if (config.quietHoursOff()) {
            LOG.warn(
                    "RECRUITFLOW_COMPLIANCE_QUIET_HOURS=off: texts go out at any hour. Use this for sandbox runs only.");
        }
        config.complianceNotices().forEach(notice -> LOG.warn("{}", notice));
        config.nurtureNotices().forEach(notice -> LOG.warn("{}", notice));
        config.recruiting()
                .introSms()
                .firstTextConcerns()
                .forEach(concern ->
                        LOG.warn("RECRUITFLOW_INTRO_SMS {}: check the template before texting recruits", concern));
        config.replies()
                .concerns()
                .forEach(concern -> LOG.warn("Replies: {}: check the setting before texting recruits", concern));
        if (!config.replies().confirmOptOut()) {
            LOG.warn("RECRUITFLOW_OPTOUT_CONFIRMATION=false: opt-outs are not confirmed by text.");
        }
        // Several instances can share an external database, so there the GHL budget of each location is
        // shared through it too. An embedded database has one instance (its data directory is locked),
        // which the in-process limiter serves closer to GHL's limit.
        GhlRestModule ghl = config.database().embedded()
                ? new GhlRestModule(config.ghl())
                : new GhlRestModule(config.ghl()).sharingRateBudget();
        List<Module> modules = new ArrayList<>(List.of(
                new ClockModule(clock),
                new MetricsModule(config.webhook().metricsLocationLabels()),
                new MeteringModule(ghl, new EventTapsModule(new PersistenceModule(config.database()))),
                new OutboundEventsModule(config.subscriptions()),
                new LeadFileModule(config.leadFile()),
                new WebhookDecodingModule(config.ghl().clientId()),
                new ApplicationModule(config.recruiting(), config.replies(), config.dailyReserve(), config.nurture())
                        .withFollowThrough(config.presentations(), config.stalls()),
                new RoutingModule(config.routing())));
        modules.addAll(extensions);
        injector = Injectors.create(modules.toArray(Module[]::new));
    }

    /**
     * Starts the database and the GHL client; no job runs until {@link #startJobs()}.
     *
     * @param extensions extra Guice modules, e.g. an extension's use cases and {@code GhlEventListener}s
     */
    public static RecruitflowRuntime open(RecruitflowConfig config, Clock clock, Module... extensions) {
        return new RecruitflowRuntime(config, clock, List.of(extensions));
    }

    /**
     * Starts the job workers (after releasing what a killed process had claimed, in embedded mode), wakes the
     * inbox sweep and resumes every intake a crash left unfinished.
     */
    public synchronized RecruitflowRuntime startJobs() {
        if (jobs == null) {
            jobs = Injectors.child(injector, PersistenceModule.jobWorkers(config.jobThreads()), new Work.WorkModule());
        }
        return this;
    }

    /**
     * Starts the HTTP server (webhooks, OAuth, admin API, dashboard, health, metrics) on the configured port;
     * returns the bound port.
     */
    public synchronized int startHttp() {
        if (http == null) {
            http = Injectors.child(
                    injector, new WebhookModule(config.webhook(), config.defaultLocation()), new ServerBridgeModule());
        }
        return http.getInstance(WebhookServer.class).port();
    }

    /** The core's injector: the use cases and the ports, for embedders and tests. */
    public Injector injector() {
        return injector;
    }

    public GhlClient ghl() {
        return injector.getInstance(GhlClient.class);
    }

    public RecruitflowConfig config() {
        return config;
    }

    /** Stops in reverse order of start: what was started last first, the database last. */
    @Override
    public synchronized void close() {
        injector.getInstance(Lifecycle.class).stop();
    }
}
