package io.recruitflow.adapter.webhook;

import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
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
        Optional<LocationId> defaultLocation) {
    public AdminServices {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(recruits, "recruits");
        Objects.requireNonNull(presentations, "presentations");
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
    }
}
