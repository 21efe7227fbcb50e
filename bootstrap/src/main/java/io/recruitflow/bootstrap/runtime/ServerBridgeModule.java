package io.recruitflow.bootstrap.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Key;
import com.google.inject.Provides;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.name.Names;
import io.recruitflow.adapter.ghl.GhlClient;
import io.recruitflow.adapter.persistence.Database;
import io.recruitflow.adapter.webhook.InboxListener;
import io.recruitflow.adapter.webhook.ReadinessCheck;
import io.recruitflow.adapter.webhook.RecruitflowMetrics;
import io.recruitflow.adapter.webhook.WebhookModule;
import io.recruitflow.application.jobs.DailyReserve;
import io.recruitflow.application.port.CallBudgets;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the HTTP server ({@link WebhookModule}) tells and shows of the other parts on the real adapters: it is
 * ready while the database answers, a stored webhook wakes the inbox sweep, and the dashboard's rate-limit
 * headroom is what the GHL client last heard for its default location (no GHL call), which {@code /metrics}
 * publishes too ({@code recruitflow_ghl_rate_limit_headroom}), with every location's daily quota
 * ({@code recruitflow_ghl_daily_remaining}, {@code recruitflow_ghl_followups_deferred}). Install it beside {@link WebhookModule}, whose
 * defaults it replaces.
 */
final class ServerBridgeModule extends AbstractModule {
    private static final String BRIDGED = "real-adapters";

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), ReadinessCheck.class)
                .setBinding()
                .to(Key.get(ReadinessCheck.class, Names.named(BRIDGED)));
        OptionalBinder.newOptionalBinder(binder(), InboxListener.class)
                .setBinding()
                .to(Key.get(InboxListener.class, Names.named(BRIDGED)));
    }

    @Provides
    @Singleton
    @Named(BRIDGED)
    ReadinessCheck databaseAnswers(Database database) {
        return database::answers;
    }

    @Provides
    @Singleton
    @Named(BRIDGED)
    InboxListener wakeInboxSweep(JobQueue jobs, Clock clock) {
        return events -> Work.wakeInboxSweep(jobs, clock);
    }

    @Provides
    @Singleton
    RateLimitHeadroom headroom(
            RecruitflowMetrics metrics, GhlClient ghl, CallBudgets budgets, DailyReserve reserve, Clock clock) {
        return new RateLimitHeadroom(metrics, ghl.config().defaultLocation(), budgets, reserve, clock);
    }

    /** The headroom gauge, published as the server starts. */
    static final class RateLimitHeadroom {
        private final RecruitflowMetrics metrics;
        private final Optional<LocationId> location;
        private final CallBudgets budgets;
        private final DailyReserve reserve;
        private final Clock clock;

        RateLimitHeadroom(
                RecruitflowMetrics metrics,
                Optional<LocationId> location,
                CallBudgets budgets,
                DailyReserve reserve,
                Clock clock) {
            this.metrics = metrics;
            this.location = location;
            this.budgets = budgets;
            this.reserve = reserve;
            this.clock = clock;
        }

        @PostConstruct
        void publish() {
            location.ifPresent(l -> metrics.rateLimitHeadroom(l.value(), () -> budgets.of(l)));
            metrics.dailyQuota(
                    budgets::known,
                    b -> reserve.followUpsDeferredUntil(b, clock.now()).isPresent());
        }
    }
}
