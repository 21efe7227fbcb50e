package io.recruitflow.domain.recruit;

/**
 * Do-not-disturb as the CRM holds it for one contact: on for every channel (GHL's {@code dnd}, or its
 * {@code all} setting), or per channel (texts, email). A channel whose status is anything but "inactive"
 * counts as on: when in doubt, we do not write.
 */
public record DoNotDisturb(boolean everyChannel, boolean texts, boolean email) {
    public static final DoNotDisturb NONE = new DoNotDisturb(false, false, false);

    /** Do-not-disturb on every channel (GHL's contact-wide {@code dnd}). */
    public static DoNotDisturb onEveryChannel(boolean on) {
        return on ? new DoNotDisturb(true, false, false) : NONE;
    }

    public boolean blocksTexts() {
        return everyChannel || texts;
    }

    public boolean blocksEmail() {
        return everyChannel || email;
    }

    public boolean any() {
        return everyChannel || texts || email;
    }
}
