package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.LeadDecision;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.LeadRules;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumbers;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * What intake would make of a lead, without storing it or calling GHL: the lead rules' verdict and, for an
 * accepted lead, the contact the upsert would send and the intro it would send, built by the same code as the
 * intake steps ({@link UpsertContactStep}, {@link SendIntroStep}). Whether a recruit with the lead's NPN, phone
 * or email exists is not looked up.
 */
public final class IntakePreview {
    /** Stands in for the contact id GHL would give: the intro needs one, and it is not shown. */
    private static final ContactId NOT_YET_IN_GHL = new ContactId("(not yet in GHL)");

    private final LeadRules rules;
    private final RecruitingSettings settings;
    private final Clock clock;

    @Inject
    public IntakePreview(PhoneNumbers phoneNumbers, RecruitingSettings settings, Clock clock) {
        this.rules = new LeadRules(phoneNumbers, clock);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What would be sent for the lead, or why it would be rejected. */
    public Outcome preview(LocationId location, LeadInput input) {
        LeadDecision decision = rules.decide(input);
        if (decision instanceof LeadDecision.Rejected rejected) {
            return new Outcome.Rejected(rejected.reason());
        }
        Lead lead = ((LeadDecision.Accepted) decision).lead();
        Recruit recruit = Recruit.accept(
                RecruitId.random(), location, lead, IntakeRecruitService.tagsFor(lead, settings), clock.now());
        return new Outcome.WouldSend(
                lead,
                UpsertContactStep.draftOf(recruit, settings),
                SendIntroStep.introFor(recruit, NOT_YET_IN_GHL, settings));
    }

    /** The verdict on one lead. */
    public sealed interface Outcome {
        /** Accepted: the contact the upsert would send and the intro that would follow. */
        record WouldSend(Lead lead, ContactDraft contact, OutgoingMessage intro) implements Outcome {}

        record Rejected(String reason) implements Outcome {}
    }
}
