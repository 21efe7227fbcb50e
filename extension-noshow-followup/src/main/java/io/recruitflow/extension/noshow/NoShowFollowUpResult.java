package io.recruitflow.extension.noshow;

import io.recruitflow.application.advancerecruit.AdvanceResult;
import io.recruitflow.application.outreach.SendOutcome;

/** What following up a no-show came to. */
public sealed interface NoShowFollowUpResult {

    /** The recruit was moved (or already was) back to Interested, and the text was handed to compliance. */
    record FollowedUp(AdvanceResult stage, SendOutcome text) implements NoShowFollowUpResult {}

    /** Nothing done: no such recruit, the appointment is not (or no longer) their no-show, or they cannot be texted. */
    record Skipped(String reason) implements NoShowFollowUpResult {}
}
