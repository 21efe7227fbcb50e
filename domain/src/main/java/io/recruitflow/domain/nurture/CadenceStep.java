package io.recruitflow.domain.nurture;

import io.recruitflow.domain.message.MessageTemplate;
import java.util.Objects;

/**
 * One step of a cadence: when ({@link StepTiming}) and what — a text template, and the email sent instead to a
 * recruit with no phone — with the intro's placeholders ({@code {First}}, {@code {Last}}, {@code {FullName}},
 * {@code {State}}).
 */
public record CadenceStep(
        StepTiming timing, MessageTemplate text, MessageTemplate emailSubject, MessageTemplate emailBody) {
    public CadenceStep {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(emailSubject, "emailSubject");
        Objects.requireNonNull(emailBody, "emailBody");
    }

    /** A step whose email, for a recruit without a phone, says what the text says. */
    public static CadenceStep of(StepTiming timing, String text) {
        MessageTemplate sms = new MessageTemplate(text);
        return new CadenceStep(timing, sms, DEFAULT_EMAIL_SUBJECT, asEmail(sms));
    }

    public static final MessageTemplate DEFAULT_EMAIL_SUBJECT =
            new MessageTemplate("Following up: an opportunity for licensed agents");

    /** The text as an email body: one paragraph, without the texting-only "Reply STOP" instruction. */
    public static MessageTemplate asEmail(MessageTemplate text) {
        String body = text.text()
                .replaceAll("(?i)\\s*reply stop to opt out\\.?", "")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
        return new MessageTemplate("<html><body><p>" + body.strip() + "</p></body></html>");
    }
}
