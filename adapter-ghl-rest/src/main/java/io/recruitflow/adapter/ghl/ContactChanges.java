package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A partial update of a GHL contact: only present fields change. Tags given here replace all tags. */
public record ContactChanges(
        Optional<String> firstName,
        Optional<String> lastName,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        Optional<Set<String>> tags,
        List<CustomFieldValue> customFields,
        Optional<Boolean> dnd) {
    public ContactChanges {
        customFields = List.copyOf(customFields);
    }

    public static ContactChanges none() {
        return new ContactChanges(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty());
    }

    public ContactChanges withTags(Set<String> newTags) {
        return new ContactChanges(
                firstName, lastName, email, phone, Optional.of(Set.copyOf(newTags)), customFields, dnd);
    }

    public ContactChanges withCustomFields(List<CustomFieldValue> fields) {
        return new ContactChanges(firstName, lastName, email, phone, tags, fields, dnd);
    }
}
