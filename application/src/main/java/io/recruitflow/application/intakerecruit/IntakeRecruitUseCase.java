package io.recruitflow.application.intakerecruit;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.List;

/**
 * Intake of a new recruit (the reference's {@code processNewRecruit}): the lead is accepted durably, then a
 * saga upserts the GHL contact, creates the opportunity, sends the intro text when compliance allows and
 * enrolls the recruit in the speed-to-lead workflow. Every step is journaled, so repeating any of it
 * does nothing twice.
 */
public interface IntakeRecruitUseCase {

    /** Validates and durably accepts the lead, and schedules its intake. Makes no GHL call. */
    IntakeAcceptance accept(IntakeRecruitCommand command);

    /**
     * Accepts many leads as {@link #accept} does each, in order (a lead known from earlier in the list is known):
     * one answer per command. An implementation may store them together (an import's batch: one commit).
     */
    default List<IntakeAcceptance> acceptAll(List<IntakeRecruitCommand> commands) {
        return commands.stream().map(this::accept).toList();
    }

    /** Where the recruit's intake stands (its steps; none before it opens). Makes no GHL call. */
    IntakeProgress progress(RecruitId recruit);

    /** Whether the recruit's intake needs no more work now (every step done, skipped, failed or deferred). */
    default boolean isComplete(RecruitId recruit) {
        return progress(recruit).complete();
    }
}
