package io.recruitflow.adapter.webhook;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import jakarta.inject.Singleton;

/**
 * The process-wide {@link RecruitflowMetrics} registry, which the HTTP server ({@link WebhookModule}) exposes at
 * {@code GET /metrics}. A module of its own because the rest of the process reports into it whether or not
 * the server runs (yet).
 */
public final class MetricsModule extends AbstractModule {
    private final boolean locationLabels;

    /**
     * @param locationLabels whether metrics may carry location ids as labels ({@link
     *                       WebhookConfig#metricsLocationLabels()})
     */
    public MetricsModule(boolean locationLabels) {
        this.locationLabels = locationLabels;
    }

    /** Without location labels. */
    public MetricsModule() {
        this(false);
    }

    @Provides
    @Singleton
    RecruitflowMetrics metrics() {
        return RecruitflowMetrics.create(locationLabels);
    }
}
