package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Lead;
import io.recruitflow.domain.recruit.LeadDecision;
import io.recruitflow.domain.recruit.LeadRules;
import io.recruitflow.domain.recruit.LicenseType;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.PhoneNumbers;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** Accepts leads and schedules their intake sagas ({@link IntakeSaga}). */
@Singleton
public class IntakeRecruitService implements IntakeRecruitUseCase {
    private final LeadRules rules;
    private final Recruits recruits;
    private final IntakeJournal journal;
    private final IntakeSaga saga;
    private final RecruitingSettings settings;
    private final Clock clock;

    @Inject
    public IntakeRecruitService(
            PhoneNumbers phoneNumbers,
            Recruits recruits,
            IntakeJournal journal,
            IntakeSaga saga,
            RecruitingSettings settings,
            Clock clock) {
        this.rules = new LeadRules(phoneNumbers, clock);
        this.recruits = recruits;
        this.journal = journal;
        this.saga = saga;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public IntakeAcceptance accept(IntakeRecruitCommand command) {
        LeadDecision decision = rules.decide(command.lead());
        if (decision instanceof LeadDecision.Rejected rejected) {
            return new IntakeAcceptance.Rejected(rejected.reason());
        }
        Lead lead = ((LeadDecision.Accepted) decision).lead();
        Instant now = clock.now();
        Recruit candidate = Recruit.accept(RecruitId.random(), command.location(), lead, tagsFor(lead, settings), now);
        Recruits.AddOutcome outcome = recruits.add(candidate);
        Recruit recruit = outcome.recruit();
        boolean known = outcome instanceof Recruits.AddOutcome.AlreadyKnown;
        if (known && isComplete(recruit.id())) {
            // Seen before and finished: costs no GHL call.
            return new IntakeAcceptance.AlreadyKnown(recruit.id());
        }
        // New, or known but unfinished (e.g. a crash before its saga completed): make sure it runs.
        saga.start(recruit, now);
        return known ? new IntakeAcceptance.AlreadyKnown(recruit.id()) : new IntakeAcceptance.Accepted(recruit.id());
    }

    @Override
    public IntakeProgress progress(RecruitId recruit) {
        return new IntakeProgress(journal.steps(recruit));
    }

    /** The recruit's tags: the base tags and one per license type. */
    static Set<String> tagsFor(Lead lead, RecruitingSettings settings) {
        Set<String> tags = new LinkedHashSet<>(settings.baseTags());
        lead.license().types().stream().map(LicenseType::tag).sorted().forEach(tags::add);
        return tags;
    }
}
