package io.recruitflow.application.stalls;

import io.recruitflow.domain.pipeline.StallAlert;

/**
 * Hears that a recruit stalled: idle in a stage longer than its limit ({@link StallSettings}). Called once per
 * alert (recorded first as the owner's alert {@code stalled/<recruit>/<stage>/<since>}, {@link
 * io.recruitflow.domain.nurture.OwnerAlerts}, which dedupes across sweeps, restarts and instances), on the
 * stall sweep's job, after the alert is recorded; a listener that throws does not stop the others, and the alert
 * is not announced again. The alert carries ids, the stage and instants only — no name, phone or email.
 *
 * <p>Bind one with {@code Multibinder.newSetBinder(binder(), RecruitStalledListener.class).addBinding()}.
 */
public interface RecruitStalledListener {
    void stalled(StallAlert alert);
}
