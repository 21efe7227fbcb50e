package io.recruitflow.domain.shared;

import java.util.regex.Pattern;

/**
 * Masks the personal data a recruit's record holds — email addresses and phone numbers — in text that is
 * stored or shown as an error (an inbox event's last error, a log line, an admin answer), and drops the
 * server-side detail a database appends to a failed statement ({@code Detail: Key (phone)=(…)},
 * {@code Failing row contains (…)}). A name cannot be recognised in free text: the code that builds an
 * error message must not put one in; this is the net under it.
 *
 * <p>An email keeps its first letter and its domain ({@code a***@example.com}); a phone number its last
 * four digits ({@code +***1234}), enough to tell two apart in a log without identifying anyone.
 */
public final class PersonalData {
    private PersonalData() {}

    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    /** E.164, also URL-encoded ({@code %2B}). */
    private static final Pattern E164 = Pattern.compile("(?:\\+|%2B)\\d{3,11}(\\d{4})(?!\\d)");
    /** North American numbers as people write them: (407) 555-1234, 407-555-1234, 407.555.1234, 1 407 555 1234. */
    private static final Pattern NANP =
            Pattern.compile("(?<![\\w+])(?:1[-. ]?)?\\(?\\d{3}\\)?[-. ]?\\d{3}[-. ](\\d{4})(?![\\w])");
    /** A bare run of 10 or 11 digits (a phone typed without separators); longer runs (epoch millis, ids) stay. */
    private static final Pattern DIGITS = Pattern.compile("(?<![\\w+])\\d{6,7}(\\d{4})(?![\\w])");
    /** PostgreSQL's detail of a failed statement names the offending values. */
    private static final Pattern SERVER_DETAIL = Pattern.compile("(?im)(Detail:|Failing row contains)[^\\n]*");

    /** The text with every email address and phone number masked; {@code null} stays {@code null}. */
    public static String mask(CharSequence text) {
        if (text == null) {
            return null;
        }
        String s = SERVER_DETAIL.matcher(text).replaceAll("$1 ***");
        s = EMAIL.matcher(s).replaceAll("$1***$2");
        s = E164.matcher(s).replaceAll("+***$1");
        s = NANP.matcher(s).replaceAll("***-$1");
        s = DIGITS.matcher(s).replaceAll("***$1");
        return s;
    }

    /**
     * A copy of {@code failure} and its causes for a logger, each with its message masked and its stack trace
     * kept; each copy's message starts with the original's class name (a logger prints the copy's class).
     */
    public static Throwable masked(Throwable failure) {
        return masked(failure, 0);
    }

    private static Throwable masked(Throwable failure, int depth) {
        if (failure == null || depth > 32) { // a cause chain that loops ends here
            return null;
        }
        String message = failure.getMessage() == null
                ? failure.getClass().getName()
                : failure.getClass().getName() + ": " + mask(failure.getMessage());
        Throwable cause = failure.getCause() == failure ? null : masked(failure.getCause(), depth + 1);
        Masked copy = new Masked(message, cause);
        copy.setStackTrace(failure.getStackTrace());
        for (Throwable suppressed : failure.getSuppressed()) {
            Throwable s = masked(suppressed, depth + 1);
            if (s != null) {
                copy.addSuppressed(s);
            }
        }
        return copy;
    }

    /** A failure whose message was masked. */
    private static final class Masked extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Masked(String message, Throwable cause) {
            super(message, cause, true, true);
        }
    }
}
