package io.recruitflow.application.applyghlevent;

/**
 * An extension point: told about every GHL event after the core has applied it. New use cases (such as
 * a no-show follow-up) plug in here without touching the core or any adapter. A listener must be
 * idempotent: after a crash an event may be applied, and so announced, again.
 */
@FunctionalInterface
public interface GhlEventListener {
    void applied(GhlEvent event, EventOutcome outcome);
}
