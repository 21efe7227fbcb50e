package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.LeadField;
import io.recruitflow.application.importleads.LeadFileEncoding;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.domain.recruit.LeadInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Lead files as spreadsheets and lead sources really write them, read from the files in
 * {@code src/test/resources/leadfiles}: Excel's "CSV (Comma delimited)" in Windows-1252 with CRLF, "CSV UTF-8"
 * with a byte-order mark, Google Sheets' UTF-8, Excel's tab-separated "Unicode Text" in UTF-16LE, state
 * license data with its own headers, NPNs and expiration dates.
 */
class LeadFilesAsTheyComeTest {
    private final LeadFileParser parser = new LeadFileParser();

    static InputStream fixture(String name) {
        InputStream in = LeadFilesAsTheyComeTest.class.getResourceAsStream("/leadfiles/" + name);
        assertThat(in).as("fixture %s", name).isNotNull();
        return in;
    }

    /** The rows of a fixture and its layout after reading it whole. */
    record Read(List<LeadRow> rows, LeadFileLayout layout) {
        LeadInput lead(int index) {
            assertThat(rows.get(index)).isInstanceOf(LeadRow.Parsed.class);
            return ((LeadRow.Parsed) rows.get(index)).lead();
        }
    }

    static Read read(String fixture, ColumnMapping mapping) {
        List<LeadRow> rows = new ArrayList<>();
        LeadFileLayout layout = new CsvLeadFileReader(new LeadFileParser()).read(fixture(fixture), mapping, rows::add);
        return new Read(rows, layout);
    }

    static Read read(String fixture) {
        return read(fixture, ColumnMapping.none());
    }

    @Nested
    class Encodings {
        @ParameterizedTest(name = "{0} is {1}")
        @CsvSource({
            "excel-csv-comma-delimited-windows-1252.csv, WINDOWS_1252",
            "excel-csv-utf8-bom.csv, UTF_8_BOM",
            "google-sheets-utf8.csv, UTF_8",
            "excel-unicode-text-utf16le.txt, UTF_16LE",
            "utf16be-bom.csv, UTF_16BE",
        })
        void everyEncodingSpreadsheetsWriteIsDetectedAndReadsTheSameNames(String fixture, LeadFileEncoding encoding) {
            Read read = read(fixture);

            assertThat(read.layout().encoding()).isEqualTo(encoding);
            assertThat(read.rows()).hasSize(4).allMatch(r -> r instanceof LeadRow.Parsed);
            assertThat(read.lead(0).firstName()).isEqualTo("Jürgen");
            assertThat(read.lead(0).lastName()).isEqualTo("Müller");
            assertThat(read.lead(1).firstName()).isEqualTo("José");
            assertThat(read.lead(2).firstName()).isEqualTo("Renée");
            assertThat(read.lead(3).firstName()).isEqualTo("Zoë");
            assertThat(read.lead(3).lastName()).isEqualTo("O'Connor");
            // CRLF leaves no carriage return behind, in the last column either.
            assertThat(read.lead(2).licenseTypes()).containsExactly("Life", "Annuity");
            assertThat(read.rows().get(3).row()).isEqualTo(5);
        }

        @Test
        void aWindows1252FileWhoseFirstAccentComesAfterMoreThanTheLookaheadIsStillWindows1252() {
            Read read = read("windows-1252-accent-late.csv");

            assertThat(read.layout().encoding()).isEqualTo(LeadFileEncoding.WINDOWS_1252);
            assertThat(read.rows()).hasSize(1201).allMatch(r -> r instanceof LeadRow.Parsed);
            assertThat(read.lead(1200).firstName()).isEqualTo("Jürgen");
        }

        @Test
        void aFileOfAsciiOnlyIsAscii() {
            Read read =
                    read("unrecognised-headers.csv", ColumnMapping.parse(List.of("First Name=Given", "Phone=Cell 2")));

            assertThat(read.layout().encoding()).isEqualTo(LeadFileEncoding.ASCII);
        }

