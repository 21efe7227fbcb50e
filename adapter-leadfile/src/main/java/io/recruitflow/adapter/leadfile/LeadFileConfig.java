package io.recruitflow.adapter.leadfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How lead files are read: the extra CSV columns copied into GHL custom fields, by header → custom field id
 * ({@code RECRUITFLOW_LEAD_EXTRA_COLUMNS}, e.g. {@code NPN=cf_npn}). Immutable (in the order given) and
 * validated when made: each needs a header and a field id, a header may not be a standard lead column (those
 * are read anyway) nor be configured twice with different ids.
 */
public record LeadFileConfig(Map<String, String> customFieldColumns) {
    public LeadFileConfig {
        Objects.requireNonNull(customFieldColumns, "customFieldColumns");
        customFieldColumns = Collections.unmodifiableMap(new LinkedHashMap<>(customFieldColumns));
        new LeadFileParser(customFieldColumns); // the parser's own rules, refused now rather than at the first file
    }

    /** No extra column: only the standard lead columns are read. */
    public static LeadFileConfig defaults() {
        return new LeadFileConfig(Map.of());
    }
}
