package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row is read no further than the record limit: an unterminated quote cannot make the reader gather the file. */
class RecordLimitTest {

    /**
     * {@code head}, then {@code fill} repeated up to {@code total} bytes, made as it is read: a huge upload that
     * never exists in memory. Counts what was read.
     */
    static final class Endless extends InputStream {
        private final byte[] head;
        private final byte fill;
        private final long total;
        long served;

        Endless(String head, char fill, long total) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.fill = (byte) fill;
            this.total = total;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (served >= total) {
                return -1;
            }
            int n = (int) Math.min(len, total - served);
            for (int i = 0; i < n; i++) {
                long at = served + i;
                b[off + i] = at < head.length ? head[(int) at] : fill;
            }
            served += n;
            return n;
        }
    }

    @Test
    void an_unterminated_quote_in_200_MB_is_a_row_error_after_64_KiB_not_200_MB_in_memory() {
        Endless upload = new Endless("First Name,Phone\nAnn,+15125550101\n\"Jane,", 'x', 200L * 1024 * 1024);
        List<LeadRow> rows = new ArrayList<>();
        long started = System.nanoTime();

        new CsvLeadFileReader(new LeadFileParser()).read(upload, ColumnMapping.none(), rows::add);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).isInstanceOf(LeadRow.Parsed.class);
        assertThat(rows.get(1)).isInstanceOf(LeadRow.Unreadable.class);
        assertThat(rows.get(1).row()).isEqualTo(3);
        assertThat(((LeadRow.Unreadable) rows.get(1)).reason())
                .startsWith("row 3 could not be read")
                .contains("longer than 65536 characters")
                .contains("never closed")
                .endsWith("the rows after it were not read");
        // What was read: the record limit, the CSV reader's read-ahead and the decoder's buffers; not the file.
        assertThat(upload.served).isLessThan(256 * 1024);
    }

    @Test
    void the_limit_is_configurable_and_a_longer_row_that_ends_is_refused_alone() {
        LeadFileParser parser = new LeadFileParser(Map.of(), 200);
        String longName = "y".repeat(300);
        String csv = "First Name,Phone\nAnn,+15125550101\n\"" + longName + "\",+15125550102\nBea,+15125550103\n";
        List<LeadRow> rows = new ArrayList<>();

        new CsvLeadFileReader(parser).read(utf8(csv), ColumnMapping.none(), rows::add);

        assertThat(rows).extracting(LeadRow::row).containsExactly(2, 3, 4);
        assertThat(rows.get(1)).isInstanceOf(LeadRow.Unreadable.class);
        assertThat(((LeadRow.Unreadable) rows.get(1)).reason())
                .isEqualTo("row 3 is longer than 200 characters, the most a row may have");
        assertThat(rows.get(2)).isInstanceOf(LeadRow.Parsed.class);
    }

    @Test
    void a_header_longer_than_the_limit_refuses_the_file() {
        char[] header = new char[100_000];
        Arrays.fill(header, 'h');
        InputStream in = utf8("\"" + new String(header) + "\n");

        assertThatThrownBy(() -> new CsvLeadFileReader(new LeadFileParser()).read(in, ColumnMapping.none(), r -> {}))
                .isInstanceOf(LeadFileReader.BadLeadFileException.class)
                .hasMessageContaining("the header row could not be read")
                .hasMessageContaining("longer than 65536 characters");
    }

    @Test
    void the_module_reads_with_the_configured_limit() {
        LeadFileConfig config = new LeadFileConfig(Map.of(), ColumnMapping.none(), 100);
        LeadFileReader reader = com.google.inject.Guice.createInjector(new LeadFileModule(config))
                .getInstance(LeadFileReader.class);
        List<LeadRow> rows = new ArrayList<>();

        reader.read(utf8("First Name,Phone\n" + "z".repeat(150) + ",+15125550101\n"), rows::add);

        assertThat(rows).singleElement().isInstanceOf(LeadRow.Unreadable.class);
        assertThatThrownBy(() -> new LeadFileConfig(Map.of(), ColumnMapping.none(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