        @Test
        void aUtf8FileBrokenAfterTheLookaheadHasThatRowUnreadableAndSaysUtf8() throws IOException {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.write("First Name,Email\nZoë,zoe@example.com\n".getBytes(StandardCharsets.UTF_8));
            while (file.size() < DecodedText.LOOKAHEAD + 1000) {
                file.write("Kim,kim@example.com\n".getBytes(StandardCharsets.UTF_8));
            }
            file.write("J\u00fcrgen,j@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
            List<LeadRow> rows = new ArrayList<>();

            LeadFileLayout layout = new CsvLeadFileReader(parser)
                    .read(new ByteArrayInputStream(file.toByteArray()), ColumnMapping.none(), rows::add);

            assertThat(layout.encoding()).isEqualTo(LeadFileEncoding.UTF_8);
            assertThat(rows.get(rows.size() - 1))
                    .isInstanceOfSatisfying(
                            LeadRow.Unreadable.class,
                            u -> assertThat(u.reason()).contains("is not UTF-8 text"));
        }

        @Test
        void utf16WithoutAByteOrderMarkIsRefusedSayingWhy() {
            assertThatThrownBy(() -> read("utf16le-without-bom.csv"))
                    .isInstanceOf(LeadFileReader.BadLeadFileException.class)
                    .hasMessageContaining("NUL bytes")
                    .hasMessageContaining("UTF-16 without a byte-order mark");
        }

        @Test
        void anUndefinedWindows1252ByteIsARowErrorNotAQuestionMark() {
            byte[] bytes = "First Name,Email\nAndr\u00e9,a@example.com\nX\u0081,x@example.com\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            List<LeadRow> rows = new ArrayList<>();

            LeadFileLayout layout = new CsvLeadFileReader(parser)
                    .read(new ByteArrayInputStream(bytes), ColumnMapping.none(), rows::add);

            assertThat(layout.encoding()).isEqualTo(LeadFileEncoding.WINDOWS_1252);
            assertThat(((LeadRow.Parsed) rows.get(0)).lead().firstName()).isEqualTo("André");
            assertThat(rows.get(1))
                    .isInstanceOfSatisfying(
                            LeadRow.Unreadable.class,
                            u -> assertThat(u.reason()).contains("not Windows-1252 text"));
        }

        @Test
        void aSemicolonSeparatedExportIsReadToo() {
            byte[] bytes =
                    "First Name;Email;Phone\nJürgen;j@example.com;(407) 555-0141\n".getBytes(StandardCharsets.UTF_8);
            List<LeadRow> rows = new ArrayList<>();

            new CsvLeadFileReader(parser).read(new ByteArrayInputStream(bytes), ColumnMapping.none(), rows::add);

            assertThat(((LeadRow.Parsed) rows.get(0)).lead().phone()).isEqualTo("(407) 555-0141");
        }
    }

    @Nested
    class StateLicenseData {
        private final Read read = read("state-license-data-windows-1252.csv");

        @Test
        void itsHeadersAreRecognisedWithoutAMapping() {
            assertThat(read.layout().columns())
                    .extracting(LeadFileLayout.Column::header, c -> c.field().orElseThrow())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("Agent First Name", LeadField.FIRST_NAME),
                            org.assertj.core.groups.Tuple.tuple("Agent Last Name", LeadField.LAST_NAME),
                            org.assertj.core.groups.Tuple.tuple("Mobile Phone", LeadField.PHONE),
                            org.assertj.core.groups.Tuple.tuple("Email Address", LeadField.EMAIL),
                            org.assertj.core.groups.Tuple.tuple("Resident State", LeadField.LICENSE_STATE),
                            org.assertj.core.groups.Tuple.tuple("License Number", LeadField.LICENSE_NUMBER),
                            org.assertj.core.groups.Tuple.tuple("NPN", LeadField.NPN),
                            org.assertj.core.groups.Tuple.tuple("License Expiration", LeadField.LICENSE_EXPIRATION),
                            org.assertj.core.groups.Tuple.tuple("Lines of Authority", LeadField.LICENSE_TYPES));
            assertThat(read.layout().encoding()).isEqualTo(LeadFileEncoding.WINDOWS_1252);
        }

        @Test
        void theNpnAndTheExpirationReachTheLeadAsWritten() {
            LeadInput john = read.lead(0);
            assertThat(john.firstName()).isEqualTo("JOHN");
            assertThat(john.npn()).isEqualTo("12345678");
            assertThat(john.licenseExpiration()).isEqualTo("12/31/2027");
            assertThat(john.licenseTypes()).containsExactly("Life", "Accident & Health");
            assertThat(read.lead(2).firstName()).isEqualTo("JOSÉ");
        }

