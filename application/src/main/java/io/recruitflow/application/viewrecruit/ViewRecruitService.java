package io.recruitflow.application.viewrecruit;

import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.ComplianceRecord;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.OwnerAlert;
import io.recruitflow.domain.nurture.OwnerAlerts;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** Assembles recruit views from our own stores. */
@Singleton
public class ViewRecruitService implements ViewRecruitUseCase {
    private final Recruits recruits;
    private final OpportunityMirror mirror;
    private final IntakeJournal journal;
    private final MessageLog messages;
    private final Appointments appointments;
    private final ComplianceRecord decisions;
    private final Optional<NurtureSteps> followUps;
    private final Optional<OwnerAlerts> alerts;

    /** How many of a recruit's latest compliance decisions a view shows. */
    public static final int DECISIONS_SHOWN = 50;

    /** Without follow-ups and alerts. */
    public ViewRecruitService(
            Recruits recruits,
            OpportunityMirror mirror,
            IntakeJournal journal,
            MessageLog messages,
            Appointments appointments,
            ComplianceRecord decisions) {
        this(recruits, mirror, journal, messages, appointments, decisions, null, null);
    }

    /** @param followUps the nurture steps, and {@code alerts} the owner's alerts; null for none */
    @Inject
    public ViewRecruitService(
            Recruits recruits,
            OpportunityMirror mirror,
            IntakeJournal journal,
            MessageLog messages,
            Appointments appointments,
            ComplianceRecord decisions,
            NurtureSteps followUps,
            OwnerAlerts alerts) {
        this.recruits = recruits;
        this.mirror = mirror;
        this.journal = journal;
        this.messages = messages;
        this.appointments = appointments;
        this.decisions = decisions;
        this.followUps = Optional.ofNullable(followUps);
        this.alerts = Optional.ofNullable(alerts);
    }

    @Override
    public List<OwnerAlert> alerts(Optional<LocationId> location, int limit) {
        return alerts.map(a -> a.recent(location, Math.max(1, Math.min(500, limit))))
                .orElse(List.of());
    }

    @Override
    public Optional<RecruitView> view(RecruitId id) {
        return recruits.find(id)
                .map(r -> new RecruitView(
                        r,
                        r.contactId().flatMap(mirror::findByContact),
                        journal.steps(id),
                        messages.find(IntakeSaga.introKey(id)),
                        r.contactId().map(appointments::forContact).orElse(List.of()),
                        r.contactId()
                                .map(messages::ofContact)
                                .orElseGet(() -> messages.find(IntakeSaga.introKey(id)).stream()
                                        .toList()),
                        decisions.forRecruit(id, DECISIONS_SHOWN),
                        followUps.map(f -> f.ofRecruit(id)).orElse(List.of()),
                        alerts.map(a -> a.ofRecruit(id)).orElse(List.of())));
    }

    @Override
    public Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
        return recruits.list(location, cursor, Math.max(1, Math.min(500, limit)));
    }
}
