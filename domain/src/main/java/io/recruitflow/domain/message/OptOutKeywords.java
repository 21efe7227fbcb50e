package io.recruitflow.domain.message;

import java.util.Locale;
import java.util.Set;

/**
 * The carrier opt-out keywords (CTIA): a reply that is one of them, in any case or spacing and with
 * trailing punctuation, opts the recruit out of texts. A keyword inside a sentence ("don't stop") does
 * not: carriers match the whole message.
 */
public final class OptOutKeywords {
    private static final Set<String> KEYWORDS =
            Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT");

    private OptOutKeywords() {}

    public static boolean isOptOut(String body) {
        if (body == null) {
            return false;
        }
        // "Opt-Out", "opt out", " STOP! " all normalise to a bare keyword.
        String normalized = body.strip()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-_]+", "")
                .replaceAll("[.!?,;:'\"]+$", "")
                .replaceAll("^[.!?,;:'\"]+", "");
        return KEYWORDS.contains(normalized);
    }
}
