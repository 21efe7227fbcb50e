package io.recruitflow.application.importleads;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a lead file gives which lead field, for headers Recruitflow does not recognise by itself:
 * field → header as written in the file (matched ignoring case, spaces, underscores, dashes and dots). A
 * mapped field takes its value from that column only; the columns it would otherwise recognise for the field
 * are ignored. Written by people as {@code Field=Column}, e.g. {@code First Name=Agent First Name}.
 */
public record ColumnMapping(Map<LeadField, String> columns) {
    private static final ColumnMapping NONE = new ColumnMapping(Map.of());

    public ColumnMapping {
        Objects.requireNonNull(columns, "columns");
        Map<LeadField, String> copy = new EnumMap<>(LeadField.class);
        Map<String, LeadField> byColumn = new LinkedHashMap<>();
        columns.forEach((field, column) -> {
            Objects.requireNonNull(field, "field");
            if (column == null || column.isBlank()) {
                throw new IllegalArgumentException("the column for " + field.label() + " is blank");
            }
            LeadField other = byColumn.put(LeadField.normalize(column), field);
            if (other != null) {
                throw new IllegalArgumentException(
                        "column '" + column.strip() + "' is mapped to both " + other.label() + " and " + field.label());
            }
            copy.put(field, column.strip());
        });
        columns = Collections.unmodifiableMap(copy);
    }

    /** No explicit column: every field from the headers Recruitflow recognises. */
    public static ColumnMapping none() {
        return NONE;
    }

    /**
     * Reads {@code Field=Column} pairs as people write them.
     *
     * @throws IllegalArgumentException naming the pair that is not {@code Field=Column}, names an unknown
     *                                  field, or maps a field twice
     */
    public static ColumnMapping parse(Collection<String> pairs) {
        Map<LeadField, String> columns = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair == null ? -1 : pair.indexOf('=');
            if (eq <= 0 || pair.substring(eq + 1).isBlank()) {
                throw new IllegalArgumentException(
                        "'" + pair + "' is not Field=Column (e.g. 'First Name=Agent First Name')");
            }
            String name = pair.substring(0, eq).strip();
            LeadField field = LeadField.byName(name)
                    .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name + "' in '" + pair.strip()
                            + "'; the fields are " + LeadField.labels()));
            if (columns.put(field, pair.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(field.label() + " is mapped twice");
            }
        }
        return new ColumnMapping(columns);
    }

    /** This mapping with {@code overrides} on top: a field both map is taken from {@code overrides}. */
    public ColumnMapping overriddenBy(ColumnMapping overrides) {
        if (overrides.columns.isEmpty()) {
            return this;
        }
        Map<LeadField, String> merged = new EnumMap<>(LeadField.class);
        merged.putAll(columns);
        // A column the overrides use for another field is no longer this mapping's.
        merged.values()
                .removeIf(c -> overrides.columns.values().stream()
                        .anyMatch(o -> LeadField.normalize(o).equals(LeadField.normalize(c))));
        merged.putAll(overrides.columns);
        return new ColumnMapping(merged);
    }

    public boolean isEmpty() {
        return columns.isEmpty();
    }

    /** {@code Field=Column, ...}, as it is written. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        columns.forEach((field, column) -> b.append(b.length() == 0 ? "" : ", ")
                .append(field.label())
                .append('=')
                .append(column));
        return b.toString();
    }
}
