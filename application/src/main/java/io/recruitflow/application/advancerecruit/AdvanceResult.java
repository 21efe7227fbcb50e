package io.recruitflow.application.advancerecruit;

import io.recruitflow.domain.pipeline.Opportunity;

/** What an attempt to move a recruit's opportunity came to. */
public sealed interface AdvanceResult {

    /** Moved in GHL and in our mirror. */
    record Moved(Opportunity before, Opportunity after) implements AdvanceResult {}

    /** Already there. */
    record Unchanged(Opportunity opportunity) implements AdvanceResult {}

    /** The pipeline rules forbid it. */
    record Refused(String reason) implements AdvanceResult {}

    /** No such recruit, or it has no opportunity yet. */
    record NotFound(String reason) implements AdvanceResult {}
}
