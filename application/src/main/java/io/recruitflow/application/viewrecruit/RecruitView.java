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
 * decisions on its texts (newest first, the latest {@link ViewRecruitService#DECISIONS_SHOWN}), its follow-ups
 * (nurture steps: planned, sent, skipped, cancelled, with their reasons; in the order planned) and the owner's
 * alerts about it (newest first).
 */
public record RecruitView(
        Recruit recruit,
        Optional<Opportunity> opportunity,
        List<StepRecord> steps,
        Optional<MessageRecord> intro,
        List<Appointment> appointments,
        List<MessageRecord> messages,
        List<ComplianceEntry> decisions,
        List<io.recruitflow.domain.nurture.NurtureStep> followUps,
        List<io.recruitflow.domain.nurture.OwnerAlert> alerts) {
    public RecruitView {
        steps = List.copyOf(steps);
        appointments = List.copyOf(appointments);
        messages = List.copyOf(messages);
        decisions = List.copyOf(decisions);
        followUps = List.copyOf(followUps);
        alerts = List.copyOf(alerts);
    }

    /** Without follow-ups (nurture steps) and alerts. */
    public RecruitView(
            Recruit recruit,
            Optional<Opportunity> opportunity,
            List<StepRecord> steps,
            Optional<MessageRecord> intro,
            List<Appointment> appointments,
            List<MessageRecord> messages,
            List<ComplianceEntry> decisions) {
        this(recruit, opportunity, steps, intro, appointments, messages, decisions, List.of(), List.of());
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
