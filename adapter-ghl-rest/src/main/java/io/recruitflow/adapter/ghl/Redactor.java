package io.recruitflow.adapter.ghl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and personal data in text that may reach a log or an exception message: bearer tokens,
 * OAuth tokens and codes, client secrets (JSON and form bodies), email addresses and phone numbers.
 */
final class Redactor {
    private Redactor() {}

    private static final Pattern JSON_SECRET = Pattern.compile(
            "(\"(?:access_token|refresh_token|client_secret|accessToken|refreshToken|code|token|apiKey|password)\"\\s*:\\s*)\"[^\"]*\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_SECRET = Pattern.compile(
            "(?<=^|[&?])(access_token|refresh_token|client_secret|code|token)=[^&\\s]*", Pattern.CASE_INSENSITIVE);
    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JSON_PHONE =
            Pattern.compile("(\"(?:phone|toNumber|fromNumber)\"\\s*:\\s*)\"[^\"]*\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL =
            Pattern.compile("([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    // E.164-looking numbers and URL-encoded ones (%2B...). Plain digit runs (epoch millis, ids) stay readable.
    private static final Pattern PHONE = Pattern.compile("(\\+|%2B)\\d{3,11}(\\d{4})");

    /** The text with every secret and personal datum masked. */
    static String redact(CharSequence text) {
        if (text == null) {
            return null;
        }
        String s = JSON_SECRET.matcher(text).replaceAll("$1\"***\"");
        s = FORM_SECRET.matcher(s).replaceAll("$1=***");
        s = BEARER.matcher(s).replaceAll("Bearer ***");
        s = JSON_PHONE
                .matcher(s)
                .replaceAll(m -> m.group(1) + "\""
                        + maskDigits(m.group().substring(m.group(1).length())) + "\"");
        s = EMAIL.matcher(s).replaceAll("$1***$2");
        s = PHONE.matcher(s).replaceAll("+***$2");
        return s;
    }

    private static String maskDigits(String quoted) {
        String digits = quoted.replaceAll("\\D", "");
        return digits.length() <= 4 ? "***" : Matcher.quoteReplacement("***" + digits.substring(digits.length() - 4));
    }
}
