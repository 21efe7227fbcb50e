package io.recruitflow.application.routing;

import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.UserId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reassigns a recruit: checks the user is one of the location's ({@link TeamDirectory}), makes it the owner of the
 * recruit's contact and the assignee of its opportunity in the CRM (one call each, for those the intake has made),
 * then stores it on the recruit and in the opportunity mirror. A CRM failure leaves the recruit as it was (the
 * failure propagates: {@code ExternalFailure}); repeating the request is safe.
 */
@Singleton
public class ReassignRecruitService implements ReassignRecruitUseCase {
    private final Recruits recruits;
    private final ContactDirectory contacts;
    private final Opportunities opportunities;
    private final OpportunityMirror mirror;
    private final TeamDirectory team;
    private final Clock clock;

    @Inject
    public ReassignRecruitService(
            Recruits recruits,
            ContactDirectory contacts,
            Opportunities opportunities,
            OpportunityMirror mirror,
            TeamDirectory team,
            Clock clock) {
        this.recruits = recruits;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.mirror = mirror;
        this.team = team;
        this.clock = clock;
    }

    @Override
    public Reassignment reassign(RecruitId id, UserId user) {
        Optional<Recruit> found = recruits.find(id);
        if (found.isEmpty()) {
            return new Reassignment.NotFound(id);
        }
        Recruit recruit = found.get();
        if (!team.has(recruit.location(), user)) {
            return new Reassignment.UnknownUser(team.unknown(recruit.location(), user));
        }
        boolean contactChanged = false;
        if (recruit.contactId().isPresent()) {
            contacts.assign(recruit.location(), recruit.contactId().get(), user);
            contactChanged = true;
        }
        Optional<Opportunity> opportunity = recruit.contactId().flatMap(mirror::findByContact);
        if (opportunity.isPresent()) {
            opportunities.assign(recruit.location(), opportunity.get().id(), user);
            mirror.save(opportunity.get().withAssignedTo(user, clock.now()));
        }
        Recruit stored =
                RecruitUpdater.update(recruits, id, r -> r.assignedTo(user)).orElse(recruit);
        return new Reassignment.Reassigned(stored, recruit.assignedUser(), contactChanged, opportunity.isPresent());
    }
}
