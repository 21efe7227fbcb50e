package io.recruitflow.application.outbound;

import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.application.stalls.RecruitStalledListener;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * {@code recruit.stalled}: a recruit idle in a stage past its limit, announced by the stall sweep once per recruit,
 * stage and idle start. The event's id comes from the stage and the idle start, so a sweep that runs again after a
 * crash stores it once.
 */
@Singleton
public class RecruitEventsFromStalls implements RecruitStalledListener {
    private final Recruits recruits;
    private final RecruitEvents events;

    @Inject
    public RecruitEventsFromStalls(Recruits recruits, RecruitEvents events) {
        this.recruits = recruits;
        this.events = events;
    }

    @Override
    public void stalled(StallAlert alert) {
        if (!events.enabled()) {
            return;
        }
        recruits.find(alert.recruit())
                .ifPresent(r ->
                        events.publish(RecruitEvent.stalled(r, alert.stage(), alert.idleSince(), alert.detectedAt())));
    }
}
