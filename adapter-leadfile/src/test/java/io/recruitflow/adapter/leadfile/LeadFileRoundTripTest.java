package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.domain.recruit.LeadInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Whatever a field holds, a file written by Commons CSV's printer reads back to the same values. */
class LeadFileRoundTripTest {
    private static final List<String> HEADER = List.of(
            "First Name", "Last Name", "Email", "Phone", "License State", "License Number", "Lead Source", "Notes");
    private final LeadFileParser parser = new LeadFileParser(Map.of("Notes", "cf_notes"));

    /** Text with CSV's special characters, whitespace, accents, CJK and emoji (valid code points only). */
    @Provide
    Arbitrary<String> field() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12),
                Arbitraries.strings().withChars(",\"\r\n\t ;|/'").ofMaxLength(6),
                Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMaxLength(6),
                Arbitraries.of("😀", "中文", "Zoë", "\uFEFF", "\"\"", "\r\n", "ß", "İ"));
        return piece.list().ofMaxSize(5).map(parts -> String.join("", parts));
    }

    @Property(tries = 300)
    void any_field_content_round_trips(@ForAll("rows") List<List<String>> rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(HEADER);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }

        List<LeadRow> read;
        try (LeadFile file = parser.open(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))) {
            read = file.rows().toList();
        }

        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            assertThat(read.get(i)).isInstanceOf(LeadRow.Parsed.class);
            assertThat(read.get(i).row()).isEqualTo(i + 2);
            LeadInput in = ((LeadRow.Parsed) read.get(i)).lead();
            assertThat(List.of(
                            in.firstName(),
                            in.lastName(),
                            in.email(),
                            in.phone(),
                            in.licenseState(),
                            in.licenseNumber(),
                            in.source()))
                    .isEqualTo(row.subList(0, 7));
            assertThat(in.extra()).isEqualTo(row.get(7).isBlank() ? Map.of() : Map.of("cf_notes", row.get(7)));
        }
    }

    /** One to five rows of the eight columns; the first name is never blank, or the row would be a skipped blank row. */
    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<List<String>> row = Combinators.combine(
                        field().filter(s -> !s.isBlank()), field().list().ofSize(7))
                .as((first, rest) -> {
                    List<String> r = new ArrayList<>();
                    r.add(first);
                    r.addAll(rest);
                    return r;
                });
        return row.list().ofMinSize(1).ofMaxSize(5);
    }
}
