package io.recruitflow.application.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Recruitflow texts in answer to a reply: the opt-out confirmation (47 CFR 64.1200(a)(12): one text, within
 * five minutes, confirming the opt-out and nothing else; on by default) and the HELP text (CTIA: who is texting
 * and how to stop). Plain text, no placeholders: both go to people who may have withdrawn consent, so they carry
 * nothing about the recruit.
 */
public record ReplySettings(boolean confirmOptOut, String confirmationText, String helpText) {
    public static final String DEFAULT_CONFIRMATION =
            "You're unsubscribed from OOC Unlimited texts. No more messages will be sent.";
    public static final String DEFAULT_HELP =
            "OOC Unlimited agent recruiting: texts from Gary about an opportunity for licensed agents. "
                    + "Reply STOP to opt out.";
    /** Two segments of a GSM-7 text: an answer stays short. */
    public static final int MAX_LENGTH = 306;

    public ReplySettings {
        confirmationText = checked(confirmationText, "confirmation text");
        helpText = checked(helpText, "help text");
    }

    public static ReplySettings defaults() {
        return new ReplySettings(true, DEFAULT_CONFIRMATION, DEFAULT_HELP);
    }

    /** What may be wrong with the texts (a heuristic for a warning at start: a person decides). */
    public List<String> concerns() {
        List<String> concerns = new ArrayList<>();
        String help = helpText.toLowerCase(Locale.ROOT);
        if (!help.contains("stop")) {
            concerns.add("the help text does not say how to opt out (e.g. \"Reply STOP to opt out\")");
        }
        String confirmation = confirmationText.toLowerCase(Locale.ROOT);
        if (confirmation.contains("http") || confirmation.contains("www.")) {
            concerns.add("the confirmation text has a link: it may confirm the opt-out and nothing else");
        }
        return concerns;
    }

    private static String checked(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " is blank");
        }
        String t = text.strip();
        if (t.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_LENGTH + " characters");
        }
        return t;
    }
}
