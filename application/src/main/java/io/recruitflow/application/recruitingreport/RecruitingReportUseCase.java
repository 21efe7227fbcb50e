package io.recruitflow.application.recruitingreport;

/**
 * The recruiting manager's report: funnel and conversion per lead source, license state, recruiter or cohort
 * week, show rate, speed-to-lead split into texted at once and waited for quiet hours, time in stage.
 */
public interface RecruitingReportUseCase {
    Report report(ReportQuery query);
}
