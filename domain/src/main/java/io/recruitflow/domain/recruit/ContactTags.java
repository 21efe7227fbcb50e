package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Set;

/**
 * The tags of a CRM contact, as far as extensions need them. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface ContactTags {

    /** Adds the tags to the contact (a tag it has already stays one tag: safe to repeat); answers its tags after. */
    Set<String> addTags(LocationId location, ContactId contact, Set<String> tags);
}
