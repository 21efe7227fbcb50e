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
        columns.put("NPN", "cf_npn");
        columns.put("Agency Name", "cf_agency");
        LeadFileConfig config = new LeadFileConfig(columns);
        columns.put("Late", "cf_late");

        assertThat(config.customFieldColumns())
                .containsExactly(Map.entry("NPN", "cf_npn"), Map.entry("Agency Name", "cf_agency"));
        assertThatThrownBy(() -> config.customFieldColumns().put("X", "cf_x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesWhatTheParserWouldRefuse() {
        assertThatThrownBy(() -> new LeadFileConfig(Map.of("Phone", "cf_phone")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("standard lead column");
        assertThatThrownBy(() -> new LeadFileConfig(Map.of("NPN", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a header and a field id");
    }
}
