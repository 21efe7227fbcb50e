package io.recruitflow.adapter.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.application.declareemergency.DeclareEmergencyUseCase;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.jobs.DailyReserve;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.port.CallBudget;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.port.Installations;
import io.recruitflow.application.port.PendingInstalls;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.recruitingreport.RecruitingReportUseCase;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.routing.ReassignRecruitUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The HTTP server — GHL webhooks, the OAuth install flow, the admin API and dashboard, health and metrics —
 * built from a {@link WebhookConfig} and served on its port. The server starts with the module's injector
 * (its lifecycle) and stops gracefully with it ({@link WebhookServer#stop}).
 *
 * <p>Binds {@link WebhookServer} and the {@link AdminServices} its admin API calls. Needs the use cases, the
 * {@link EventInbox}, the {@link PendingInstalls} of the install flow (the stores' module binds it), a {@link Clock},
 * {@link GhlAuthorization} and {@link TokenStore} (OAuth), and {@link RecruitflowMetrics} (see
 * {@link MetricsModule}). What it shows or tells of the rest has a default that another module may set with
 * {@link OptionalBinder#setBinding()}: the {@link ReadinessCheck} (always ready), the {@link InboxListener}
 * (nobody; the dispatcher's sweep finds stored events anyway) and the dashboard's {@link RateBudgets} (none).
 */
public final class WebhookModule extends AbstractModule {
    /** How long a stop lets in-flight webhooks finish and queued events commit. */
    static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final WebhookConfig config;
    private final Optional<LocationId> defaultLocation;

    /** @param defaultLocation serves admin requests that name no location (a single-location set-up) */
    public WebhookModule(WebhookConfig config, Optional<LocationId> defaultLocation) {
        this.config = Objects.requireNonNull(config, "config");
        this.defaultLocation = Objects.requireNonNull(defaultLocation, "defaultLocation");
    }

    @Override
    protected void configure() {
        bind(WebhookConfig.class).toInstance(config);
        OptionalBinder.newOptionalBinder(binder(), ReadinessCheck.class)
                .setDefault()
                .toInstance(ReadinessCheck.alwaysReady());
        // Bound by the application's module: then the outbound events' admin routes and metrics are served.
        OptionalBinder.newOptionalBinder(binder(), OutboundDispatcher.class);
        OptionalBinder.newOptionalBinder(binder(), InboxListener.class)
                .setDefault()
                .toInstance(InboxListener.none());
    }

    @Provides
    @Singleton
    AdminServices adminServices(
            IntakeRecruitUseCase intake,
            ImportLeadsUseCase imports,
            ViewRecruitUseCase recruits,
            SchedulePresentationUseCase presentations,
            RecruitingFunnelUseCase funnel,
            EventInbox inbox,
            ReviewRepliesUseCase replies,
            DeclareEmergencyUseCase emergencies,
            ReassignRecruitUseCase assignments) {
        return new AdminServices(
                intake,
                imports,
                recruits,
                presentations,
                funnel,
                inbox,
                defaultLocation,
                replies,
                emergencies,
                assignments);
    }

    @Provides
    @Singleton
    WebhookServer server(
            WebhookConfig config,
            EventInbox inbox,
            InboxListener listener,
            Clock clock,
            RecruitflowMetrics metrics,
            ReadinessCheck readiness,
            Installations installations,
            PendingInstalls states,
            AdminServices admin,
            RecruitingReportUseCase report,
            CallBudgets budgets,
            DailyReserve reserve,
            SuspendedLocations suspended,
            Optional<OutboundDispatcher> outbound,
            io.recruitflow.application.stalls.StalledRecruits stalls) {
        WebhookServer.Builder builder = WebhookServer.builder(config);
        outbound.ifPresent(builder::outbound);
        return builder.inbox(inbox)
                .inboxListener(listener)
                .clock(clock)
                .metrics(metrics)
                .readiness(readiness)
                .oauth(installations, states)
                .admin(admin)
                .report(report)
                .rateBudgets(() -> shownBudgets(budgets))
                .followUpsDeferred(b -> reserve.followUpsDeferredUntil(b, clock.now()))
                .suspensions(suspended::all)
                .stalls(stalls::now)
                .build();
    }

    /**
     * The dashboard's rate-limit headroom: every location GHL declared a budget for, and the configured default
     * location even before GHL's first answer. Reads what the GHL client already knows; makes no GHL call.
     */
    private Map<String, Optional<CallBudget>> shownBudgets(CallBudgets budgets) {
        Map<String, Optional<CallBudget>> shown = new TreeMap<>();
        defaultLocation.ifPresent(l -> shown.put(l.value(), budgets.of(l)));
        budgets.known().forEach((location, budget) -> shown.put(location.value(), Optional.of(budget)));
        return shown;
    }

    @Provides
    @Singleton
    Serving serving(WebhookServer server) {
        return new Serving(server);
    }

    /** The server as a part of the lifecycle: binds the configured port at start, stops gracefully. */
    static final class Serving {
        private final WebhookServer server;

        Serving(WebhookServer server) {
            this.server = server;
        }

        @PostConstruct
        void start() {
            server.start();
        }

        @PreDestroy
        void stop() {
            server.stop(STOP_GRACE);
        }
    }
}
