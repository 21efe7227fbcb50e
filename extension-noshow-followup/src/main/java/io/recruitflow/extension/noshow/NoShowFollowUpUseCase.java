package io.recruitflow.extension.noshow;

/**
 * Follows up a missed presentation: moves the recruit back to Interested and texts them a link to book a
 * new time. The text goes through the compliance policy like any other (quiet hours defer it; an opt-out or
 * DND refuses it) and is sent at most once per appointment, however often it is asked for.
 */
public interface NoShowFollowUpUseCase {
    NoShowFollowUpResult followUp(NoShowFollowUpCommand command);
}
