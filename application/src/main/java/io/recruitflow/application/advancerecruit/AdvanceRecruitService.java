package io.recruitflow.application.advancerecruit;

import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingPipeline;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.pipeline.Transition;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ExternalFailure;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Applies pipeline moves: the rules decide, GHL is told, then our mirror records GHL's answer. An opportunity
 * GHL refuses to move because it no longer holds it (deleted by a user) is deleted from the mirror.
 */
@Singleton
public class AdvanceRecruitService implements AdvanceRecruitUseCase {
    private final Recruits recruits;
    private final OpportunityMirror mirror;
    private final Opportunities opportunities;
    private final LocationSetup setup;
    private final Clock clock;
    private final Provider<Set<StageMoveListener>> listeners;

    /**
     * @param listeners told of every move made (a provider: the nurture they reach itself moves recruits)
     */
    @Inject
    public AdvanceRecruitService(
            Recruits recruits,
            OpportunityMirror mirror,
            Opportunities opportunities,
            LocationSetup setup,
            Clock clock,
            Provider<Set<StageMoveListener>> listeners) {
        this.recruits = recruits;
        this.mirror = mirror;
        this.opportunities = opportunities;
        this.setup = setup;
        this.clock = clock;
        this.listeners = listeners;
    }

    /** With no one to tell of the moves. */
    public AdvanceRecruitService(
            Recruits recruits,
            OpportunityMirror mirror,
            Opportunities opportunities,
            LocationSetup setup,
            Clock clock) {
        this(recruits, mirror, opportunities, setup, clock, Set::of);
    }

    @Override
    public AdvanceResult advance(AdvanceRecruitCommand command) {
        return withOpportunity(
                command.recruit(),
                opportunity -> opportunity.apply(new StageChange(command.target(), command.cause()), clock.now()),
                command.cause());
    }

    @Override
    public AdvanceResult markOptedOut(RecruitId recruit) {
        return withOpportunity(recruit, opportunity -> opportunity.optedOut(clock.now()), StageChange.Cause.REPLY);
    }

    @Override
    public AdvanceResult markRested(RecruitId recruit, OpportunityStatus status) {
        return withOpportunity(
                recruit, opportunity -> opportunity.rested(status, clock.now()), StageChange.Cause.OUTREACH);
    }

    private AdvanceResult withOpportunity(RecruitId id, java.util.function.Function<Opportunity, Transition> rule) {
        return withOpportunity(id, rule, null);
    }

    private AdvanceResult withOpportunity(
            RecruitId id, java.util.function.Function<Opportunity, Transition> rule, StageChange.Cause statusCause) {
        Optional<Recruit> recruit = recruits.find(id);
        if (recruit.isEmpty()) {
            return new AdvanceResult.NotFound("no recruit " + id);
        }
        Optional<Opportunity> opportunity = recruit.get().contactId().flatMap(mirror::findByContact);
        if (opportunity.isEmpty()) {
            return new AdvanceResult.NotFound("recruit " + id + " has no opportunity yet");
        }
        Transition transition = rule.apply(opportunity.get());
        if (transition instanceof Transition.Unchanged unchanged) {
            return new AdvanceResult.Unchanged(unchanged.opportunity());
        }
        if (transition instanceof Transition.Refused refused) {
            return new AdvanceResult.Refused(refused.reason());
        }
        Transition.Moved moved = (Transition.Moved) transition;
        Opportunity after = moved.after();
        RecruitingPipeline pipeline = setup.of(after.location()).pipeline();
        Optional<Instant> recordedAt;
        try {
            recordedAt = opportunities.move(
                    after.location(), after.id(), pipeline.idOf(after.stage()), after.status(), Optional.empty());
        } catch (ExternalFailure.Rejected refused) {
            if (goneFromCrm(after, pipeline)) {
                // Deleted in GHL, its OpportunityDelete not applied yet: keep it deleted here too, rather than
                // failing (and holding up the contact's later events, that delete among them) until dead-lettered.
                mirror.delete(after.id());
                return new AdvanceResult.NotFound("opportunity " + after.id() + " was deleted in GHL");
            }
            throw refused;
        }
        Opportunity stored = after.withUpdatedAt(
                recordedAt.filter(t -> t.isAfter(moved.before().updatedAt())).orElse(after.updatedAt()));
        mirror.save(stored);
        if (statusCause != null) {
            for (StageMoveListener listener : listeners.get()) {
                listener.moved(id, moved.before(), stored, statusCause);
            }
        }
        return new AdvanceResult.Moved(moved.before(), stored);
    }

    /** Whether the CRM no longer holds the opportunity: the contact has none in the pipeline, or another. */
    private boolean goneFromCrm(Opportunity o, RecruitingPipeline pipeline) {
        return opportunities
                .findForContact(o.location(), pipeline.pipelineId(), o.contact())
                .filter(ref -> ref.id().equals(o.id()))
                .isEmpty();
    }
}
