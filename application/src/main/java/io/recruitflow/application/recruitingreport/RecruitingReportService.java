package io.recruitflow.application.recruitingreport;

import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;

/** Reads the report from the stores ({@link RecruitingReport}): no CRM call. */
@Singleton
public class RecruitingReportService implements RecruitingReportUseCase {
    private final RecruitingReport report;
    private final Clock clock;

    @Inject
    public RecruitingReportService(RecruitingReport report, Clock clock) {
        this.report = Objects.requireNonNull(report, "report");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Report report(ReportQuery query) {
        return new Report(query, clock.now(), report.rows(query.criteria()));
    }
}
