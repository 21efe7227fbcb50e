package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A GHL contact as GHL holds it. */
public record Contact(
        ContactId id,
        LocationId location,
        String firstName,
        String lastName,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        Set<String> tags,
        List<CustomFieldValue> customFields,
        Optional<ZoneId> timeZone,
        boolean dnd,
        Optional<String> source,
        Optional<Instant> dateAdded,
        Optional<Instant> dateUpdated) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        tags = Set.copyOf(tags);
        customFields = List.copyOf(customFields);
    }
}
