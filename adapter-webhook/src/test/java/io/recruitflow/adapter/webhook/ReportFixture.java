package io.recruitflow.adapter.webhook;

import io.recruitflow.application.recruitingreport.RecruitingReportUseCase;
import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.application.recruitingreport.ReportRow.StageTime;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A report of three groups, one named like a spreadsheet formula and one like markup, as the report routes see it. */
final class ReportFixture {
    private ReportFixture() {}

    static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";
    static final String MARKUP = "<script>document.title='pwned'</script>";

    static Latency latency(long n, Duration p50, Duration p95) {
        return new Latency(n, Optional.of(p50), Optional.of(p95));
    }

    static List<StageTime> stages() {
        List<StageTime> all = new ArrayList<>();
        for (RecruitingStage s : RecruitingStage.values()) {
            all.add(
                    s == RecruitingStage.LEAD
                            ? new StageTime(s, latency(28, Duration.ofSeconds(3), Duration.ofMinutes(2)), 3)
                            : new StageTime(s, Latency.NONE, 0));
        }
        return all;
    }

    static List<ReportRow> rows() {
        return List.of(
                new ReportRow(
                        "PropHog",
                        1_234,
                        1_100,
                        240,
                        150,
                        50,
                        61,
                        latency(900, Duration.ofMillis(4_200), Duration.ofSeconds(11)),
                        latency(200, Duration.ofHours(9), Duration.ofMinutes(11 * 60 + 25)),
                        stages()),
                new ReportRow(
                        FORMULA,
                        20,
                        10,
                        4,
                        1,
                        3,
                        0,
                        latency(10, Duration.ofSeconds(2), Duration.ofSeconds(5)),
                        Latency.NONE,
                        stages()),
                new ReportRow(MARKUP, 3, 0, 0, 0, 0, 0, Latency.NONE, Latency.NONE, stages()));
    }

    /** A report use case answering {@link #rows()} and keeping the last query it was asked. */
    static RecruitingReportUseCase report(
            AtomicReference<io.recruitflow.application.recruitingreport.ReportQuery> asked) {
        return q -> {
            asked.set(q);
            return new Report(q, DashboardFixture.NOW, rows());
        };
    }
}
