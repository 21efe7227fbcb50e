package io.recruitflow.adapter.webhook;

import io.recruitflow.application.declareemergency.DeclareEmergencyService;
import io.recruitflow.application.declareemergency.DeclareEmergencyUseCase;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases behind the admin API. {@code defaultLocation} serves requests that name no
 * {@code locationId} (a single-location set-up); without it such requests get 422.
 */
public record AdminServices(
        IntakeRecruitUseCase intake,
        ImportLeadsUseCase imports,
        ViewRecruitUseCase recruits,
        SchedulePresentationUseCase presentations,
        RecruitingFunnelUseCase funnel,
        EventInbox inbox,
        Optional<LocationId> defaultLocation,
        DeclareEmergencyUseCase emergencies) {
    public AdminServices {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(recruits, "recruits");
        Objects.requireNonNull(presentations, "presentations");
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
        Objects.requireNonNull(emergencies, "emergencies");
    }

    /** With declared emergencies held in memory (tests, embedders without a store of their own). */
    public AdminServices(
            IntakeRecruitUseCase intake,
            ImportLeadsUseCase imports,
            ViewRecruitUseCase recruits,
            SchedulePresentationUseCase presentations,
            RecruitingFunnelUseCase funnel,
            EventInbox inbox,
            Optional<LocationId> defaultLocation) {
        this(
                intake,
                imports,
                recruits,
                presentations,
                funnel,
                inbox,
                defaultLocation,
                new DeclareEmergencyService(DeclaredEmergencies.inMemory(), Clock.system()));
    }
}
