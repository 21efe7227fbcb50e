package io.recruitflow.application.importleads;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The fields of a lead a lead file's columns give, by the names a person uses for them in a column mapping
 * ({@code First Name=Agent First Name}). Names are compared ignoring case, spaces, underscores, dashes and
 * dots, so {@code first_name} and {@code FirstName} name {@link #FIRST_NAME} too.
 */
public enum LeadField {
    FIRST_NAME("First Name"),
    LAST_NAME("Last Name"),
    /** One column with the whole name, split at the first space when there is no first-name column. */
    FULL_NAME("Name"),
    EMAIL("Email"),
    PHONE("Phone"),
    LICENSE_STATE("License State"),
    LICENSE_NUMBER("License Number"),
    /** Several types separated by {@code ;}, {@code ,}, {@code |} or {@code /}. */
    LICENSE_TYPES("License Types"),
    /** The National Producer Number. */
    NPN("NPN"),
    LICENSE_EXPIRATION("License Expiration"),
    SOURCE("Source");

    private final String label;

    LeadField(String label) {
        this.label = label;
    }

    /** The field's name as people write it ({@code First Name}). */
    public String label() {
        return label;
    }

    /** The field a person named, by its label (or constant name), compared leniently. */
    public static Optional<LeadField> byName(String name) {
        String wanted = normalize(name);
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(f -> normalize(f.label).equals(wanted)
                        || normalize(f.name()).equals(wanted)
                        // "License Type" for the field of types
                        || (normalize(f.label).equals(wanted + "s")))
                .findFirst();
    }

    /** Every label, for messages: {@code First Name, Last Name, ...}. */
    public static String labels() {
        return Arrays.stream(values()).map(LeadField::label).collect(Collectors.joining(", "));
    }

    /** Lower case without spaces, underscores, dashes and dots: how headers and field names are compared. */
    public static String normalize(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "");
    }
}
