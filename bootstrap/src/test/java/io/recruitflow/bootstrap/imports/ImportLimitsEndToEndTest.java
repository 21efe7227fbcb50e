package io.recruitflow.bootstrap.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import io.recruitflow.adapter.ghl.webhook.WebhookDecodingModule;
import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryModule;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.adapter.webhook.MetricsModule;
import io.recruitflow.adapter.webhook.StreamingUpload;
import io.recruitflow.adapter.webhook.WebhookConfig;
import io.recruitflow.adapter.webhook.WebhookModule;
import io.recruitflow.adapter.webhook.WebhookServer;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.Lifecycle;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large malformed upload over real HTTP, through the real lead-file reader and import: 200 MB streamed with
 * a quote that is never closed is answered within seconds with a row error, after the server read a few hundred
 * kilobytes of it; a streamed 200 MB of good rows stops at the size limit with 413. Memory stays bounded: the
 * heap does not grow by anything like the upload.
 */
class ImportLimitsEndToEndTest {
    static final String TOKEN = "import-e2e-token-0123456789abcdef";
    static final String HEADERS = "Authorization: Bearer " + TOKEN + "\r\nContent-Type: text/csv\r\n";
    static final long TWO_HUNDRED_MB = 200L * 1024 * 1024;
    static final byte[] HEAD =
            StreamingUpload.utf8("First Name,Last Name,Phone,License State\nJohn,Smith,(407) 555-0123,FL\n");

    private Injector injector;
    private int port;

    private void start(long importMaxBytes) {
        injector = Injectors.create(
                new InMemoryModule(new InMemoryAdapters(Clock.system())),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(RecruitingSettings.defaults()),
                new MetricsModule(),
                new WebhookModule(
                        WebhookConfig.defaults()
                                .withPort(0)
                                .withAdminToken(TOKEN)
                                .withImportMaxBytes(importMaxBytes),
                        Optional.of(InMemoryGhl.LOCATION)));
        port = injector.getInstance(WebhookServer.class).port();
    }

    @AfterEach
    void stop() {
        if (injector != null) {
            injector.getInstance(Lifecycle.class).stop();
        }
    }

    @Test
    void an_unterminated_quote_in_a_200_MB_stream_is_a_row_error_within_seconds() throws Exception {
        start(WebhookConfig.DEFAULT_IMPORT_MAX_BYTES);
        long heapBefore = usedHeapAfterGc();
        StreamingUpload.Answer answer = StreamingUpload.post(
                port,
                "/api/recruits/import",
                HEADERS,
                true,
                StreamingUpload.utf8(new String(HEAD) + "\"Jane,"),
                StreamingUpload.utf8("x"),
                TWO_HUNDRED_MB,
                Duration.ofSeconds(60));
        long heapGrowth = usedHeapAfterGc() - heapBefore;

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(answer.body())
                .contains("\"rows\":2")
                .contains("{\"row\":3,\"reason\":\"row 3 could not be read (it is longer than 65536 characters")
                .contains("the rows after it were not read");
        assertThat(injector.getInstance(Recruits.class).all(Optional.empty())).hasSize(1);
        assertThat(answer.elapsed()).isLessThan(Duration.ofSeconds(10));
        // What the client had sent when the answer came bounds what the server read: far from 200 MB.
        assertThat(answer.bytesSent()).isLessThan(32L * 1024 * 1024);
        assertThat(heapGrowth).isLessThan(64L * 1024 * 1024);
        System.out.printf(
                "unterminated quote: answered in %d ms, %d KiB sent by then, heap growth %d KiB%n",
                answer.elapsed().toMillis(), answer.bytesSent() / 1024, heapGrowth / 1024);
    }

    @Test
    void a_200_MB_stream_of_good_rows_stops_at_the_size_limit_with_413() throws Exception {
        start(256 * 1024);
        StreamingUpload.Answer answer = StreamingUpload.post(
                port,
                "/api/recruits/import",
                HEADERS,
                true,
                StreamingUpload.utf8("First Name,Last Name,Phone,License State\n"),
                StreamingUpload.utf8("John,Smith,(407) 555-0123,FL\n"),
                TWO_HUNDRED_MB,
                Duration.ofSeconds(60));

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("\"error\":\"payload_too_large\"").contains("\"maxBytes\":262144");
        int rowsInLimit = (256 * 1024 - 41) / 29;
        // Every whole row before the limit was taken (the same lead: one accepted, the others known), none after;
        // the answer counts them all and lists the first 1,000 known.
        assertThat(answer.body()).contains("\"acceptedCount\":1,\"knownCount\":" + (rowsInLimit - 1) + ",");
        assertThat(answer.body().split("\\{\"row\":", -1)).hasSize(1 + 1 + 1_000); // before, row 2, rows 3..1,002
        assertThat(answer.body()).contains("{\"row\":1002,").doesNotContain("{\"row\":1003,");
        assertThat(injector.getInstance(Recruits.class).all(Optional.empty())).hasSize(1);
        assertThat(answer.bytesSent()).isLessThan(64L * 1024 * 1024);
        System.out.printf(
                "size limit: answered in %d ms, %d KiB sent by then%n",
                answer.elapsed().toMillis(), answer.bytesSent() / 1024);
    }

    private static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
