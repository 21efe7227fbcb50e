package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.recruitingreport.Report;
import io.recruitflow.application.recruitingreport.ReportGrouping;
import io.recruitflow.application.recruitingreport.ReportQuery;
import io.recruitflow.application.recruitingreport.ReportRow;
import io.recruitflow.application.recruitingreport.ReportRow.Latency;
import java.io.StringReader;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CSV export neutralises spreadsheet formulas (OWASP, CSV Injection): a cell starting with {@code = + - @},
 * a tab or a carriage return gets a leading apostrophe; quotes, commas and line breaks inside a cell are quoted
 * the RFC 4180 way, so the cell survives a round trip.
 */
class ReportCsvTest {

    private static Report reportOf(String group) {
        return new Report(
                ReportQuery.of(ReportGrouping.SOURCE),
                DashboardFixture.NOW,
                List.of(new ReportRow(group, 1, 1, 0, 0, 0, 0, Latency.NONE, Latency.NONE, ReportFixture.stages())));
    }

    private static String groupCell(String group) throws Exception {
        List<CSVRecord> records = CSVFormat.RFC4180
                .parse(new StringReader(ReportCsv.text(reportOf(group))))
                .getRecords();
        assertThat(records).hasSize(2);
        return records.get(1).get(0);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=1+1",
                "=cmd|' /C calc'!A0",
                "+1-1",
                "-2+3",
                "@SUM(A1:A2)",
                "\t=1+1",
                "\r=1+1",
                "=HYPERLINK(\"http://evil.example\",\"x\")"
            })
    void a_formula_cell_gets_a_leading_apostrophe(String group) throws Exception {
        assertThat(groupCell(group)).isEqualTo("'" + group);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PropHog", "Facebook Ads, Q4", "say \"hi\"", "two\nlines", "1-800 leads", "'quoted"})
    void any_other_cell_is_kept_as_it_is(String group) throws Exception {
        assertThat(groupCell(group)).isEqualTo(group);
    }

    @Test
    void the_text_ends_every_record_with_crlf_and_has_no_live_formula() {
        String csv = ReportCsv.text(reportOf("=1+1"));
        assertThat(csv).startsWith("group,leads_in,contacted,").contains("\r\n'=1+1,1,1,0,0,0,0,1.0000,0.0000,,,");
        assertThat(csv.lines()).noneMatch(line -> line.startsWith("="));
        assertThat(ReportCsv.neutralised("")).isEmpty();
    }
}
