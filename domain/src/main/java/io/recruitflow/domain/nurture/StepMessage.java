package io.recruitflow.domain.nurture;

import io.recruitflow.domain.message.Channel;
import java.util.Objects;
import java.util.Optional;

/** The message a step sends, rendered when the step is planned: a text, or an email with its subject. */
public record StepMessage(Channel channel, String body, Optional<String> subject) {
    public StepMessage {
        Objects.requireNonNull(channel, "channel");
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("a step's message is blank");
        }
        subject = subject == null ? Optional.empty() : subject;
        if (channel == Channel.EMAIL && subject.isEmpty()) {
            throw new IllegalArgumentException("an email step needs a subject");
        }
    }

    public static StepMessage text(String body) {
        return new StepMessage(Channel.SMS, body, Optional.empty());
    }

    public static StepMessage email(String subject, String body) {
        return new StepMessage(Channel.EMAIL, body, Optional.of(subject));
    }
}
