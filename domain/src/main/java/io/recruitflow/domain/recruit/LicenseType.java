package io.recruitflow.domain.recruit;

import java.util.regex.Pattern;

/**
 * A line of insurance authority, e.g. {@code Life}, {@code Health}, {@code P&C}. Lead sources use
 * free text, so the name is kept as given (trimmed, first letter upper-cased); it becomes the
 * {@code <Type>-Licensed} tag in GHL.
 */
public record LicenseType(String name) {
    private static final Pattern SHAPE = Pattern.compile("[\\p{L}0-9&/ +-]{1,40}");

    public LicenseType {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("license type is blank");
        }
        name = name.strip().replaceAll("\\s+", " ");
        if (!SHAPE.matcher(name).matches()) {
            throw new IllegalArgumentException("license type '" + name + "' has unexpected characters");
        }
        name = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The GHL tag for this type: {@code Life-Licensed}. */
    public String tag() {
        return name.replace(' ', '-') + "-Licensed";
    }
}
