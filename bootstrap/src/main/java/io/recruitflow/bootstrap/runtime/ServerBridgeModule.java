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
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.TokenOwner;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * What the HTTP server ({@link WebhookModule}) tells and shows of the other parts on the real adapters: it is
 * ready while the database answers, a stored webhook wakes the inbox sweep, and the dashboard's rate-limit
 * headroom is what the GHL client last heard for its default location (no GHL call), which {@code /metrics}
 * publishes too ({@code recruitflow_ghl_rate_limit_headroom}). Install it beside {@link WebhookModule}, whose
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
        OptionalBinder.newOptionalBinder(binder(), WebhookModule.RateBudgets.class)
                .setBinding()
                .to(Key.get(WebhookModule.RateBudgets.class, Names.named(BRIDGED)));
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
    @Named(BRIDGED)
    WebhookModule.RateBudgets rateBudgets(GhlClient ghl) {
        return () -> ghl.config()
                .defaultLocation()
                .map(l -> Map.of(l.value(), ghl.rateBudget(TokenOwner.location(l))))
                .orElse(Map.of());
    }

    @Provides
    @Singleton
    RateLimitHeadroom headroom(RecruitflowMetrics metrics, GhlClient ghl) {
        return new RateLimitHeadroom(metrics, ghl);
    }

    /** The headroom gauge, published as the server starts. */
    static final class RateLimitHeadroom {
        private final RecruitflowMetrics metrics;
        private final GhlClient ghl;

        RateLimitHeadroom(RecruitflowMetrics metrics, GhlClient ghl) {
            this.metrics = metrics;
            this.ghl = ghl;
        }

        @PostConstruct
        void publish() {
            ghl.config()
                    .defaultLocation()
                    .ifPresent(location -> metrics.rateLimitHeadroom(
                            location.value(), () -> ghl.rateBudget(TokenOwner.location(location))));
        }
    }
}
