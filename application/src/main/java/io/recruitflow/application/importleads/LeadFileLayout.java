package io.recruitflow.application.importleads;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a lead file was read: its encoding and what each column of its header was used for.
 *
 * @param encoding how its text was encoded
 * @param columns  every column of the header, in file order
 */
public record LeadFileLayout(LeadFileEncoding encoding, List<Column> columns) {
    public LeadFileLayout {
        Objects.requireNonNull(encoding, "encoding");
        columns = List.copyOf(columns);
    }

    /**
     * A column of the header and what it gives: a lead field, a GHL custom field, or nothing (ignored).
     *
     * @param mapped whether an explicit column mapping chose it (else its header was recognised)
     */
    public record Column(String header, Optional<LeadField> field, Optional<String> customField, boolean mapped) {
        public Column {
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(customField, "customField");
        }

        /** {@code First Name}, {@code custom field cf_agency} or {@code ignored}. */
        public String use() {
            return field.map(LeadField::label)
                    .or(() -> customField.map(id -> "custom field " + id))
                    .orElse("ignored");
        }
    }
}
