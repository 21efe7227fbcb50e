package io.recruitflow.domain.recruit;

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

    /** An upsert's result: the contact and whether the CRM created it now. */
    record Upserted(Contact contact, boolean created) {}
}
