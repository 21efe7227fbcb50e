package io.recruitflow.domain.shared;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +14075551234}). Turning what a person typed into E.164 is the job
 * of the {@link PhoneNumbers} port; this type only guarantees the canonical shape.
 */
public record PhoneNumber(String e164) {
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 phone number");
        }
    }

    /** The number with all but the last four digits masked, for logs. */
    public String masked() {
        return "+" + "*".repeat(e164.length() - 5) + e164.substring(e164.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
