package io.recruitflow.adapter.webhook;

import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON of {@code GET /api/report} (schema {@code Report} in openapi.json): the query as understood, and one
 * entry per group with its counts, ratios (null when the denominator is 0), speed-to-lead split into texted at
 * once and waited for quiet hours, and time in each stage; durations in seconds.
 */
final class ReportBodies {
    private ReportBodies() {}

    public record ReportBody(
            String group,
            String from,
            String to,
            String zone,
            String locationId,
            String generatedAt,
            List<GroupBody> groups) {}

    public record GroupBody(
            String group,
            long leadsIn,
            long contacted,
            long booked,
            long showed,
            long noShows,
            long contracted,
            RatesBody rates,
            SpeedToLeadSplit speedToLead,
            List<StageTimeBody> timeInStage) {}

    public record RatesBody(
            Double contacted, Double booked, Double showRate, Double closeRate, Double leadToContract) {}

    public record SpeedToLeadSplit(LatencyBody textedAtOnce, LatencyBody waitedForQuietHours) {}

    public record LatencyBody(long samples, Double p50Seconds, Double p95Seconds) {}

    public record StageTimeBody(String stage, long left, Double p50Seconds, Double p95Seconds, long stillThere) {}

    static ReportBody of(Report report) {
        return new ReportBody(
                report.query().grouping().key(),
                report.query().from().map(LocalDate::toString).orElse(null),
                report.query().to().map(LocalDate::toString).orElse(null),
                report.query().zone().getId(),
                report.query().location().map(LocationId::value).orElse(null),
                report.generatedAt().toString(),
                report.rows().stream().map(ReportBodies::group).toList());
    }

    private static GroupBody group(ReportRow r) {
        return new GroupBody(
                r.group(),
                r.leadsIn(),
                r.contacted(),
                r.booked(),
                r.showed(),
                r.noShows(),
                r.contracted(),
                new RatesBody(
                        r.contactRate().orElse(null),
                        r.bookingRate().orElse(null),
                        r.showRate().orElse(null),
                        r.closeRate().orElse(null),
                        r.leadToContract().orElse(null)),
                new SpeedToLeadSplit(latency(r.textedAtOnce()), latency(r.waitedForQuietHours())),
                r.timeInStage().stream()
                        .map(s -> new StageTimeBody(
                                s.stage().name(),
                                s.time().samples(),
                                s.time().p50().map(ReportBodies::seconds).orElse(null),
                                s.time().p95().map(ReportBodies::seconds).orElse(null),
                                s.stillThere()))
                        .toList());
    }

    private static LatencyBody latency(Latency l) {
        return new LatencyBody(
                l.samples(),
                l.p50().map(ReportBodies::seconds).orElse(null),
                l.p95().map(ReportBodies::seconds).orElse(null));
    }

    static Double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
