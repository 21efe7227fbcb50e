package io.recruitflow.adapter.webhook;

/**
 * Whether the service can do its work: for the production wiring, the database migrations have run
 * and the database answers. {@link WebhookModule} defaults to {@link #alwaysReady()}; whoever installs it
 * may set its own ({@code OptionalBinder}). {@code GET /health/ready} answers 200 or 503 from it.
 * An exception counts as not ready. Keep it quick: the probe gives up after two seconds.
 */
@FunctionalInterface
public interface ReadinessCheck {

    boolean ready() throws Exception;

    /** Always ready: for set-ups without a database (in-memory demo, tests). */
    static ReadinessCheck alwaysReady() {
        return () -> true;
    }
}
