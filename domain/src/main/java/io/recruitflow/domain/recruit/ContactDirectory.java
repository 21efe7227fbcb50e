package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;

/**
 * The CRM's contacts, as far as recruiting needs them. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface ContactDirectory {

    /**
     * Creates the contact, or updates the one the CRM finds by the location's duplicate rule (email or
     * phone). Idempotent, so safe to repeat after a crash.
     */
    Upserted upsert(ContactDraft draft);

    /**
     * Whether the location lets two contacts share an email or a phone (GHL: "Allow Duplicate Contact").
     * Asked only when an upsert answered a contact that lacks one of the lead's identifiers.
     */
    boolean allowsDuplicates(LocationId location);

    /**
     * Creates a contact of the draft's own although others share its email or phone — where the location
     * allows duplicates. Finds the one an earlier attempt made (one with the draft's phone and email) instead of
     * making another, so it is safe to repeat after a crash.
     */
    Contact createSeparate(ContactDraft draft);

    /**
     * Gives the contact the draft's email and phone (what an upsert dropped). Idempotent. Where the location
     * allows no duplicates and another contact holds one of them, the CRM may refuse ({@code Rejected}).
     */
    Contact addIdentifiers(ContactId contact, ContactDraft draft);

    /**
     * Makes the user the contact's owner (GHL: {@code assignedTo}): a reassignment by hand. Idempotent. A new
     * recruit's owner rides on its upsert instead ({@link ContactDraft#assignedTo}).
     */
    void assign(LocationId location, ContactId contact, UserId user);

    /** An upsert's result: the contact and whether the CRM created it now. */
    record Upserted(Contact contact, boolean created) {}
}
