package io.recruitflow.application.stalls;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.nurture.OwnerAlert;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StallAlert;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recruits idle in a stage longer than the stage's limit. Idle since the last change of their opportunity (a stage
 * move, by Recruitflow or by GHL); in Presentation Scheduled since the end of their latest presentation (before it,
 * a booked recruit is waiting, not idle). Only open opportunities stall: a contracted, lost or archived recruit is
 * done. {@link #sweep()} records each new stall once as the owner's alert (kind {@value #ALERT_KIND}, listed on the
 * dashboard with the other alerts) and announces it to every {@link RecruitStalledListener}. One alert per recruit,
 * stage and the instant they became idle there: across sweeps, restarts and instances, each is announced once, and
 * a recruit who moves on and stalls again is alerted again.
 */
@Singleton
public class StalledRecruits {
    private final OpportunityMirror mirror;
    private final Recruits recruits;
    private final Appointments appointments;
    private final OwnerAlerts alerts;
    private final Set<RecruitStalledListener> listeners;
    private final StallSettings settings;
    private final Clock clock;

    @Inject
    public StalledRecruits(
            OpportunityMirror mirror,
            Recruits recruits,
            Appointments appointments,
            OwnerAlerts alerts,
            Set<RecruitStalledListener> listeners,
            StallSettings settings,
            Clock clock) {
        this.mirror = mirror;
        this.recruits = recruits;
        this.appointments = appointments;
        this.alerts = alerts;
        this.listeners = Set.copyOf(listeners);
        this.settings = settings;
        this.clock = clock;
    }

    public StallSettings settings() {
        return settings;
    }

    /** The recruits stalled now, longest stalled first. */
    public List<StallAlert> now(Optional<LocationId> location) {
        Instant now = clock.now();
        List<StallAlert> stalled = new ArrayList<>();
        for (Opportunity o : mirror.all(location)) {
            Duration limit = settings.limits().get(o.stage());
            if (limit == null || o.status() != OpportunityStatus.OPEN) {
                continue;
            }
            Instant since = idleSince(o);
            if (now.isBefore(since.plus(limit))) {
                continue;
            }
            Optional<Recruit> recruit = recruits.findByContact(o.contact());
            recruit.ifPresent(r -> stalled.add(new StallAlert(r.id(), o.location(), o.stage(), since, limit, now)));
        }
        stalled.sort(Comparator.comparing(StallAlert::stalledAt));
        return stalled;
    }

    /**
     * Records and announces the stalls not announced before; returns how many were new. A listener's failure is
     * its own: the others still hear, and the alert stays recorded.
     */
    public int sweep() {
        int announced = 0;
        for (StallAlert alert : now(Optional.empty())) {
            if (!alerts.record(ownerAlert(alert))) {
                continue;
            }
            announced++;
            for (RecruitStalledListener listener : listeners) {
                try {
                    listener.stalled(alert);
                } catch (RuntimeException e) {
                    // Recorded all the same: a listener that fails does not make the alert repeat forever.
                }
            }
        }
        return announced;
    }

    /** The kind of the owner's alert of a stall. */
    public static final String ALERT_KIND = "stalled";

    /** The owner's alert of a stall: its id names the recruit, the stage and since when; no personal data. */
    static OwnerAlert ownerAlert(StallAlert a) {
        return new OwnerAlert(
                ALERT_KIND + "/" + a.recruit() + "/" + a.stage().name() + "/"
                        + a.idleSince().getEpochSecond(),
                a.recruit(),
                a.location(),
                ALERT_KIND,
                "idle in " + a.stage().defaultName() + " since " + a.idleSince() + " (limit "
                        + io.recruitflow.application.presentations.ReminderPlan.human(a.limit()) + ")",
                a.detectedAt());
    }

    private Instant idleSince(Opportunity o) {
        Instant since = o.updatedAt();
        if (o.stage() == RecruitingStage.PRESENTATION_SCHEDULED) {
            Optional<Instant> end = appointments.forContact(o.contact()).stream()
                    .map(Appointment::end)
                    .max(Comparator.naturalOrder());
            if (end.isPresent() && end.get().isAfter(since)) {
                since = end.get();
            }
        }
        return since;
    }
}
