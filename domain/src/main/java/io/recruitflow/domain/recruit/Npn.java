package io.recruitflow.domain.recruit;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A National Producer Number: the number NIPR gives an insurance producer once, for every state and every
 * license the producer ever holds. Unlike a phone number, an email address or a state license number, it
 * does not change, so it is the producer's stable identity: a location holds one recruit per NPN.
 *
 * <p>Up to ten digits, kept without leading zeros: a spreadsheet that stored the number as a number has
 * dropped them already, so {@code 0012345} and {@code 12345} are the same producer.
 */
public record Npn(String value) {
    private static final Pattern CANONICAL = Pattern.compile("[1-9]\\d{0,9}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    public Npn {
        if (value == null || !CANONICAL.matcher(value).matches()) {
            throw new IllegalArgumentException("an NPN is 1 to 10 digits without leading zeros");
        }
    }

    /** The NPN as a lead source writes it (surrounding spaces and leading zeros allowed), or empty. */
    public static Optional<Npn> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String text = raw.strip();
        if (!DIGITS.matcher(text).matches()) {
            return Optional.empty();
        }
        String significant = text.replaceFirst("^0+", "");
        return significant.isEmpty() ? Optional.empty() : Optional.of(new Npn(significant));
    }

    @Override
    public String toString() {
        return value;
    }
}
