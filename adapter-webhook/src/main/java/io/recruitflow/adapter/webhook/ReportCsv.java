package io.recruitflow.adapter.webhook;

import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import io.recruitflow.application.recruitingreport.ReportRow.StageTime;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report as CSV (RFC 4180, CRLF, a header row), one row per group, written with Commons CSV, for
 * {@code GET /api/report.csv} and {@code recruitflow report --csv}. Ratios are fractions in [0, 1], durations
 * seconds, an unknown figure an empty cell.
 *
 * <p>Spreadsheet formula injection is neutralised (OWASP, "CSV Injection"): a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return — a lead source comes from whoever wrote the lead
 * file — gets a leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text and never evaluate it.
 */
public final class ReportCsv {
    private ReportCsv() {}

    /** The header row. */
    public static List<String> header() {
        List<String> h = new ArrayList<>(List.of(
                "group",
                "leads_in",
                "contacted",
                "booked",
                "showed",
                "no_shows",
                "contracted",
                "contact_rate",
                "booking_rate",
                "show_rate",
                "close_rate",
                "lead_to_contract",
                "texted_at_once_n",
                "texted_at_once_p50_s",
                "texted_at_once_p95_s",
                "waited_quiet_hours_n",
                "waited_quiet_hours_p50_s",
                "waited_quiet_hours_p95_s"));
        for (RecruitingStage s : RecruitingStage.values()) {
            String stage = s.name().toLowerCase(Locale.ROOT);
            h.addAll(List.of(stage + "_left_n", stage + "_p50_s", stage + "_p95_s", stage + "_still"));
        }
        return h;
    }

    /** Writes the report to {@code out}. */
    public static void write(Report report, Appendable out) {
        try {
            CSVPrinter csv = CSVFormat.RFC4180.print(out);
            csv.printRecord(header().stream().map(ReportCsv::neutralised).toList());
            for (ReportRow r : report.rows()) {
                csv.printRecord(row(r).stream().map(ReportCsv::neutralised).toList());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as one CSV text. */
    public static String text(Report report) {
        StringBuilder out = new StringBuilder();
        write(report, out);
        return out.toString();
    }

    private static List<String> row(ReportRow r) {
        List<String> cells = new ArrayList<>(List.of(
                r.group(),
                Long.toString(r.leadsIn()),
                Long.toString(r.contacted()),
                Long.toString(r.booked()),
                Long.toString(r.showed()),
                Long.toString(r.noShows()),
                Long.toString(r.contracted()),
                ratio(r.contactRate()),
                ratio(r.bookingRate()),
                ratio(r.showRate()),
                ratio(r.closeRate()),
                ratio(r.leadToContract())));
        cells.addAll(latency(r.textedAtOnce()));
        cells.addAll(latency(r.waitedForQuietHours()));
        for (StageTime s : r.timeInStage()) {
            cells.addAll(latency(s.time()));
            cells.add(Long.toString(s.stillThere()));
        }
        return cells;
    }

    private static List<String> latency(Latency l) {
        return List.of(Long.toString(l.samples()), seconds(l.p50()), seconds(l.p95()));
    }

    private static String ratio(Optional<Double> r) {
        return r.map(v -> String.format(Locale.ROOT, "%.4f", v)).orElse("");
    }

    private static String seconds(Optional<Duration> d) {
        return d.map(v -> String.format(Locale.ROOT, "%.3f", v.toNanos() / 1e9)).orElse("");
    }

    /**
     * The cell as a spreadsheet shows it as text: a leading apostrophe before {@code = + - @ TAB CR} (OWASP CSV
     * injection guidance). Every other cell is unchanged.
     */
    public static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
