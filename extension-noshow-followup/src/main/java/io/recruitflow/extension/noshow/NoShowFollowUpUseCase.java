package io.recruitflow.extension.noshow;

/**
 * Follows up a missed presentation by tagging the recruit's contact in the CRM (default {@code No-Show}), so that
 * the agency's own lists and workflows in GHL see who missed. Recruitflow's core texts the rebooking link itself
 * (docs/presentations in the README); this example shows how a use case in a module of its own plugs into the core.
 * Idempotent: a tag added twice is one tag.
 */
public interface NoShowFollowUpUseCase {
    NoShowFollowUpResult followUp(NoShowFollowUpCommand command);
}
