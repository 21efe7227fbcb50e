package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.domain.recruit.LeadInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadFileParserTest {
    private final LeadFileParser parser = new LeadFileParser();

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<LeadRow> rows(LeadFileParser parser, String csv) {
        try (LeadFile file = parser.open(utf8(csv))) {
            return file.rows().toList();
        }
    }

    private List<LeadRow> rows(String csv) {
        return rows(parser, csv);
    }

    private static LeadInput input(LeadRow row) {
        assertThat(row).isInstanceOf(LeadRow.Parsed.class);
        return ((LeadRow.Parsed) row).lead();
    }

    @Test
    void reads_every_standard_column() {
        List<LeadRow> rows = rows("""
                First Name,Last Name,Email,Phone,License State,License Number,License Type,Lead Source
                Maria,Gonzalez,maria@example.com,(407) 555-0101,FL,W482913,Life;Health,PropHog
                """);

        assertThat(rows)
                .singleElement()
                .isEqualTo(new LeadRow.Parsed(
                        2,
                        new LeadInput(
                                "Maria",
                                "Gonzalez",
                                "maria@example.com",
                                "(407) 555-0101",
                                "FL",
                                "W482913",
                                List.of("Life", "Health"),
                                "PropHog",
                                Map.of())));
    }

    @Test
    void a_utf8_byte_order_mark_and_crlf_line_ends_are_handled() {
        List<LeadRow> rows = rows("\uFEFFFirst Name,Phone,State\r\nZoë,407-555-0102,FL\r\nJosé,407-555-0103,FL\r\n");

        assertThat(rows).hasSize(2);
        assertThat(input(rows.get(0)).firstName()).isEqualTo("Zoë");
        assertThat(input(rows.get(0)).licenseState()).isEqualTo("FL");
        assertThat(input(rows.get(1)).firstName()).isEqualTo("José");
        assertThat(rows.get(1).row()).isEqualTo(3);
    }

    @Test
    void quoted_fields_keep_commas_quotes_and_line_breaks_and_count_as_one_spreadsheet_row() {
        List<LeadRow> rows = rows("First Name,Last Name,Email,Phone,License Type\n"
                + "Andre,\"Lefebvre, Jr.\",andre@example.org,303-555-0130,\"Life, Annuity\"\n"
                + "\"Dana \"\"DJ\"\"\",\"Whit\nfield\",dj@example.com,,Health\n"
                + "Kim,Lee,kim@example.com,,P&C\n");

        assertThat(rows).extracting(LeadRow::row).containsExactly(2, 3, 4);
        assertThat(input(rows.get(0)).lastName()).isEqualTo("Lefebvre, Jr.");
        assertThat(input(rows.get(0)).licenseTypes()).containsExactly("Life", "Annuity");
        assertThat(input(rows.get(1)).firstName()).isEqualTo("Dana \"DJ\"");
        assertThat(input(rows.get(1)).lastName()).isEqualTo("Whit\nfield");
        assertThat(input(rows.get(2)).firstName()).isEqualTo("Kim");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "First Name,Last Name,Email,Phone,License State,License Number,License Type,Lead Source",
                "first_name,last_name,email,phone,license_state,license_number,license_types,source",
                "firstName,lastName,E-mail,Phone Number,licenseState,licenseNumber,Lines of Authority,leadSource",
                "First,Last,Email Address,Mobile,ST,License #,LICENSE TYPE,Source",
                "FIRST-NAME,Surname,EMAIL,Cell,State,License No,LOA,Lead_Source"
            })
    void header_aliases_are_recognised_whatever_their_case_spaces_underscores_or_dashes(String header) {
        List<LeadRow> rows =
                rows(header + "\nMaria,Gonzalez,maria@example.com,407-555-0101,FL,W482913,Life|Health,Facebook\n");

        assertThat(input(rows.get(0)))
                .isEqualTo(new LeadInput(
                        "Maria",
                        "Gonzalez",
                        "maria@example.com",
                        "407-555-0101",
                        "FL",
                        "W482913",
                        List.of("Life", "Health"),
                        "Facebook",
                        Map.of()));
    }

    @Test
    void license_types_split_on_semicolons_commas_bars_and_slashes() {
        List<LeadRow> rows = rows("""
                First Name,Email,License Types
                A,a@example.com,Life;Health
                B,b@example.com,"Life, Health ,Annuity"
                C,c@example.com,Life|P&C
                D,d@example.com,Life/Health
                E,e@example.com,
                F,f@example.com, ; Life ;;
                """);

        assertThat(rows)
                .map(r -> input(r).licenseTypes())
                .containsExactly(
                        List.of("Life", "Health"),
                        List.of("Life", "Health", "Annuity"),
                        List.of("Life", "P&C"),
                        List.of("Life", "Health"),
                        List.of(),
                        List.of("Life"));
    }

    @Test
    void configured_extra_columns_become_custom_fields_and_the_others_are_listed_as_ignored() {
        LeadFileParser withFields =
                new LeadFileParser(Map.of("Years Licensed", "cf_years_licensed", "Carrier", "cf_current_carrier"));
        try (LeadFile file = withFields.open(utf8("""
                First Name,Email,years_licensed,CARRIER,Notes,Favourite Colour,
                Maria,maria@example.com,7,Acme Life,call after 5,blue,
                Kim,kim@example.com,,Acme Life,,,
                """))) {
            List<LeadRow> rows = file.rows().toList();

            assertThat(file.ignoredColumns()).containsExactly("Notes", "Favourite Colour");
            assertThat(file.customFieldColumns())
                    .containsOnly(
                            Map.entry("years_licensed", "cf_years_licensed"),
                            Map.entry("CARRIER", "cf_current_carrier"));
            assertThat(input(rows.get(0)).extra())
                    .containsOnly(Map.entry("cf_years_licensed", "7"), Map.entry("cf_current_carrier", "Acme Life"));
            assertThat(input(rows.get(1)).extra()).containsOnly(Map.entry("cf_current_carrier", "Acme Life"));
        }
    }

    @Test
    void a_custom_field_may_not_shadow_a_standard_column() {
        assertThatThrownBy(() -> new LeadFileParser(Map.of("Phone Number", "cf_phone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard lead column");
        assertThatThrownBy(() -> new LeadFileParser(Map.of("Notes", " "))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missing_columns_give_null_and_empty_fields_give_empty_text() {
        List<LeadRow> rows = rows("First Name,Phone\nMaria,\n");

        LeadInput in = input(rows.get(0));
        assertThat(in.phone()).isEmpty();
        assertThat(in.email()).isNull();
        assertThat(in.lastName()).isNull();
        assertThat(in.licenseState()).isNull();
        assertThat(in.licenseTypes()).isEmpty();
    }

    @Test
    void a_single_name_column_is_split_into_first_and_last_name() {
        List<LeadRow> rows = rows("Full Name,Email\nMaria de la Cruz,maria@example.com\nCher,cher@example.com\n");

        assertThat(input(rows.get(0)).firstName()).isEqualTo("Maria");
        assertThat(input(rows.get(0)).lastName()).isEqualTo("de la Cruz");
        assertThat(input(rows.get(1)).firstName()).isEqualTo("Cher");
        assertThat(input(rows.get(1)).lastName()).isEmpty();
    }

    @Test
    void a_second_column_for_the_same_field_is_used_when_the_first_is_blank() {
        List<LeadRow> rows = rows("First Name,Phone,Mobile\nA,407-555-0101,305-555-0102\nB,,305-555-0103\n");

        assertThat(input(rows.get(0)).phone()).isEqualTo("407-555-0101");
        assertThat(input(rows.get(1)).phone()).isEqualTo("305-555-0103");
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_a_row_error_and_the_other_rows_are_read() {
        List<LeadRow> rows = rows("""
                First Name,Last Name,Email
                Maria,Gonzalez,maria@example.com
                Andre,Lefebvre, Jr.,andre@example.org
                Kim
                Dana,Whitfield,dana@example.com
                """);

        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).isInstanceOfSatisfying(LeadRow.Unreadable.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.reason()).contains("row 3 has 4 fields but the header has 3");
        });
        assertThat(rows.get(2))
                .isInstanceOfSatisfying(
                        LeadRow.Unreadable.class, e -> assertThat(e.row()).isEqualTo(4));
        assertThat(input(rows.get(3)).firstName()).isEqualTo("Dana");
        assertThat(rows.get(3).row()).isEqualTo(5);
    }

    @Test
    void blank_rows_are_skipped_but_still_counted_in_row_numbers() {
        List<LeadRow> rows =
                rows("First Name,Email\r\n\r\nMaria,maria@example.com\r\n,\r\n  , \r\nKim,kim@example.com\r\n\r\n");

        assertThat(rows).extracting(LeadRow::row).containsExactly(3, 6);
    }

    @Test
    void an_unterminated_quote_ends_the_file_with_a_row_error_naming_the_row() {
        List<LeadRow> rows =
                rows("First Name,Email\nMaria,maria@example.com\nKim,\"kim@example.com\nDana,dana@example.com\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).isInstanceOfSatisfying(LeadRow.Unreadable.class, e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.reason()).contains("row 3 could not be read").contains("rows after it were not read");
        });
    }

    @Test
    void junk_after_a_closing_quote_is_a_row_error() {
        List<LeadRow> rows = rows("First Name,Email\nMaria,\"maria@example.com\"x\n");

        assertThat(rows)
                .singleElement()
                .isInstanceOfSatisfying(
                        LeadRow.Unreadable.class, e -> assertThat(e.row()).isEqualTo(2));
    }

    @Test
    void bytes_that_are_not_utf8_after_an_ascii_header_make_the_file_windows_1252() {
        byte[] header = "First Name,Email\nMaria,maria@example.com\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "J\u00fcrgen,j@example.com\n".getBytes(StandardCharsets.ISO_8859_1);

        try (LeadFile file = parser.open(
                new SequenceInputStream(new ByteArrayInputStream(header), new ByteArrayInputStream(latin1)))) {
            List<LeadRow> rows = file.rows().toList();
            assertThat(rows).hasSize(2);
            assertThat(input(rows.get(1)).firstName()).isEqualTo("Jürgen");
            assertThat(file.encoding()).isEqualTo(io.recruitflow.application.importleads.LeadFileEncoding.WINDOWS_1252);
        }
    }

    @Test
    void a_file_without_a_name_column_is_refused() {
        assertThatThrownBy(() -> parser.open(utf8("Last Name,Email,Phone\nGonzalez,m@example.com,407-555-0101\n")))
                .isInstanceOf(InvalidLeadFileException.class)
                .hasMessageContaining("no name column")
                .hasMessageContaining("First Name");
    }

    @Test
    void a_file_without_a_phone_or_email_column_is_refused() {
        assertThatThrownBy(() -> parser.open(utf8("First Name,Last Name,State\nMaria,Gonzalez,FL\n")))
                .isInstanceOf(InvalidLeadFileException.class)
                .hasMessageContaining("neither a phone nor an email column");
    }

    @Test
    void an_empty_file_or_one_in_another_encoding_is_refused() {
        assertThatThrownBy(() -> parser.open(utf8("")))
                .isInstanceOf(InvalidLeadFileException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.open(utf8("\uFEFF"))).isInstanceOf(InvalidLeadFileException.class);
        byte[] brokenAfterTheMark = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'P', 'r', (byte) 0xE9, 'n', 'o', 'm', '\n'};
        assertThatThrownBy(() -> parser.open(new ByteArrayInputStream(brokenAfterTheMark)))
                .isInstanceOf(InvalidLeadFileException.class)
                .hasMessageContaining("not UTF-8 (with byte-order mark) text");
    }

    @Test
    void a_header_only_file_has_no_rows() {
        assertThat(rows("First Name,Email\n")).isEmpty();
        assertThat(rows("First Name,Email")).isEmpty();
    }

    @Test
    void rows_stream_lazily_and_closing_the_stream_closes_the_input() {
        AtomicBoolean closed = new AtomicBoolean();
        InputStream header = utf8("First Name,Email\n");
        // A file of 50,000 rows that is never in memory at once: rows are generated as they are read.
        InputStream body =
                new SequenceInputStream(Collections.enumeration(IntStream.range(0, 50_000)
                        .mapToObj(i -> utf8("Agent" + i + ",agent" + i + "@example.com\n"))
                        .toList())) {
                    @Override
                    public void close() throws java.io.IOException {
                        closed.set(true);
                        super.close();
                    }
                };
        LeadFile file = parser.open(new SequenceInputStream(header, body));

        try (var rows = file.rows()) {
            assertThat(rows.skip(49_999).findFirst())
                    .get()
                    .extracting(LeadRow::row)
                    .isEqualTo(50_001);
        }
        assertThat(closed).isTrue();
    }

    @Test
    void rows_can_be_read_once() {
        try (LeadFile file = parser.open(utf8("First Name,Email\nA,a@example.com\n"))) {
            file.rows().toList();
            assertThatThrownBy(file::rows).isInstanceOf(IllegalStateException.class);
        }
    }
}
