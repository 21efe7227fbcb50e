package io.recruitflow.application.recruitingreport;

import java.util.List;

/**
 * The read side of the report: one {@link ReportRow} per group of the recruits the criteria select, ordered by
 * group (cohort weeks chronologically), groups without a recruit left out. Implemented over the stores
 * themselves (PostgreSQL: one query per report over recruits, opportunities, stage changes, appointments and
 * compliance decisions), so every figure equals a direct count of the records.
 */
public interface RecruitingReport {
    List<ReportRow> rows(ReportCriteria criteria);
}
