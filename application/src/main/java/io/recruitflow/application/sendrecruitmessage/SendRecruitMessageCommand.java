package io.recruitflow.application.sendrecruitmessage;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.RecruitId;
import java.util.Objects;
import java.util.Optional;

/**
 * Send a message to a recruit. {@code key} makes the send idempotent: the same key is sent at most once.
 */
public record SendRecruitMessageCommand(
        RecruitId recruit, Channel channel, String body, Optional<String> subject, MessageKey key) {
    public SendRecruitMessageCommand {
        Objects.requireNonNull(recruit, "recruit is required");
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(key, "key is required");
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body is required");
        }
        if (channel == Channel.EMAIL && (subject == null || subject.isEmpty())) {
            throw new IllegalArgumentException("an email needs a subject");
        }
        subject = subject == null ? Optional.empty() : subject;
    }
}
