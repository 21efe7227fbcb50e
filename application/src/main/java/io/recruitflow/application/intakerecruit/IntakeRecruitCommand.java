package io.recruitflow.application.intakerecruit;

import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;

/** Take in one lead for a location. The lead itself is checked by the lead rules, not here. */
public record IntakeRecruitCommand(LocationId location, LeadInput lead) {
    public IntakeRecruitCommand {
        Objects.requireNonNull(location, "location is required");
        Objects.requireNonNull(lead, "lead is required");
    }
}
