package io.recruitflow.adapter.leadfile;

import io.recruitflow.application.importleads.LeadField;
import java.util.Optional;
import java.util.Set;

/**
 * The header spellings each lead field is recognised by: the plain ones, and those of the lead sources agents
 * are bought from and of state license data ({@code Agent First Name}, {@code Mobile Phone}, {@code Email
 * Address}, {@code Resident State}, {@code NPN}, {@code Lines of Authority}, {@code License Expiration} ...).
 * Headers are compared {@linkplain #normalize normalised}: case-insensitively and ignoring spaces, underscores,
 * dashes and dots, so {@code First Name}, {@code first_name} and {@code firstName} are one column. A header no
 * spelling matches can be given its field with an explicit column mapping.
 */
enum LeadColumn {
    FIRST_NAME(
            LeadField.FIRST_NAME,
            "firstname",
            "first",
            "fname",
            "givenname",
            "agentfirstname",
            "producerfirstname",
            "licenseefirstname",
            "contactfirstname",
            "legalfirstname"),
    LAST_NAME(
            LeadField.LAST_NAME,
            "lastname",
            "last",
            "lname",
            "surname",
            "familyname",
            "agentlastname",
            "producerlastname",
            "licenseelastname",
            "contactlastname",
            "legallastname"),
    /** A single name column ("Name", "Full Name"), split at the first space when there is no first-name column. */
    FULL_NAME(LeadField.FULL_NAME, "name", "fullname", "agentname", "producername", "licenseename", "contactname"),
    EMAIL(
            LeadField.EMAIL,
            "email",
            "emailaddress",
            "mail",
            "agentemail",
            "agentemailaddress",
            "primaryemail",
            "businessemail",
            "workemail"),
    PHONE(
            LeadField.PHONE,
            "phone",
            "phonenumber",
            "phone#",
            "mobile",
            "mobilephone",
            "mobilenumber",
            "mobilephonenumber",
            "mobile#",
            "cell",
            "cellphone",
            "cellnumber",
            "cellphonenumber",
            "cell#",
            "telephone",
            "agentphone",
            "primaryphone",
            "businessphone",
            "workphone",
            "homephone"),
    LICENSE_STATE(
            LeadField.LICENSE_STATE,
            "state",
            "licensestate",
            "residentstate",
            "residentlicensestate",
            "residencestate",
            "stateoflicense",
            "licensingstate",
            "st"),
    LICENSE_NUMBER(
            LeadField.LICENSE_NUMBER,
            "licensenumber",
            "license#",
            "licenseno",
            "licenseid",
            "licensenum",
            "licencenumber",
            "residentlicensenumber",
            "statelicensenumber"),
    LICENSE_TYPES(
            LeadField.LICENSE_TYPES,
            "licensetype",
            "licensetypes",
            "linesofauthority",
            "lineofauthority",
            "loa",
            "licenselines"),
    NPN(
            LeadField.NPN,
            "npn",
            "npn#",
            "npnnumber",
            "nationalproducernumber",
            "nationalproducerno",
            "nationalproducer#",
            "agentnpn",
            "producernpn"),
    LICENSE_EXPIRATION(
            LeadField.LICENSE_EXPIRATION,
            "licenseexpiration",
            "licenseexpirationdate",
            "licenseexpires",
            "licenseexpiry",
            "licenseexpdate",
            "residentlicenseexpiration",
            "residentlicenseexpirationdate",
            "expirationdate",
            "expiration",
            "expires",
            "expirydate",
            "expdate"),
    SOURCE(LeadField.SOURCE, "source", "leadsource");

    private final LeadField field;
    private final Set<String> aliases;

    LeadColumn(LeadField field, String... aliases) {
        this.field = field;
        this.aliases = Set.of(aliases);
    }

    LeadField field() {
        return field;
    }

    static LeadColumn of(LeadField field) {
        for (LeadColumn column : values()) {
            if (column.field == field) {
                return column;
            }
        }
        throw new IllegalArgumentException("no column for " + field);
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
        return LeadField.normalize(header);
    }
}
