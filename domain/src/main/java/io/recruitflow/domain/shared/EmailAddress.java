package io.recruitflow.domain.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that two spellings of one address are equal. */
public record EmailAddress(String value) {
    // Deliberately permissive: one @, no spaces, a dot in the domain. Deliverability is GHL's business.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public EmailAddress {
        if (value == null) {
            throw new IllegalArgumentException("email is missing");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an email address");
        }
    }

    /** Parses, answering empty instead of throwing. */
    public static java.util.Optional<EmailAddress> parse(String raw) {
        try {
            return java.util.Optional.of(new EmailAddress(raw));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** The address with the local part masked, for logs. */
    public String masked() {
        int at = value.indexOf('@');
        return value.charAt(0) + "***" + value.substring(at);
    }

    @Override
    public String toString() {
        return masked();
    }
}
