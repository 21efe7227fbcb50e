package io.recruitflow.application.viewrecruit;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepRecord;
import java.util.List;
import java.util.Optional;

/** Everything we know of one recruit: the recruit, its opportunity, every intake step, its intro and appointments. */
public record RecruitView(
        Recruit recruit,
        Optional<Opportunity> opportunity,
        List<StepRecord> steps,
        Optional<MessageRecord> intro,
        List<Appointment> appointments) {
    public RecruitView {
        steps = List.copyOf(steps);
        appointments = List.copyOf(appointments);
    }
}
