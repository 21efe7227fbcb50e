package io.recruitflow.extension.noshow;

import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.Objects;

/** Follow up the recruit's missed presentation {@code appointment}. */
public record NoShowFollowUpCommand(RecruitId recruit, AppointmentId appointment) {
    public NoShowFollowUpCommand {
        Objects.requireNonNull(recruit, "recruit is required");
        Objects.requireNonNull(appointment, "appointment is required");
    }
}
