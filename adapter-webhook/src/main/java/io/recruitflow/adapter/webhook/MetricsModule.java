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
    @Provides
    @Singleton
    RecruitflowMetrics metrics() {
        return RecruitflowMetrics.create();
    }
}
