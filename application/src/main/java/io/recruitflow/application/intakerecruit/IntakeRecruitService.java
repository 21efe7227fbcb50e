package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.routing.Router;
import io.recruitflow.application.routing.RoutingSettings;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Accepts leads and schedules their intake sagas ({@link IntakeSaga}). */
@Singleton
public class IntakeRecruitService implements IntakeRecruitUseCase {
    private final LeadRules rules;
    private final IntakeJournal journal;
    private final IntakeSaga saga;
    private final RecruitingSettings settings;
    private final Clock clock;
    private final RecruitAdmissions admissions;
    private final Router router;

    /** Accepts a batch one lead after another, through {@code recruits} and the saga; no routing. */
    public IntakeRecruitService(
            PhoneNumbers phoneNumbers,
            Recruits recruits,
            IntakeJournal journal,
            IntakeSaga saga,
            RecruitingSettings settings,
            Clock clock) {
        this(phoneNumbers, journal, saga, settings, clock, (candidates, at, assigner, firstJob) -> {
            List<Recruits.AddOutcome> outcomes = new ArrayList<>(candidates.size());
            for (Recruit candidate : candidates) {
                Recruits.AddOutcome outcome = recruits.add(candidate);
                if (outcome instanceof Recruits.AddOutcome.Added added) {
                    saga.start(added.recruit(), at);
                }
                outcomes.add(outcome);
            }
            return outcomes;
        });
    }

    /** Without routing or tiers. */
    public IntakeRecruitService(
            PhoneNumbers phoneNumbers,
            IntakeJournal journal,
            IntakeSaga saga,
            RecruitingSettings settings,
            Clock clock,
            RecruitAdmissions admissions) {
        this(phoneNumbers, journal, saga, settings, clock, admissions, new Router(RoutingSettings.off()));
    }

    /** Assigning each new recruit to a CRM user and grading it, by {@code router}, as it is stored. */
    @Inject
    public IntakeRecruitService(
            PhoneNumbers phoneNumbers,
            IntakeJournal journal,
            IntakeSaga saga,
            RecruitingSettings settings,
            Clock clock,
            RecruitAdmissions admissions,
            Router router) {
        this.router = router;
        this.rules = new LeadRules(phoneNumbers, clock);
        this.journal = journal;
        this.saga = saga;
        this.settings = settings;
        this.clock = clock;
        this.admissions = admissions;
    }

    /** A batch of one: the recruit, its journal and its first job in one commit on PostgreSQL. */
    @Override
    public IntakeAcceptance accept(IntakeRecruitCommand command) {
        return acceptAll(List.of(command)).get(0);
    }

    /**
     * Accepts the leads the rules accept in one {@link RecruitAdmissions#admit} (one commit on PostgreSQL): new
     * recruits with their journals and first jobs. A lead that repeats an earlier one of the same list is known
     * (the store decides, as for {@link #accept}); a known recruit from before whose intake is unfinished is
     * scheduled again, as {@link #accept} does.
     */
    @Override
    public List<IntakeAcceptance> acceptAll(List<IntakeRecruitCommand> commands) {
        Instant now = clock.now();
        IntakeAcceptance[] answers = new IntakeAcceptance[commands.size()];
        List<Recruit> candidates = new ArrayList<>(commands.size());
        List<Integer> positions = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            IntakeRecruitCommand command = commands.get(i);
            LeadDecision decision = rules.decide(command.lead());
            if (decision instanceof LeadDecision.Rejected rejected) {
                answers[i] = new IntakeAcceptance.Rejected(rejected.reason());
                continue;
            }
            Lead lead = ((LeadDecision.Accepted) decision).lead();
            Set<String> tags = tagsFor(lead, settings);
            router.tierTag(lead, now).ifPresent(tags::add);
            candidates.add(Recruit.accept(RecruitId.random(), command.location(), lead, tags, now));
            positions.add(i);
        }
        if (candidates.isEmpty()) {
            return List.of(answers);
        }
        List<Recruits.AddOutcome> outcomes = admissions.admit(candidates, now, router, r -> saga.firstJob(r, now));
        Set<RecruitId> added = new HashSet<>();
        for (int k = 0; k < outcomes.size(); k++) {
            Recruits.AddOutcome outcome = outcomes.get(k);
            RecruitId id = outcome.recruit().id();
            if (outcome instanceof Recruits.AddOutcome.Added) {
                added.add(id);
                answers[positions.get(k)] = new IntakeAcceptance.Accepted(id);
                continue;
            }
            // Known: from this very batch (its intake is scheduled), finished (costs no GHL call), or unfinished
            // from before (e.g. a crash before its saga completed): make sure that one runs.
            if (!added.contains(id) && !isComplete(id)) {
                saga.start(outcome.recruit(), now);
            }
            answers[positions.get(k)] = new IntakeAcceptance.AlreadyKnown(id);
        }
        return List.of(answers);
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
