package io.recruitflow.application.routing;

import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.UserId;
import java.util.Optional;

/** Assigns a recruit to another CRM user, by hand: its contact's owner and its opportunity follow. */
public interface ReassignRecruitUseCase {

    Reassignment reassign(RecruitId recruit, UserId user);

    /** What became of a reassignment. */
    sealed interface Reassignment {
        /**
         * Done: the recruit as stored, whom it was assigned to before, and which CRM records were changed (a record
         * the intake has not made yet gets the user when it is made).
         */
        record Reassigned(
                Recruit recruit, Optional<UserId> previous, boolean contactChanged, boolean opportunityChanged)
                implements Reassignment {}

        record NotFound(RecruitId recruit) implements Reassignment {}

        /** The recruit's location has no such user in the CRM; nothing was changed. */
        record UnknownUser(String reason) implements Reassignment {}
    }
}
