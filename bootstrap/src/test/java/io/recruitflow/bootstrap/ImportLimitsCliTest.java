package io.recruitflow.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recruitflow import} keeps the same limits as the admin API: the file size, and the row length. */
class ImportLimitsCliTest {

    @Test
    void a_file_over_the_size_limit_is_refused_in_one_line(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("recruitflow.yml"), "import:\n  maxBytes: 1KiB\n");
        Path leads =
                Files.writeString(dir.resolve("leads.csv"), "First Name,Phone\n" + "Jane,+15125550101\n".repeat(100));

        LeadFileCliTest.Run r =
                LeadFileCliTest.run("import", leads.toString(), "--dry-run", "--config", config.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("is 1817 bytes, more than the 1024 an import takes (RECRUITFLOW_IMPORT_MAX_BYTES)")
                .doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_row_over_the_record_limit_is_a_row_error(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("recruitflow.yml"), "import:\n  maxRecordLength: 100\n");
        Path leads = Files.writeString(
                dir.resolve("leads.csv"),
                "First Name,Phone\nJane,+15125550101\n\"" + "x".repeat(20_000) + "\n",
                StandardCharsets.UTF_8);

        LeadFileCliTest.Run r =
                LeadFileCliTest.run("import", leads.toString(), "--dry-run", "--config", config.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("row 3 could not be read (it is longer than 100 characters");
    }
}
