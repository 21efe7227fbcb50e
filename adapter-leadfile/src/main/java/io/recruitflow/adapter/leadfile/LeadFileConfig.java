package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.ColumnMapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How lead files are read: the extra CSV columns copied into GHL custom fields, by header → custom field id
 * ({@code RECRUITFLOW_LEAD_EXTRA_COLUMNS}, e.g. {@code Agency Name=cf_agency}), and the columns of the fields
 * whose headers the lead sources spell in a way Recruitflow does not recognise ({@code
 * RECRUITFLOW_LEAD_COLUMN_MAP}, e.g. {@code First Name=Agent First Name}; an import can override it). Immutable
 * (in the order given) and validated when made: each custom field needs a header and a field id, a header may
 * not be a standard lead column (those are read anyway) nor be configured twice with different ids. {@code
 * maxRecordLength} ({@code RECRUITFLOW_IMPORT_MAX_RECORD_LENGTH}) is the most characters a row may have: a
 * longer one (an unterminated quote) ends the file there with a row error, read no further.
 */
public record LeadFileConfig(Map<String, String> customFieldColumns, ColumnMapping columnMapping, int maxRecordLength) {
    /** 64 Ki characters per row (record), the default of {@code RECRUITFLOW_IMPORT_MAX_RECORD_LENGTH}. */
    public static final int DEFAULT_MAX_RECORD_LENGTH = LeadFileParser.DEFAULT_MAX_RECORD_LENGTH;

    public LeadFileConfig {
        Objects.requireNonNull(customFieldColumns, "customFieldColumns");
        Objects.requireNonNull(columnMapping, "columnMapping");
        customFieldColumns = Collections.unmodifiableMap(new LinkedHashMap<>(customFieldColumns));
        // the parser's own rules, refused now rather than at the first file
        new LeadFileParser(customFieldColumns, maxRecordLength);
    }

    /** Custom-field columns and a column mapping, rows of up to {@link #DEFAULT_MAX_RECORD_LENGTH} characters. */
    public LeadFileConfig(Map<String, String> customFieldColumns, ColumnMapping columnMapping) {
        this(customFieldColumns, columnMapping, DEFAULT_MAX_RECORD_LENGTH);
    }

    /** Custom-field columns and no explicit column mapping. */
    public LeadFileConfig(Map<String, String> customFieldColumns) {
        this(customFieldColumns, ColumnMapping.none());
    }

    /** No extra column, no mapping: only the standard lead columns are read. */
    public static LeadFileConfig defaults() {
        return new LeadFileConfig(Map.of());
    }
}
