package io.recruitflow.extension.noshow;

import io.recruitflow.application.advancerecruit.AdvanceRecruitCommand;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.advancerecruit.AdvanceResult;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageCommand;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageUseCase;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Follows up a no-show with the application's own use cases: {@link AdvanceRecruitUseCase} moves the recruit
 * back to Interested, {@link SendRecruitMessageUseCase} texts the rebooking link under the compliance policy.
 * The text's key, {@code noshow-follow-up/<appointment id>}, makes it go out at most once per missed
 * appointment, however often the no-show is reported (GHL repeats webhooks; a crash re-applies an event).
 */
@Singleton
public class NoShowFollowUpService implements NoShowFollowUpUseCase {
    static final String KEY_PREFIX = "noshow-follow-up/";

    private final Recruits recruits;
    private final Appointments appointments;
    private final OpportunityMirror mirror;
    private final AdvanceRecruitUseCase advance;
    private final SendRecruitMessageUseCase messages;
    private final NoShowFollowUpSettings settings;

    @Inject
    public NoShowFollowUpService(
            Recruits recruits,
            Appointments appointments,
            OpportunityMirror mirror,
            AdvanceRecruitUseCase advance,
            SendRecruitMessageUseCase messages,
            NoShowFollowUpSettings settings) {
        this.recruits = Objects.requireNonNull(recruits, "recruits");
        this.appointments = Objects.requireNonNull(appointments, "appointments");
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.advance = Objects.requireNonNull(advance, "advance");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The idempotency key of the follow-up text of one missed appointment. */
    public static MessageKey keyOf(AppointmentId appointment) {
        return new MessageKey(KEY_PREFIX + appointment.value());
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
        // rescheduled since (a newer update) is no longer a no-show, and a late duplicate must not text.
        Optional<Appointment> appointment = appointments.find(command.appointment());
        if (appointment.isEmpty()
                || !appointment.get().contact().equals(recruit.contactId().get())) {
            return new NoShowFollowUpResult.Skipped(
                    "appointment " + command.appointment() + " is not one of " + "recruit " + recruit.id() + "'s");
        }
        if (appointment.get().status() != AppointmentStatus.NOSHOW) {
            return new NoShowFollowUpResult.Skipped("appointment " + command.appointment() + " is "
                    + appointment.get().status() + ", not a no-show");
        }
        if (recruit.phone().isEmpty()) {
            return new NoShowFollowUpResult.Skipped("recruit " + recruit.id() + " has no phone number to text");
        }
        boolean contracted = mirror.findByContact(recruit.contactId().get())
                .filter(o -> o.status() == OpportunityStatus.WON)
                .isPresent();
        if (contracted) {
            return new NoShowFollowUpResult.Skipped("recruit " + recruit.id() + " is already contracted");
        }

        // Idempotent: the core's own no-show handling has usually made this move already (then Unchanged).
        AdvanceResult stage = advance.advance(
                new AdvanceRecruitCommand(recruit.id(), RecruitingStage.INTERESTED, StageChange.Cause.NO_SHOW));
        // The text is not conditional on the move: an opted-out recruit's lost opportunity refuses the move,
        // and it is the compliance policy, on the MessageSender path, that refuses their text.
        SendOutcome text = messages.send(new SendRecruitMessageCommand(
                recruit.id(),
                Channel.SMS,
                settings.render(valuesOf(recruit)),
                Optional.empty(),
                keyOf(command.appointment())));
        return new NoShowFollowUpResult.FollowedUp(stage, text);
    }

    private static Map<String, String> valuesOf(Recruit recruit) {
        return Map.of(
                "First",
                recruit.name().first(),
                "Last",
                recruit.name().last(),
                "FullName",
                recruit.name().full(),
                "State",
                recruit.license().state().displayName());
    }
}
