package io.recruitflow.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void emails_and_phone_numbers_in_every_usual_shape_are_masked() {
        String text = "ann.agent@example.com; +14075551234; (407) 555-1234; 407-555-1235; 407.555.1236; "
                + "1 407 555 1237; 4075551238; %2B14075551239";
        String masked = PersonalData.mask(text);
        assertThat(masked)
                .doesNotContain("ann.agent", "4075551234", "555-1234", "555-1235", "555.1236", "555 1237")
                .doesNotContain("4075551238", "14075551239")
                .contains("a***@example.com", "+***1234", "***-1235", "***1238");
    }

    @Test
    void the_server_detail_of_a_failed_statement_is_dropped() {
        String pg = "ERROR: duplicate key value violates unique constraint \"recruits_location_phone\"\n"
                + "  Detail: Key (location_id, phone)=(loc_1, +14075551234) already exists.";
        assertThat(PersonalData.mask(pg))
                .contains("recruits_location_phone", "Detail: ***")
                .doesNotContain("loc_1, ");
        assertThat(PersonalData.mask("new row violates check constraint \"c\"  Failing row contains (Ann, Agent)."))
                .doesNotContain("Ann");
    }

    @Test
    void what_identifies_no_one_stays_readable() {
        String text =
                "job intake/9f1c2e7a-0000-4000-8000-000000000001 failed at 2026-03-02T15:00:00Z after 1764579600123 ms "
                        + "(HTTP 503, attempt 3 of 8, location loc_abc123, contact c_1)";
        assertThat(PersonalData.mask(text)).isEqualTo(text);
        assertThat(PersonalData.mask(null)).isNull();
    }

    @Test
    void a_failure_is_copied_for_a_logger_with_every_message_masked_and_the_stack_kept() {
        IllegalStateException root =
                new IllegalStateException("invalid input syntax for type uuid: \"ann@example.com\"");
        RuntimeException top = new RuntimeException("statement failed for +14075551234", root);
        top.addSuppressed(new IllegalArgumentException("also 407-555-1234"));

        Throwable masked = PersonalData.masked(top);

        List<String> messages = new ArrayList<>();
        for (Throwable t = masked; t != null; t = t.getCause()) {
            messages.add(t.getMessage());
        }
        messages.add(masked.getSuppressed()[0].getMessage());
        assertThat(String.join(" | ", messages))
                .doesNotContain("ann@example.com", "4075551234", "555-1234")
                .contains("java.lang.RuntimeException: statement failed for +***1234")
                .contains("java.lang.IllegalStateException: invalid input syntax for type uuid")
                .contains("java.lang.IllegalArgumentException");
        assertThat(masked.getStackTrace()).isEqualTo(top.getStackTrace());
        assertThat(PersonalData.masked(null)).isNull();
    }
}
