package io.recruitflow.domain.shared;

import java.util.Locale;
import java.util.Optional;

/** The 50 US states, the District of Columbia and the five inhabited territories, by postal code. */
public enum UsState {
    AL("Alabama"),
    AK("Alaska"),
    AZ("Arizona"),
    AR("Arkansas"),
    CA("California"),
    CO("Colorado"),
    CT("Connecticut"),
    DE("Delaware"),
    FL("Florida"),
    GA("Georgia"),
    HI("Hawaii"),
    ID("Idaho"),
    IL("Illinois"),
    IN("Indiana"),
    IA("Iowa"),
    KS("Kansas"),
    KY("Kentucky"),
    LA("Louisiana"),
    ME("Maine"),
    MD("Maryland"),
    MA("Massachusetts"),
    MI("Michigan"),
    MN("Minnesota"),
    MS("Mississippi"),
    MO("Missouri"),
    MT("Montana"),
    NE("Nebraska"),
    NV("Nevada"),
    NH("New Hampshire"),
    NJ("New Jersey"),
    NM("New Mexico"),
    NY("New York"),
    NC("North Carolina"),
    ND("North Dakota"),
    OH("Ohio"),
    OK("Oklahoma"),
    OR("Oregon"),
    PA("Pennsylvania"),
    RI("Rhode Island"),
    SC("South Carolina"),
    SD("South Dakota"),
    TN("Tennessee"),
    TX("Texas"),
    UT("Utah"),
    VT("Vermont"),
    VA("Virginia"),
    WA("Washington"),
    WV("West Virginia"),
    WI("Wisconsin"),
    WY("Wyoming"),
    DC("District of Columbia"),
    AS("American Samoa"),
    GU("Guam"),
    MP("Northern Mariana Islands"),
    PR("Puerto Rico"),
    VI("U.S. Virgin Islands");

    private final String displayName;

    UsState(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    /** Parses a postal code ({@code fl}, {@code " FL "}) or a full name ({@code Florida}), case-insensitively. */
    public static Optional<UsState> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        for (UsState state : values()) {
            if (state.name().equalsIgnoreCase(s) || state.displayName.equalsIgnoreCase(s)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    public String code() {
        return name().toUpperCase(Locale.ROOT);
    }
}
