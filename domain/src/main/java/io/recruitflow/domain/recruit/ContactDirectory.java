package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GHL contacts. Failures are {@link io.recruitflow.domain.shared.GhlException}s; a create whose outcome
 * is unknown is a {@link io.recruitflow.domain.shared.GhlOutcomeUnknownException}.
 */
public interface ContactDirectory {

    /**
     * Creates the contact, or updates the one GHL finds by the location's duplicate rule (email or
     * phone). Idempotent, so safe to repeat after a crash.
     */
    Upserted upsert(ContactDraft draft);

    /** Creates a contact. Not idempotent: GHL may create it and still answer an error. */
    Contact create(ContactDraft draft);

    Optional<Contact> find(ContactId id);

    Contact update(ContactId id, ContactChanges changes);

    void delete(ContactId id);

    /** Adds tags; returns the contact's tags afterwards. */
    Set<String> addTags(ContactId id, Set<String> tags);

    /** Removes tags; returns the contact's tags afterwards. */
    Set<String> removeTags(ContactId id, Set<String> tags);

    /** Contacts of a location matching a free-text query, lazily over every page. */
    Stream<Contact> search(LocationId location, String query);

    /** The contact of the location with this phone or this email, if any (for reconciliation). */
    Optional<Contact> findByPhoneOrEmail(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email);

    /** An upsert's result: the contact and whether GHL created it now. */
    record Upserted(Contact contact, boolean created) {}
}
