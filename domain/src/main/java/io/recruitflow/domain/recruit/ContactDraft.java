package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UserId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What we ask GHL to create or upsert as a contact. {@code assignedTo} is the contact's owner in the CRM (the
 * recruiter the recruit is routed to), sent with the upsert itself so that routing costs no call of its own.
 */
public record ContactDraft(
        LocationId location,
        String firstName,
        String lastName,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        Set<String> tags,
        List<CustomFieldValue> customFields,
        Optional<String> source,
        Optional<UserId> assignedTo) {
    public ContactDraft {
        Objects.requireNonNull(assignedTo, "assignedTo");
        Objects.requireNonNull(location, "location");
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        tags = Set.copyOf(tags);
        customFields = List.copyOf(customFields);
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a contact needs a phone or an email");
        }
    }

    /** A contact owned by nobody in particular. */
    public ContactDraft(
            LocationId location,
            String firstName,
            String lastName,
            Optional<EmailAddress> email,
            Optional<PhoneNumber> phone,
            Set<String> tags,
            List<CustomFieldValue> customFields,
            Optional<String> source) {
        this(location, firstName, lastName, email, phone, tags, customFields, source, Optional.empty());
    }
}
