package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.importleads.ColumnMapping;
import io.recruitflow.application.importleads.ImportLeadsCommand;
import io.recruitflow.application.importleads.ImportPreview;
import io.recruitflow.application.importleads.ImportReport;
import io.recruitflow.application.importleads.LeadFileEncoding;
import io.recruitflow.application.importleads.LeadFileLayout;
import io.recruitflow.application.importleads.LeadFileReader;
import io.recruitflow.application.importleads.LeadRow;
import io.recruitflow.application.importleads.PreviewImportService;
import io.recruitflow.application.intakerecruit.IntakePreview;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.LeadInput;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dry run shows what an import would send and reject, and stores and sends nothing. */
class PreviewImportTest {

    static LeadInput licensed(String first, String last, String phone, String email, String npn, String expires) {
        return new LeadInput(first, last, email, phone, "TX", "TX-1", List.of("Life"), npn, expires, null, Map.of());
    }

    @Test
    void theDryRunShowsTheLeadsAsTheyWouldBeSentTheDuplicatesAndTheRejectionsAndStoresNothing() {
        World w = new World(IntakeSagaTest.AFTERNOON);
        LeadFileLayout layout = new LeadFileLayout(LeadFileEncoding.WINDOWS_1252, List.of());
        ColumnMapping[] seen = new ColumnMapping[1];
        LeadFileReader reader = (file, mapping, rows) -> {
            seen[0] = mapping;
            List.<LeadRow>of(
                            new LeadRow.Parsed(2, licensed("JOHN", "MCDONALD", "2145550151", null, "12345678", null)),
                            new LeadRow.Parsed(3, licensed("Ann", "Lee", null, "ann@example.com", null, "1/1/2020")),
                            new LeadRow.Unreadable(4, "row 4 has 3 fields but the header has 9"),
                            new LeadRow.Parsed(5, licensed("CODY", "MCDONALD", "5125550157", null, "12345678", null)),
                            new LeadRow.Parsed(6, licensed("Eve", "Park", null, "eve@example.com", null, null)),
                            new LeadRow.Parsed(7, licensed("Bo", "Chen", "2135550100", null, null, null)))
                    .forEach(rows);
            return layout;
        };
        PreviewImportService preview =
                new PreviewImportService(reader, new IntakePreview(World.PHONES, w.settings, w.clock));
        ColumnMapping mapping = ColumnMapping.parse(List.of("Phone=Cell 2"));

        ImportPreview result = preview.preview(
                new ImportLeadsCommand(InMemoryGhl.LOCATION, new ByteArrayInputStream(new byte[0]), mapping), 2);

        assertThat(seen[0]).isEqualTo(mapping);
        assertThat(result.layout()).contains(layout);
        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.sample()).extracting(ImportPreview.Sample::row).containsExactly(2, 6);
        ImportPreview.Sample john = result.sample().get(0);
        assertThat(john.contact().firstName()).isEqualTo("John");
        assertThat(john.contact().lastName()).isEqualTo("McDonald");
        assertThat(john.contact().customFields()).contains(new CustomFieldValue("cf_npn", "12345678"));
        assertThat(john.intro().channel()).isEqualTo(Channel.SMS);
        assertThat(john.intro().body()).startsWith("Hi John, ");
        assertThat(result.sample().get(1).intro().channel()).isEqualTo(Channel.EMAIL);
        assertThat(result.duplicates()).containsExactly(new ImportPreview.Duplicate(5, 2));
        assertThat(result.rejected())
                .containsExactly(
                        new ImportReport.Rejection(3, "the license expired on 2020-01-01"),
                        new ImportReport.Rejection(4, "row 4 has 3 fields but the header has 9"));

        assertThat(w.adapters.recruits().all(Optional.empty())).isEmpty();
        assertThat(w.runJobs()).isZero();
        assertThat(w.ghl.contacts()).isEmpty();
        assertThat(w.ghl.sentMessages()).isEmpty();
    }
}
