package io.recruitflow.adapter.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/recruits/import} takes at most {@code RECRUITFLOW_IMPORT_MAX_BYTES}: over real HTTP, a declared
 * length over it is refused before a byte is read, a streamed body is read up to it and no further, and nothing
 * past it is accepted. The import here reads the body line by line as the real one reads rows, accepting each.
 */
class ImportLimitTest {
    static final String TOKEN = "import-limit-token-0123456789";
    static final int LIMIT = 1024 * 1024;
    static final String HEADERS = "Authorization: Bearer " + TOKEN + "\r\nContent-Type: text/csv\r\n";
    static final byte[] HEADER_ROW = StreamingUpload.utf8("First Name,Phone\n");
    static final byte[] ROW = StreamingUpload.utf8("Jane,+15125550101\n");
    static final long TWO_HUNDRED_MB = 200L * 1024 * 1024;

    private final AtomicInteger calls = new AtomicInteger();
    private final List<Integer> acceptedRows = new ArrayList<>();
    private WebhookServer server;
    private int port;

    @BeforeEach
    void start() {
        ImportLeadsUseCase imports = command -> {
            calls.incrementAndGet();
            List<ImportReport.Row> accepted = new ArrayList<>();
            int row = 1;
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(command.file(), StandardCharsets.UTF_8))) {
                lines.readLine(); // the header
                String line;
                while ((line = lines.readLine()) != null) {
                    row++;
                    if (line.equals("Jane,+15125550101")) { // only whole rows
                        accepted.add(new ImportReport.Row(row, new RecruitId(UUID.randomUUID())));
                    }
                }
            } catch (IOException cutOff) {
                // as the real reader: the row being read when the input failed is not accepted
            }
            synchronized (acceptedRows) {
                accepted.forEach(r -> acceptedRows.add(r.row()));
            }
            return new ImportReport(row - 1, accepted, List.of(), List.of(), Optional.empty());
        };
        AdminServices services = new AdminServices(
                mock(IntakeRecruitUseCase.class),
                imports,
                mock(ViewRecruitUseCase.class),
                mock(SchedulePresentationUseCase.class),
                mock(RecruitingFunnelUseCase.class),
                new FakeEventInbox(),
                Optional.of(new LocationId("loc_1")));
        server = WebhookServer.builder(
                        WebhookConfig.defaults().withAdminToken(TOKEN).withImportMaxBytes(LIMIT))
                .inbox(new FakeEventInbox())
                .admin(services)
                .build();
        port = server.start(0);
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(1));
    }

    @Test
    void a_declared_length_over_the_limit_is_413_before_anything_is_read() throws Exception {
        StreamingUpload.Answer answer = StreamingUpload.post(
                port, "/api/recruits/import", HEADERS, false, HEADER_ROW, ROW, TWO_HUNDRED_MB, Duration.ofSeconds(30));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body())
                .contains("\"error\":\"payload_too_large\"")
                .contains("209715200 bytes, more than the 1048576 bytes")
                .contains("RECRUITFLOW_IMPORT_MAX_BYTES");
        assertThat(calls).hasValue(0);
        assertThat(answer.elapsed()).isLessThan(Duration.ofSeconds(5));
        assertThat(answer.bytesSent()).isLessThan(TWO_HUNDRED_MB / 4);
    }

    @Test
    void a_streamed_200_MB_body_is_read_up_to_the_limit_and_nothing_past_it_is_accepted() throws Exception {
        StreamingUpload.Answer answer = StreamingUpload.post(
                port, "/api/recruits/import", HEADERS, true, HEADER_ROW, ROW, TWO_HUNDRED_MB, Duration.ofSeconds(30));

        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body())
                .contains("\"error\":\"payload_too_large\"")
                .contains("\"maxBytes\":1048576")
                .contains("the rows before the limit were imported");
        int wholeRowsInLimit = (LIMIT - HEADER_ROW.length) / ROW.length;
        assertThat(acceptedRows).hasSize(wholeRowsInLimit);
        assertThat(acceptedRows.get(acceptedRows.size() - 1)).isEqualTo(wholeRowsInLimit + 1);
        assertThat(answer.body()).contains("{\"row\":" + (wholeRowsInLimit + 1) + ",");
        assertThat(answer.body()).doesNotContain("{\"row\":" + (wholeRowsInLimit + 2) + ",");
        // The server stopped reading at the limit: the client got the answer long before sending 200 MB.
        assertThat(answer.elapsed()).isLessThan(Duration.ofSeconds(10));
        assertThat(answer.bytesSent()).isLessThan(TWO_HUNDRED_MB / 4);
    }

    @Test
    void a_body_of_exactly_the_limit_is_imported_whole() {
        byte[] body = new byte[LIMIT];
        System.arraycopy(HEADER_ROW, 0, body, 0, HEADER_ROW.length);
        int at = HEADER_ROW.length;
        while (at + ROW.length <= LIMIT) {
            System.arraycopy(ROW, 0, body, at, ROW.length);
            at += ROW.length;
        }
        while (at < LIMIT) {
            body[at++] = '\n';
        }
        HttpResponse<String> r = new Http(port)
                .post("/api/recruits/import", body, "Authorization", "Bearer " + TOKEN, "Content-Type", "text/csv");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(acceptedRows).hasSize((LIMIT - HEADER_ROW.length) / ROW.length);
    }

    @Test
    void the_limit_is_a_setting_with_units() {
        assertThat(WebhookConfig.defaults().importMaxBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(WebhookConfig.fromEnvironment(java.util.Map.of(WebhookConfig.ENV_IMPORT_MAX_BYTES, "2MiB"))
                        .importMaxBytes())
                .isEqualTo(2L * 1024 * 1024);
        assertThat(WebhookConfig.parseByteSize("512KiB")).isEqualTo(512L * 1024);
        assertThat(WebhookConfig.parseByteSize("1GB")).isEqualTo(1_000_000_000L);
        assertThat(WebhookConfig.parseByteSize("12345")).isEqualTo(12_345L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        WebhookConfig.fromEnvironment(java.util.Map.of(WebhookConfig.ENV_IMPORT_MAX_BYTES, "lots")))
                .hasMessageContaining(WebhookConfig.ENV_IMPORT_MAX_BYTES)
                .hasMessageContaining("not a size");
    }
}
