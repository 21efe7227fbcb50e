package io.recruitflow.extension.noshow;

import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * Hears every applied GHL event and tags the no-shows of known recruits; every other event, and a
 * no-show of a contact that is not a recruit, is ignored.
 *
 * <p>It runs after the core has applied the event (which stored the appointment) and before the event is
 * marked processed. A failure here (GHL down while tagging the contact) propagates, so the inbox tries the
 * event again later; that is safe because the follow-up is idempotent.
 */
@Singleton
public class NoShowListener implements GhlEventListener {
    private final NoShowFollowUpUseCase followUp;
    private final Recruits recruits;

    @Inject
    public NoShowListener(NoShowFollowUpUseCase followUp, Recruits recruits) {
        this.followUp = Objects.requireNonNull(followUp, "followUp");
        this.recruits = Objects.requireNonNull(recruits, "recruits");
    }

    @Override
    public void applied(GhlEvent event, EventOutcome outcome) {
        if (event instanceof GhlEvent.AppointmentChanged changed && changed.status() == AppointmentStatus.NOSHOW) {
            // The outcome is not consulted: after a crash the core answers "already there" for a move it made
            // before, and the tag may still be owed. The use case reads the appointment's current state instead.
            recruits.findByContact(changed.contactId())
                    .ifPresent(recruit ->
                            followUp.followUp(new NoShowFollowUpCommand(recruit.id(), changed.appointmentId())));
        }
    }
}
