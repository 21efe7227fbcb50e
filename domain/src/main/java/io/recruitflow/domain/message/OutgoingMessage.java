package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;
import java.util.Optional;

/** A message we ask GHL to send on the contact's conversation. Email needs a subject. */
public record OutgoingMessage(
        LocationId location,
        ContactId contact,
        Channel channel,
        String body,
        Optional<String> subject,
        Optional<String> emailFrom) {
    public OutgoingMessage {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(channel, "channel");
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("message body is blank");
        }
        if (channel == Channel.EMAIL && subject.isEmpty()) {
            throw new IllegalArgumentException("an email needs a subject");
        }
    }

    public static OutgoingMessage sms(LocationId location, ContactId contact, String body) {
        return new OutgoingMessage(location, contact, Channel.SMS, body, Optional.empty(), Optional.empty());
    }
}
