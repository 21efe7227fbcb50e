package io.recruitflow.adapter.leadfile;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The columns a lead file may have and the header spellings each accepts. Headers are compared
 * {@linkplain #normalize normalised}: case-insensitively and ignoring spaces, underscores, dashes and dots,
 * so {@code First Name}, {@code first_name} and {@code firstName} are one column.
 */
enum LeadColumn {
    FIRST_NAME("firstname", "first", "fname", "givenname"),
    LAST_NAME("lastname", "last", "lname", "surname", "familyname"),
    /** A single name column ("Name", "Full Name"), split at the first space when there is no first-name column. */
    FULL_NAME("name", "fullname", "agentname"),
    EMAIL("email", "emailaddress", "mail"),
    PHONE(
            "phone",
            "phonenumber",
            "mobile",
            "mobilephone",
            "mobilenumber",
            "cell",
            "cellphone",
            "cellnumber",
            "telephone"),
    LICENSE_STATE("state", "licensestate", "residentstate", "st"),
    LICENSE_NUMBER("licensenumber", "license#", "licenseno", "licenseid"),
    LICENSE_TYPES("licensetype", "licensetypes", "linesofauthority", "lineofauthority", "loa"),
    SOURCE("source", "leadsource");

    private final Set<String> aliases;

    LeadColumn(String... aliases) {
        this.aliases = Set.of(aliases);
    }

    static Optional<LeadColumn> of(String header) {
        String normalized = normalize(header);
        for (LeadColumn column : values()) {
            if (column.aliases.contains(normalized)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    static String normalize(String header) {
        return header == null ? "" : header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]+", "");
    }
}
