package io.recruitflow.application.viewrecruit;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.StepRecord;
import java.util.List;
import java.util.Optional;

/**
 * Everything we know of one recruit: the recruit, its opportunity, every intake step, its intro, appointments,
 * every message to its contact (ours and the texts the CRM sent itself) with its delivery, and the compliance
 * decisions on its texts (newest first, the latest {@link ViewRecruitService#DECISIONS_SHOWN}).
 */
public record RecruitView(
        Recruit recruit,
        Optional<Opportunity> opportunity,
        List<StepRecord> steps,
        Optional<MessageRecord> intro,
        List<Appointment> appointments,
        List<MessageRecord> messages,
        List<ComplianceEntry> decisions) {
    public RecruitView {
        steps = List.copyOf(steps);
        appointments = List.copyOf(appointments);
        messages = List.copyOf(messages);
        decisions = List.copyOf(decisions);
    }

    /** Without the contact's messages and decisions. */
    public RecruitView(
            Recruit recruit,
            Optional<Opportunity> opportunity,
            List<StepRecord> steps,
            Optional<MessageRecord> intro,
            List<Appointment> appointments) {
        this(recruit, opportunity, steps, intro, appointments, intro.stream().toList(), List.of());
    }
}
