package io.recruitflow.extension.noshow;

import java.util.Set;

/** What following up a no-show came to. */
public sealed interface NoShowFollowUpResult {

    /** The contact carries the tag now; {@code tags} are its tags as the CRM answered. */
    record Tagged(Set<String> tags) implements NoShowFollowUpResult {}

    /** Nothing done: no such recruit, not in the CRM yet, or the appointment is not (or no longer) their no-show. */
    record Skipped(String reason) implements NoShowFollowUpResult {}
}
