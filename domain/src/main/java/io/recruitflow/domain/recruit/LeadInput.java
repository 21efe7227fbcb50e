package io.recruitflow.domain.recruit;

import java.util.List;
import java.util.Map;

/**
 * A lead exactly as the lead source gave it, before any rule is applied: every field is raw text and
 * may be missing (null or blank). {@code extra} holds the columns that map to GHL custom fields.
 */
public record LeadInput(
        String firstName,
        String lastName,
        String email,
        String phone,
        String licenseState,
        String licenseNumber,
        List<String> licenseTypes,
        String npn,
        String licenseExpiration,
        String source,
        Map<String, String> extra) {
    public LeadInput {
        licenseTypes = licenseTypes == null ? List.of() : List.copyOf(licenseTypes);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** A lead without NPN or license expiration. */
    public LeadInput(
            String firstName,
            String lastName,
            String email,
            String phone,
            String licenseState,
            String licenseNumber,
            List<String> licenseTypes,
            String source,
            Map<String, String> extra) {
        this(firstName, lastName, email, phone, licenseState, licenseNumber, licenseTypes, null, null, source, extra);
    }
}
