package io.recruitflow.adapter.webhook;

import io.recruitflow.application.declareemergency.DeclareEmergencyService;
import io.recruitflow.application.declareemergency.DeclareEmergencyUseCase;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.port.EventInbox;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.routing.ReassignRecruitUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
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
        ReviewRepliesUseCase replies,
        DeclareEmergencyUseCase emergencies,
        ReassignRecruitUseCase assignments) {

    /** Without reassignments by hand (they answer 404): tests and embedders that do not route. */
    public AdminServices(
            IntakeRecruitUseCase intake,
            ImportLeadsUseCase imports,
            ViewRecruitUseCase recruits,
            SchedulePresentationUseCase presentations,
            RecruitingFunnelUseCase funnel,
            EventInbox inbox,
            Optional<LocationId> defaultLocation,
            ReviewRepliesUseCase replies,
            DeclareEmergencyUseCase emergencies) {
        this(
                intake,
                imports,
                recruits,
                presentations,
                funnel,
                inbox,
                defaultLocation,
                replies,
                emergencies,
                NO_REASSIGNMENT);
    }

    /** Without replies to review and with declared emergencies held in memory (tests, embedders). */
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
                NO_REPLIES,
                new DeclareEmergencyService(DeclaredEmergencies.inMemory(), Clock.system()),
                NO_REASSIGNMENT);
    }

    /** Reassignment not wired: every recruit is "not found" (the route answers 404). */
    private static final ReassignRecruitUseCase NO_REASSIGNMENT =
            (recruit, user) -> new ReassignRecruitUseCase.Reassignment.NotFound(recruit);

    private static final ReviewRepliesUseCase NO_REPLIES = new ReviewRepliesUseCase() {
        @Override
        public List<RecruitReply> open(int limit) {
            return List.of();
        }

        @Override
        public Optional<RecruitReply> find(String id) {
            return Optional.empty();
        }

        @Override
        public Resolution resolve(String id, boolean optOut, String decidedBy) {
            return new Resolution.NotFound();
        }
    };

    /** The same services, reassigning recruits by hand through {@code reassign}. */
    public AdminServices withAssignments(ReassignRecruitUseCase reassign) {
        return new AdminServices(
                intake,
                imports,
                recruits,
                presentations,
                funnel,
                inbox,
                defaultLocation,
                replies,
                emergencies,
                reassign);
    }

    public AdminServices {
        Objects.requireNonNull(intake, "intake");
        Objects.requireNonNull(imports, "imports");
        Objects.requireNonNull(recruits, "recruits");
        Objects.requireNonNull(presentations, "presentations");
        Objects.requireNonNull(funnel, "funnel");
        Objects.requireNonNull(inbox, "inbox");
        Objects.requireNonNull(defaultLocation, "defaultLocation");
        Objects.requireNonNull(replies, "replies");
        Objects.requireNonNull(emergencies, "emergencies");
        Objects.requireNonNull(assignments, "assignments");
    }
}
