package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.application.importleads.LeadField;
import io.recruitflow.bootstrap.cli.RecruitflowCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Lead files as a new user brings them, through the command line: {@code import --dry-run} shows how the file
 * is read and what would be sent; a file that cannot be imported is one clear line naming it and exit code 2,
 * never a stack trace. The files are adapter-leadfile's fixtures, bytes as spreadsheets write them.
 */
class LeadFileCliTest {
    static final Path FIXTURES = Path.of("..", "adapter-leadfile", "src", "test", "resources", "leadfiles");

    record Run(int exit, String out, String err) {}

    /** Runs the CLI in this JVM with stdout and stderr captured. */
    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = RecruitflowCli.run(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(exit, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static String fixture(String name) {
        return FIXTURES.resolve(name).toString();
    }

    @Test
    void aDryRunOfStateLicenseDataShowsTheEncodingTheColumnsTheLeadsAsSentAndEveryRejectedRow() {
        Run r = run("import", fixture("state-license-data-windows-1252.csv"), "--dry-run");

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out())
                .contains("dry run: nothing is stored and GHL is not called")
                .contains("Encoding: Windows-1252")
                .contains("'Agent First Name'   → First Name")
                .contains("'Mobile Phone'       → Phone")
                .contains("'NPN'                → NPN")
                .contains("'License Expiration' → License Expiration")
                .contains("'Lines of Authority' → License Types")
                .contains("7 rows → 4 leads would be accepted, 1 repeat an earlier row, 2 rejected")
                .contains("row 2: John McDonald · TX · phone +*******0151 · email j***@example.com · NPN 12345678 "
                        + "· license expires 2027-12-31")
                .contains("custom fields: cf_license_state=TX, cf_license_number=TX-2081737, cf_npn=12345678, "
                        + "cf_license_type=Accident & Health, Life")
                .contains("text: Hi John, this is Gary from OOC Unlimited.")
                .contains("row 3: Mary-Jane O'Neil")
                .contains("row 4: José De La Cruz")
                .contains("row 5: Anna Lena van der Berg")
                .contains("row 8: the recruit of row 2")
                .contains("row 6: the license expired on 2020-03-31")
                .contains("row 7: license expiration '31/12/2027' is not a date (M/d/yyyy, yyyy-MM-dd or MM-dd-yyyy)");
        assertThat(r.out())
                .as("phones and emails are masked")
                .doesNotContain("555-0151")
                .doesNotContain("5550151")
                .doesNotContain("john.mcdonald@");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aDryRunTakesTheMappingAndShowsWhichColumnsItMapped() {
        Run r = run(
                "import",
                fixture("unrecognised-headers.csv"),
                "--dry-run",
                "--sample",
                "1",
                "--map",
                "First Name=Given",
                "--map",
                "Last Name=Family",
                "--map",
                "Phone=Cell 2",
                "--map",
                "License State=Licensed In",
                "--map",
                "NPN=Producer ID");

        assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
        assertThat(r.out())
                .contains("Encoding: ASCII")
                .contains("'Given'       → First Name (mapped)")
                .contains("'Work Mail'   → ignored")
                .contains("2 rows → 2 leads would be accepted, 0 repeat an earlier row, 0 rejected")
                .contains("The first 1 as they will be sent:")
                .contains("row 2: Maria Gonzalez · FL · phone +*******0161 · NPN 1234567")
                .doesNotContain("row 3:");
    }

    @Test
    void aMappingOfAnUnknownFieldOrAMissingColumnIsOneClearLineAndExitCode2() {
        Run unknown = run("import", fixture("unrecognised-headers.csv"), "--dry-run", "--map", "Frist Name=Given");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err().strip())
                .startsWith("recruitflow import: --map: unknown field 'Frist Name'")
                .contains("First Name, Last Name")
                .doesNotContain("\n");

        Run missing =
                run("import", fixture("unrecognised-headers.csv"), "--dry-run", "--map", "First Name=Agent First");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err().strip())
                .startsWith("recruitflow import: " + fixture("unrecognised-headers.csv") + ": ")
                .contains("takes First Name from 'Agent First', but the file has no such column")
                .doesNotContain("Exception")
                .doesNotContain("\n");
    }

    @Test
    void aFileThatIsNotTextOrLacksTheColumnsIsOneClearLineNamingItAndExitCode2() {
        for (String bad : new String[] {"utf16le-without-bom.csv", "unrecognised-headers.csv"}) {
            Run r = run("import", fixture(bad), "--dry-run");
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err().strip())
                    .startsWith("recruitflow import: " + fixture(bad) + ": ")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ")
                    .doesNotContain("\n");
        }
        Run directory = run("import", FIXTURES.toString(), "--dry-run");
        assertThat(directory.exit()).isEqualTo(2);
        assertThat(directory.err().strip()).isEqualTo("recruitflow import: cannot read " + FIXTURES);
    }

    @Test
    void theDemoImportsAnExcelWindows1252FileAndRefusesABadOneWithoutAStackTrace() {
        Run excel = run("demo", "--in-memory", "--leads", fixture("excel-csv-comma-delimited-windows-1252.csv"));
        assertThat(excel.exit()).as("stderr: %s", excel.err()).isZero();
        assertThat(excel.out())
                .contains(
                        "1. Imported excel-csv-comma-delimited-windows-1252.csv (Windows-1252): 4 rows → 4 new recruits")
                .contains("Jürgen Müller")
                .contains("José Ibarra");

        Run bad = run("demo", "--in-memory", "--leads", fixture("unrecognised-headers.csv"));
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip())
                .startsWith("recruitflow demo: " + fixture("unrecognised-headers.csv")
                        + ": the lead file has no name column")
                .doesNotContain("Exception")
                .doesNotContain("\n");
    }

    @Test
    void theImportHelpListsEveryFieldAMappingCanName() {
        Run help = run("import", "--help");
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("--dry-run").contains("--map=FIELD=COLUMN").contains("--sample=N");
        for (LeadField field : LeadField.values()) {
            assertThat(text).as(field.label()).contains(field.label());
        }
    }
}
