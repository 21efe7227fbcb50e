package io.recruitflow.application.importleads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {
    @Test
    void readsFieldEqualsColumnPairsAndNamesFieldsLeniently() {
        ColumnMapping mapping = ColumnMapping.parse(List.of(
                "First Name=Agent First Name", " phone = Cell 2 ", "npn=Producer ID", "License Type=LOA Codes"));

        assertThat(mapping.columns())
                .containsExactly(
                        Map.entry(LeadField.FIRST_NAME, "Agent First Name"),
                        Map.entry(LeadField.PHONE, "Cell 2"),
                        Map.entry(LeadField.LICENSE_TYPES, "LOA Codes"),
                        Map.entry(LeadField.NPN, "Producer ID"));
        assertThat(mapping)
                .hasToString(
                        "First Name=Agent First Name, Phone=Cell 2, License Types=LOA Codes, " + "NPN=Producer ID");
    }

    @Test
    void anUnknownFieldIsAClearErrorListingTheFields() {
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("Frist Name=Agent First Name")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown field 'Frist Name' in 'Frist Name=Agent First Name'; the fields are "
                        + LeadField.labels());
    }

    @Test
    void whatIsNotFieldEqualsColumnIsAClearError() {
        for (String bad : List.of("First Name", "=Agent", "First Name=", " ")) {
            assertThatThrownBy(() -> ColumnMapping.parse(List.of(bad)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not Field=Column");
        }
    }

    @Test
    void aFieldMappedTwiceOrAColumnUsedForTwoFieldsIsAnError() {
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("Phone=Cell", "phone=Mobile 2")))
                .hasMessage("Phone is mapped twice");
        assertThatThrownBy(() -> ColumnMapping.parse(List.of("Phone=Cell", "Email=cell")))
                .hasMessage("column 'cell' is mapped to both Phone and Email");
    }

    @Test
    void anOverrideWinsFieldByFieldAndTakesItsColumnsAlong() {
        ColumnMapping configured = ColumnMapping.parse(List.of("First Name=Given", "Phone=Cell 2"));

        ColumnMapping merged = configured.overriddenBy(ColumnMapping.parse(List.of("Phone=Mobile", "Email=Given")));

        assertThat(merged.columns())
                .containsExactly(Map.entry(LeadField.EMAIL, "Given"), Map.entry(LeadField.PHONE, "Mobile"));
        assertThat(configured.overriddenBy(ColumnMapping.none())).isSameAs(configured);
    }
}
