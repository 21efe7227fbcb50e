package io.recruitflow.application.applyghlevent;

/** What applying a GHL event did. */
public sealed interface EventOutcome {

    /** It changed something; {@code what} says what. */
    record Applied(String what) implements EventOutcome {}

    /** Nothing to do for us (not a recruit, informational, or older than what we hold). */
    record Ignored(String why) implements EventOutcome {}

    /** This event id was applied before. */
    record AlreadyApplied() implements EventOutcome {}
}
