package io.recruitflow.application.setup;

import io.recruitflow.domain.appointment.PresentationTitle;
import io.recruitflow.domain.message.CompliancePolicy;
import io.recruitflow.domain.message.MessageTemplate;
import io.recruitflow.domain.pipeline.StageNames;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How Recruitflow recruits: tags, custom-field ids, templates, names of the GHL pipeline, workflow and
 * calendar (resolved by name at start), and the compliance policy. Defaults follow the reference.
 *
 * @param baseTags         tags every recruit gets; each license type adds {@code <Type>-Licensed}
 * @param customFieldIds   GHL custom field id per lead field: {@code licenseState}, {@code licenseNumber},
 *                         {@code licenseType}, {@code npn} and {@code licenseExpiration} (ISO date); a field
 *                         without an id is not written
 * @param fallbackZone     the time zone used when neither GHL nor the phone number gives one
 * @param workflowTrigger  how a new recruit enters the speed-to-lead workflow: an enrollment call, or a tag
 *                         the upsert adds (the workflow's trigger "Contact Tag added" in GHL)
 */
public record RecruitingSettings(
        List<String> baseTags,
        Map<String, String> customFieldIds,
        MessageTemplate introSms,
        MessageTemplate introEmailSubject,
        MessageTemplate introEmailBody,
        Optional<String> emailFrom,
        StageNames stageNames,
        String speedToLeadWorkflow,
        Optional<String> presentationCalendar,
        PresentationTitle presentationTitle,
        BigDecimal opportunityValue,
        Optional<UserId> assignTo,
        CompliancePolicy compliance,
        ZoneId fallbackZone,
        WorkflowTrigger workflowTrigger) {
    public RecruitingSettings {
        baseTags = List.copyOf(baseTags);
        customFieldIds = Map.copyOf(customFieldIds);
        Objects.requireNonNull(introSms, "introSms");
        Objects.requireNonNull(introEmailSubject, "introEmailSubject");
        Objects.requireNonNull(introEmailBody, "introEmailBody");
        Objects.requireNonNull(stageNames, "stageNames");
        if (speedToLeadWorkflow == null || speedToLeadWorkflow.isBlank()) {
            throw new IllegalArgumentException("speed-to-lead workflow name is blank");
        }
        Objects.requireNonNull(presentationTitle, "presentationTitle");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(fallbackZone, "fallbackZone");
        opportunityValue = opportunityValue == null ? BigDecimal.ZERO : opportunityValue;
        workflowTrigger = workflowTrigger == null ? new WorkflowTrigger.Api() : workflowTrigger;
    }

    public static RecruitingSettings defaults() {
        return new RecruitingSettings(
                List.of("Licensed", "PropHog-Lead"),
                Map.of(
                        "licenseState",
                        "cf_license_state",
                        "licenseNumber",
                        "cf_license_number",
                        "licenseType",
                        "cf_license_type",
                        "npn",
                        "cf_npn"),
                MessageTemplate.DEFAULT_INTRO_SMS,
                MessageTemplate.DEFAULT_INTRO_EMAIL_SUBJECT,
                MessageTemplate.DEFAULT_INTRO_EMAIL_BODY,
                Optional.empty(),
                StageNames.defaults(),
                "Speed to Lead",
                Optional.empty(),
                PresentationTitle.DEFAULT,
                BigDecimal.ZERO,
                Optional.empty(),
                CompliancePolicy.enforcing(),
                ZoneId.of("America/New_York"),
                new WorkflowTrigger.Api());
    }

    public RecruitingSettings withCompliance(CompliancePolicy policy) {
        return new RecruitingSettings(
                baseTags,
                customFieldIds,
                introSms,
                introEmailSubject,
                introEmailBody,
                emailFrom,
                stageNames,
                speedToLeadWorkflow,
                presentationCalendar,
                presentationTitle,
                opportunityValue,
                assignTo,
                policy,
                fallbackZone,
                workflowTrigger);
    }

    public RecruitingSettings withCustomFieldIds(Map<String, String> ids) {
        return new RecruitingSettings(
                baseTags,
                ids,
                introSms,
                introEmailSubject,
                introEmailBody,
                emailFrom,
                stageNames,
                speedToLeadWorkflow,
                presentationCalendar,
                presentationTitle,
                opportunityValue,
                assignTo,
                compliance,
                fallbackZone,
                workflowTrigger);
    }

    public RecruitingSettings withWorkflowTrigger(WorkflowTrigger trigger) {
        return new RecruitingSettings(
                baseTags,
                customFieldIds,
                introSms,
                introEmailSubject,
                introEmailBody,
                emailFrom,
                stageNames,
                speedToLeadWorkflow,
                presentationCalendar,
                presentationTitle,
                opportunityValue,
                assignTo,
                compliance,
                fallbackZone,
                trigger);
    }
}
