package io.recruitflow.bootstrap.cli;

import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.application.recruitingreport.ReportRow.StageTime;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the report as terminal tables: the funnel and its ratios per group, speed-to-lead texted at once and
 * after quiet hours, then time in each stage. A group's name comes from lead files: control characters (a
 * terminal's escape sequences) are shown as {@code ?}, and a long name is cut.
 */
public final class ReportPrinter {
    private static final int GROUP_WIDTH = 24;
    private final PrintStream out;

    public ReportPrinter(PrintStream out) {
        this.out = out;
    }

    public void print(Report report) {
        var q = report.query();
        out.printf(
                "   Recruits accepted %s – %s (%s), %s, by %s%n%n",
                q.from().map(Object::toString).orElse("from the first"),
                q.to().map(Object::toString).orElse("today"),
                q.zone().getId(),
                q.location().map(l -> "location " + l.value()).orElse("all locations"),
                q.grouping().key());
        if (report.rows().isEmpty()) {
            out.println("   no recruit was accepted in this period");
            return;
        }
        String group = q.grouping().key();
        out.printf(
                "   %-" + GROUP_WIDTH + "s %6s %9s %6s %6s %7s %10s  %8s %7s %6s %8s%n",
                Character.toUpperCase(group.charAt(0)) + group.substring(1),
                "Leads",
                "Contacted",
                "Booked",
                "Showed",
                "No-show",
                "Contracted",
                "Contact%",
                "Booked%",
                "Show%",
                "Lead→won");
        for (ReportRow r : report.rows()) {
            out.printf(
                    "   %-" + GROUP_WIDTH + "s %6d %9d %6d %6d %7d %10d  %8s %7s %6s %8s%n",
                    shown(r.group()),
                    r.leadsIn(),
                    r.contacted(),
                    r.booked(),
                    r.showed(),
                    r.noShows(),
                    r.contracted(),
                    percent(r.contactRate()),
                    percent(r.bookingRate()),
                    percent(r.showRate()),
                    percent(r.leadToContract()));
        }
        out.printf(
                "%n   Speed to lead (lead accepted → intro accepted by GHL), p50 / p95 (samples)%n   %-" + GROUP_WIDTH
                        + "s %-28s %-28s%n",
                "",
                "texted at once",
                "waited for quiet hours");
        for (ReportRow r : report.rows()) {
            out.printf(
                    "   %-" + GROUP_WIDTH + "s %-28s %-28s%n",
                    shown(r.group()),
                    latency(r.textedAtOnce()),
                    latency(r.waitedForQuietHours()));
        }
        out.printf("%n   Time in stage, p50 / p95 of those who moved on (still there)%n   %-" + GROUP_WIDTH + "s", "");
        for (RecruitingStage s : RecruitingStage.values()) {
            out.printf(" %-24s", s.defaultName());
        }
        out.println();
        for (ReportRow r : report.rows()) {
            out.printf("   %-" + GROUP_WIDTH + "s", shown(r.group()));
            for (StageTime s : r.timeInStage()) {
                out.printf(
                        " %-24s",
                        FunnelPrinter.format(s.time().p50()) + " / "
                                + FunnelPrinter.format(s.time().p95()) + " (" + s.stillThere() + ")");
            }
            out.println();
        }
    }

    private static String latency(Latency l) {
        return l.samples() == 0
                ? "–"
                : FunnelPrinter.format(l.p50()) + " / " + FunnelPrinter.format(l.p95()) + " (" + l.samples() + ")";
    }

    private static String percent(Optional<Double> r) {
        return r.map(v -> String.format(Locale.ROOT, "%.1f%%", 100 * v)).orElse("–");
    }

    /** The name as a terminal may show it: no control character, at most {@value #GROUP_WIDTH} characters. */
    static String shown(String group) {
        StringBuilder s = new StringBuilder();
        group.codePoints().forEach(c -> s.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return s.length() <= GROUP_WIDTH ? s.toString() : s.substring(0, GROUP_WIDTH - 1) + "…";
    }
}
