package io.recruitflow.extension.noshow;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.recruit.ContactTags;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Follows up a no-show with the domain's ports: reads the appointment as stored now, and tags the recruit's
 * contact through {@link ContactTags}. However often the no-show is reported (GHL repeats webhooks; a crash
 * re-applies an event), the contact ends up with one tag.
 */
@Singleton
public class NoShowFollowUpService implements NoShowFollowUpUseCase {
    private final Recruits recruits;
    private final Appointments appointments;
    private final ContactTags tags;
    private final NoShowFollowUpSettings settings;

    @Inject
    public NoShowFollowUpService(
            Recruits recruits, Appointments appointments, ContactTags tags, NoShowFollowUpSettings settings) {
        this.recruits = Objects.requireNonNull(recruits, "recruits");
        this.appointments = Objects.requireNonNull(appointments, "appointments");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public NoShowFollowUpResult followUp(NoShowFollowUpCommand command) {
        Optional<Recruit> found = recruits.find(command.recruit());
        if (found.isEmpty()) {
            return new NoShowFollowUpResult.Skipped("no recruit " + command.recruit());
        }
        Recruit recruit = found.get();
        if (recruit.contactId().isEmpty()) {
            return new NoShowFollowUpResult.Skipped("recruit " + recruit.id() + " is not in GHL yet");
        }
        // The appointment as we hold it now, not as some event once said: a no-show that was rebooked or
        // rescheduled since (a newer update) is no longer a no-show, and a late duplicate must not tag.
        Optional<Appointment> appointment = appointments.find(command.appointment());
        if (appointment.isEmpty()
                || !appointment.get().contact().equals(recruit.contactId().get())) {
            return new NoShowFollowUpResult.Skipped(
                    "appointment " + command.appointment() + " is not one of recruit " + recruit.id() + "'s");
        }
        if (appointment.get().status() != AppointmentStatus.NOSHOW) {
            return new NoShowFollowUpResult.Skipped("appointment " + command.appointment() + " is "
                    + appointment.get().status() + ", not a no-show");
        }
        return new NoShowFollowUpResult.Tagged(
                tags.addTags(recruit.location(), recruit.contactId().get(), Set.of(settings.tag())));
    }
}