        @Test
        void aQuotedNameWithALineBreakIsOneRowAndTheRowNumbersFollowTheSpreadsheet() {
            assertThat(read.lead(3).firstName()).isEqualTo("ANNA\r\nLENA");
            assertThat(read.rows().get(3).row()).isEqualTo(5);
            assertThat(read.rows().get(4).row()).isEqualTo(6);
        }
    }

    @Nested
    class Mapping {
        @Test
        void aMappingGivesUnrecognisedHeadersTheirFieldsAndTheLayoutSaysSo() {
            Read read = read(
                    "unrecognised-headers.csv",
                    ColumnMapping.parse(List.of(
                            "First Name=Given",
                            "last name=family",
                            "Phone=Cell 2",
                            "Email=Work Mail",
                            "License State=Licensed In",
                            "NPN=Producer ID")));

            assertThat(read.lead(0))
                    .isEqualTo(new LeadInput(
                            "Maria",
                            "Gonzalez",
                            "maria.g@example.com",
                            "(407) 555-0161",
                            "FL",
                            null,
                            List.of(),
                            "1234567",
                            null,
                            null,
                            Map.of()));
            assertThat(read.layout().columns())
                    .first()
                    .isEqualTo(new LeadFileLayout.Column(
                            "Given", Optional.of(LeadField.FIRST_NAME), Optional.empty(), true));
        }

        @Test
        void aMappedFieldTakesOnlyItsColumn() {
            byte[] bytes =
                    "First Name,Phone,Cell\nKim,(407) 555-0101,(407) 555-0199\n".getBytes(StandardCharsets.UTF_8);
            List<LeadRow> rows = new ArrayList<>();

            LeadFileLayout layout = new CsvLeadFileReader(parser)
                    .read(new ByteArrayInputStream(bytes), ColumnMapping.parse(List.of("Phone=Cell")), rows::add);

            assertThat(((LeadRow.Parsed) rows.get(0)).lead().phone()).isEqualTo("(407) 555-0199");
            assertThat(layout.columns().get(1).use()).isEqualTo("ignored");
            assertThat(layout.columns().get(2).use()).isEqualTo("Phone");
        }

        @Test
        void aMappingNamingAColumnTheFileLacksRefusesTheFile() {
            assertThatThrownBy(() -> read(
                            "unrecognised-headers.csv", ColumnMapping.parse(List.of("First Name=Agent First Name"))))
                    .isInstanceOf(LeadFileReader.BadLeadFileException.class)
                    .hasMessageContaining("takes First Name from 'Agent First Name', but the file has no such column");
        }

        @Test
        void withoutAMappingAFileOfUnrecognisedHeadersIsRefusedAndTheMessageSaysHowToMap() {
            assertThatThrownBy(() -> read("unrecognised-headers.csv"))
                    .isInstanceOf(LeadFileReader.BadLeadFileException.class)
                    .hasMessageContaining("no name column")
                    .hasMessageContaining("'First Name=Agent First Name'");
        }

        @Test
        void theConfiguredMappingAppliesAndTheImportsOwnOverridesIt() {
            CsvLeadFileReader reader = new CsvLeadFileReader(
                    new LeadFileParser(), ColumnMapping.parse(List.of("First Name=Given", "Phone=Cell 2")));
            List<LeadRow> rows = new ArrayList<>();

            reader.read(
                    fixture("unrecognised-headers.csv"), ColumnMapping.parse(List.of("First Name=Family")), rows::add);

            LeadInput first = ((LeadRow.Parsed) rows.get(0)).lead();
            assertThat(first.firstName()).isEqualTo("Gonzalez");
            assertThat(first.phone()).isEqualTo("(407) 555-0161");
        }
    }

    @Test
    void everyLeadFieldHasItsHeaderSpellings() {
        for (LeadField field : LeadField.values()) {
            assertThat(LeadColumn.of(field).field()).isEqualTo(field);
            assertThat(LeadColumn.of(field.label())).as(field.label()).contains(LeadColumn.of(field));
        }
    }

    @Test
    void closingTheReaderClosesTheFile() throws IOException {
        boolean[] closed = {false};
        InputStream in = new java.io.FilterInputStream(fixture("google-sheets-utf8.csv")) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        new CsvLeadFileReader(parser).read(in, ColumnMapping.none(), row -> {});
        assertThat(closed[0]).isTrue();
    }
}
