package io.recruitflow.adapter.webhook;

import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportQuery;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.LocationId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code report.jte} shows, every figure formatted and every chart's geometry computed here: per group a
 * funnel bar chart (leads in, contacted, booked, showed, contracted; bars scaled to the largest group's leads)
 * and a show-rate chart over the groups, as inline SVG the template writes element by element (escaped, no
 * script: the page runs under the dashboard's strict Content-Security-Policy).
 */
record ReportView(
        String grouping,
        String period,
        String zone,
        String location,
        String generatedAt,
        List<Link> groupings,
        String apiQuery,
        List<GroupView> groups,
        Chart showRates) {

    /** A link to the same report grouped otherwise; {@code current} for the one shown. */
    record Link(String label, String href, boolean current) {}

    /** One bar of a chart: its label, its figure as text, its geometry in the SVG's user units. */
    record Bar(String label, String value, int y, int width, String fill) {}

    /** A horizontal bar chart: bars, the SVG's height, and where bars start. */
    record Chart(String title, List<Bar> bars, int height) {}

    record StageLine(String stage, String left, String p50, String p95, String still) {}

    record GroupView(
            String name,
            String anchor,
            Chart funnel,
            List<String> rates,
            String atOnce,
            String waited,
            List<StageLine> stages) {}

    static final int LABEL_WIDTH = 150;
    static final int BAR_SPACE = 330;
    static final int ROW = 26;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String[] FILLS = {"#2f6fdf", "#4f86e6", "#7b61d1", "#2e9e5b", "#d89b16"};

    static ReportView of(Report report) {
        ReportQuery q = report.query();
        long widest = report.rows().stream().mapToLong(ReportRow::leadsIn).max().orElse(0);
        List<GroupView> groups = new ArrayList<>();
        int i = 0;
        for (ReportRow r : report.rows()) {
            long[] values = {r.leadsIn(), r.contacted(), r.booked(), r.showed(), r.contracted()};
            String[] labels = {"Leads in", "Contacted", "Booked", "Showed", "Contracted"};
            List<Bar> bars = new ArrayList<>();
            for (int b = 0; b < values.length; b++) {
                bars.add(new Bar(labels[b], Dashboard.num(values[b]), b * ROW, width(values[b], widest), FILLS[b]));
            }
            groups.add(new GroupView(
                    r.group(),
                    "g" + i++,
                    new Chart("Funnel of " + r.group(), bars, values.length * ROW),
                    List.of(
                            "contacted " + rate(r.contactRate()),
                            "booked " + rate(r.bookingRate()),
                            "show rate " + rate(r.showRate()),
                            "close rate " + rate(r.closeRate()),
                            "lead → contract " + rate(r.leadToContract())),
                    latency(r.textedAtOnce()),
                    latency(r.waitedForQuietHours()),
                    r.timeInStage().stream()
                            .map(s -> new StageLine(
                                    stageName(s.stage()),
                                    Dashboard.num(s.time().samples()),
                                    s.time().p50().map(Dashboard::duration).orElse("—"),
                                    s.time().p95().map(Dashboard::duration).orElse("—"),
                                    Dashboard.num(s.stillThere())))
                            .toList()));
        }
        List<Bar> shows = new ArrayList<>();
        int y = 0;
        for (ReportRow r : report.rows()) {
            Optional<Double> show = r.showRate();
            shows.add(new Bar(
                    label(r.group()),
                    show.map(Dashboard::percent).orElse("—") + " of " + Dashboard.num(r.showed() + r.noShows()),
                    y,
                    show.map(v -> (int) Math.round(v * BAR_SPACE)).orElse(0),
                    "#2e9e5b"));
            y += ROW;
        }
        List<Link> links = new ArrayList<>();
        for (ReportGrouping g : ReportGrouping.values()) {
            links.add(new Link(g.key(), "/report?" + query(q, g), g == q.grouping()));
        }
        return new ReportView(
                q.grouping().key(),
                q.from().map(LocalDate::toString).orElse("the first recruit") + " – "
                        + q.to().map(LocalDate::toString).orElse("today"),
                q.zone().getId(),
                q.location().map(LocationId::value).orElse("all locations"),
                UTC.format(report.generatedAt()),
                links,
                query(q, q.grouping()),
                groups,
                new Chart("Show rate", shows, Math.max(ROW, y)));
    }

    /** The width of a chart: the labels, the bars and {@code extra} units after them. */
    int chartWidth(int extra) {
        return LABEL_WIDTH + BAR_SPACE + extra;
    }

    /** A group's name as a chart label: at most 22 characters (the full name heads the group's card). */
    static String label(String group) {
        return group.length() <= 22 ? group : group.substring(0, 21) + "…";
    }

    private static int width(long value, long widest) {
        if (widest == 0 || value == 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round(value * (double) BAR_SPACE / widest));
    }

    private static String rate(Optional<Double> r) {
        return r.map(Dashboard::percent).orElse("—");
    }

    private static String latency(Latency l) {
        if (l.samples() == 0) {
            return "no recruit";
        }
        return "p50 " + Dashboard.duration(l.p50().orElseThrow()) + " · p95 "
                + Dashboard.duration(l.p95().orElseThrow()) + " over " + Dashboard.num(l.samples());
    }

    private static String stageName(RecruitingStage s) {
        return s.defaultName();
    }

    /** The report's query string, grouped by {@code g}. */
    static String query(ReportQuery q, ReportGrouping g) {
        StringBuilder s = new StringBuilder("group=").append(g.key());
        q.from().ifPresent(d -> s.append("&from=").append(d));
        q.to().ifPresent(d -> s.append("&to=").append(d));
        if (!q.zone().equals(ReportQuery.DEFAULT_ZONE)) {
            s.append("&zone=").append(encode(q.zone().getId()));
        }
        q.location().ifPresent(l -> s.append("&locationId=").append(encode(l.value())));
        return s.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
