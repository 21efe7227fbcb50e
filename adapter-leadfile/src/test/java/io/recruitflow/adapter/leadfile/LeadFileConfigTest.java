package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeadFileConfigTest {
    @Test
    void byDefaultNoExtraColumnIsRead() {
        assertThat(LeadFileConfig.defaults().customFieldColumns()).isEmpty();
    }

    @Test
    void keepsTheColumnsInTheirOrderAndCannotBeChangedAfterwards() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("Upline", "cf_upline");
        columns.put("Agency Name", "cf_agency");
        LeadFileConfig config = new LeadFileConfig(columns);
        columns.put("Late", "cf_late");

        assertThat(config.customFieldColumns())
                .containsExactly(Map.entry("Upline", "cf_upline"), Map.entry("Agency Name", "cf_agency"));
        assertThatThrownBy(() -> config.customFieldColumns().put("X", "cf_x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesWhatTheParserWouldRefuse() {
        assertThatThrownBy(() -> new LeadFileConfig(Map.of("Phone", "cf_phone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard lead column");
        assertThatThrownBy(() -> new LeadFileConfig(Map.of("Upline", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a header and a field id");
    }

    @Test
    void theNpnIsAStandardColumnNowAndTheMessageSaysWhereItsCustomFieldIsSet() {
        assertThatThrownBy(() -> new LeadFileConfig(Map.of("NPN", "cf_npn")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard lead column (NPN)")
                .hasMessageContaining("npn=ID");
    }

    @Test
    void keepsTheColumnMapping() {
        var mapping = io.recruitflow.application.importleads.ColumnMapping.parse(java.util.List.of("Phone=Cell 2"));
        assertThat(new LeadFileConfig(Map.of(), mapping).columnMapping()).isEqualTo(mapping);
        assertThat(LeadFileConfig.defaults().columnMapping().isEmpty()).isTrue();
    }
}
