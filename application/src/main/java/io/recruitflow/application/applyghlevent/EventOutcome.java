package io.recruitflow.application.applyghlevent;

/** What applying a GHL event did. */
public sealed interface EventOutcome {

    /** It changed something; {@code what} says what. */
    record Applied(String what) implements EventOutcome {}

    /** Nothing to do for us (not a recruit, informational, or older than what we hold). */
    record Ignored(String why) implements EventOutcome {}

    /**
     * It could not be applied, and applying it again would not change that (an install that grants no access);
     * the inbox keeps the event as ignored with {@code why}, where operators see it.
     */
    record NotApplied(String why) implements EventOutcome {}

    /** This event id was applied before. */
    record AlreadyApplied() implements EventOutcome {}
}
