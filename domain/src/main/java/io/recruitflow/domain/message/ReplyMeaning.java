package io.recruitflow.domain.message;

import java.util.Objects;

/**
 * What an inbound reply means for consent.
 *
 * @param optOut {@link OptOut#YES}: a revocation, stop every text; {@link OptOut#NO}: not one; {@link
 *     OptOut#REVIEW}: it might be one, hold every text to the recruit until a person decides
 * @param intent what else the reply asks for: consent again (START, UNSTOP), help (HELP), or nothing
 * @param why in words, which keyword or phrase decided, for the record
 */
public record ReplyMeaning(OptOut optOut, Intent intent, String why) {
    public enum OptOut {
        YES,
        NO,
        REVIEW
    }

    public enum Intent {
        /** Revokes consent (or may: see {@link #optOut()}). */
        OPT_OUT,
        /** START, UNSTOP: grants consent again (CTIA). */
        OPT_IN,
        /** HELP: wants the help text. */
        HELP,
        /** An ordinary reply. */
        NONE
    }

    public ReplyMeaning {
        Objects.requireNonNull(optOut, "optOut");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(why, "why");
    }
}
