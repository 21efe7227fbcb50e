package io.recruitflow.adapter.ghl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The input shape of each custom field by its GHL dataType. */
class CustomFieldTypesTest {
    private final CustomFieldTypes.Fields fields = new CustomFieldTypes.Fields(Map.of(
            "cf_multi", "MULTIPLE_OPTIONS",
            "contact.multi", "MULTIPLE_OPTIONS",
            "cf_box", "CHECKBOX",
            "cf_text", "TEXT",
            "cf_single", "SINGLE_OPTIONS"));

    @Test
    void multiSelectAndCheckboxTakeTheOptionsAsAnArray() {
        assertThat(fields.inputOf("cf_multi", "Life, Health")).isEqualTo(List.of("Life", "Health"));
        assertThat(fields.inputOf("contact.multi", "Life;Health | Variable Annuities"))
                .isEqualTo(List.of("Life", "Health", "Variable Annuities"));
        assertThat(fields.inputOf("cf_box", "Aetna")).isEqualTo(List.of("Aetna"));
        assertThat(fields.inputOf("cf_box", " ")).isEqualTo(List.of());
    }

    @Test
    void everyOtherFieldAndAnUnknownOneTakeTheText() {
        assertThat(fields.inputOf("cf_text", "Life, Health")).isEqualTo("Life, Health");
        assertThat(fields.inputOf("cf_single", "Life")).isEqualTo("Life");
        assertThat(fields.inputOf("cf_unknown", "a, b")).isEqualTo("a, b");
        assertThat(CustomFieldTypes.Fields.NONE.inputOf("cf_multi", "a, b")).isEqualTo("a, b");
    }
}
