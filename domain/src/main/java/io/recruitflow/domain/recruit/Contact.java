package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A GHL contact as GHL holds it, with its do-not-disturb per channel and the state of its address. */
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
        Optional<UsState> state,
        DoNotDisturb dnd,
        Optional<String> source,
        Optional<Instant> dateAdded,
        Optional<Instant> dateUpdated) {
    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        dnd = dnd == null ? DoNotDisturb.NONE : dnd;
        state = state == null ? Optional.empty() : state;
        firstName = firstName == null ? "" : firstName;
        lastName = lastName == null ? "" : lastName;
        tags = Set.copyOf(tags);
        customFields = List.copyOf(customFields);
    }

    /**
     * Whether the contact carries every identifier of the lead that the draft has: its phone (E.164) and its
     * email. A contact the CRM matched on one identifier only may be someone else's.
     */
    public boolean carries(Optional<PhoneNumber> leadPhone, Optional<EmailAddress> leadEmail) {
        return (leadPhone.isEmpty() || phone.equals(leadPhone)) && (leadEmail.isEmpty() || email.equals(leadEmail));
    }
}
