package io.recruitflow.application.applyghlevent;

/**
 * Applies what GHL reports to our recruits: an inbound STOP opts the recruit out (and loses the
 * opportunity); any other inbound reply moves them to Interested; a booked appointment moves them to
 * Presentation Scheduled; a no-show moves them back to Interested; stage changes made in GHL are
 * mirrored; install and uninstall manage the location's tokens. An event is applied at most once.
 */
public interface ApplyGhlEventUseCase {
    EventOutcome apply(ApplyGhlEventCommand command);
}
