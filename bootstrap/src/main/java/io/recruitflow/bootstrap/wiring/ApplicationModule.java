package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.application.advancerecruit.AdvanceRecruitService;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.applyghlevent.ApplyGhlEventService;
import io.recruitflow.application.applyghlevent.ApplyGhlEventUseCase;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.applyghlevent.InboxDispatcher;
import io.recruitflow.application.declareemergency.DeclareEmergencyService;
import io.recruitflow.application.declareemergency.DeclareEmergencyUseCase;
import io.recruitflow.application.importleads.ImportLeadsService;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.importleads.PreviewImportService;
import io.recruitflow.application.importleads.PreviewImportUseCase;
import io.recruitflow.application.intakerecruit.CreateOpportunityStep;
import io.recruitflow.application.intakerecruit.DelegatedEnrollmentConfirmation;
import io.recruitflow.application.intakerecruit.EnrollWorkflowStep;
import io.recruitflow.application.intakerecruit.IntakePreview;
import io.recruitflow.application.intakerecruit.IntakeRecruitService;
import io.recruitflow.application.intakerecruit.IntakeRecruitUseCase;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.intakerecruit.LocationBacklog;
import io.recruitflow.application.intakerecruit.SendIntroStep;
import io.recruitflow.application.intakerecruit.SequentialAdmissions;
import io.recruitflow.application.intakerecruit.UpsertContactStep;
import io.recruitflow.application.jobs.DailyReserve;
import io.recruitflow.application.jobs.RecruitflowJobs;
import io.recruitflow.application.outreach.DeliveryReports;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelService;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.replies.InboundReplies;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationService;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageService;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageUseCase;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.viewrecruit.ViewRecruitService;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import java.util.Objects;

/**
 * The use cases and the services behind them. Needs every outbound port bound by adapter modules, and
 * the {@link RecruitingSettings}.
 */
public final class ApplicationModule extends AbstractModule {
    private final RecruitingSettings settings;
    private final ReplySettings replies;
    private final DailyReserve dailyReserve;

    public ApplicationModule(RecruitingSettings settings) {
        this(settings, ReplySettings.defaults());
    }

    /** With the texts answering opt-outs and HELP ({@link ReplySettings}). */
    public ApplicationModule(RecruitingSettings settings, ReplySettings replies) {
        this(settings, replies, DailyReserve.DEFAULT);
    }

    /** And with the share of each location's daily CRM quota kept for intros ({@link DailyReserve}). */
    public ApplicationModule(RecruitingSettings settings, ReplySettings replies, DailyReserve dailyReserve) {
        this.replies = replies;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dailyReserve = Objects.requireNonNull(dailyReserve, "dailyReserve");
    }

    @Override
    protected void configure() {
        bind(RecruitingSettings.class).toInstance(settings);
        bind(ReplySettings.class).toInstance(replies);
        bind(DailyReserve.class).toInstance(dailyReserve);
        bind(InboundReplies.class);
        bind(ReviewRepliesUseCase.class).to(InboundReplies.class);
        bind(ReplyAnswers.class);
        // Extensions add listeners with their own Multibinder.newSetBinder(binder(), GhlEventListener.class).
        // The core's own listener: what GHL reports of the texts' delivery (OutboundMessage).
        Multibinder.newSetBinder(binder(), GhlEventListener.class).addBinding().to(DeliveryReports.class);
        // The core's own: a workflow enrollment delegated to a tag is confirmed from GHL's contact events.
        Multibinder.newSetBinder(binder(), GhlEventListener.class)
                .addBinding()
                .to(DelegatedEnrollmentConfirmation.class);
        bind(LocationSetup.class);
        bind(RecipientProfile.class);
        bind(MessageSender.class);
        bind(IntakeSaga.class);
        bind(DelegatedEnrollmentConfirmation.class);
        bind(UpsertContactStep.class);
        bind(CreateOpportunityStep.class);
        bind(SendIntroStep.class);
        bind(EnrollWorkflowStep.class);
        bind(LocationBacklog.class);
        bind(InboxDispatcher.class);
        bind(JobHandler.class).to(RecruitflowJobs.class);
        bind(RecruitflowJobs.class);

        bind(IntakeRecruitUseCase.class).to(IntakeRecruitService.class);
        // An import's batches, one recruit after another on whatever stores are bound; PostgreSQL's module sets its
        // own, which commits a batch at once.
        OptionalBinder.newOptionalBinder(binder(), RecruitAdmissions.class)
                .setDefault()
                .to(SequentialAdmissions.class);
        // Each saga step's storage in one commit where the stores can share one (PostgreSQL's module sets it).
        OptionalBinder.newOptionalBinder(binder(), UnitOfWork.class)
                .setDefault()
                .toInstance(UnitOfWork.direct());
        bind(IntakeRecruitService.class);
        bind(ImportLeadsUseCase.class).to(ImportLeadsService.class);
        bind(ImportLeadsService.class);
        bind(IntakePreview.class);
        bind(PreviewImportUseCase.class).to(PreviewImportService.class);
        bind(PreviewImportService.class);
        bind(AdvanceRecruitUseCase.class).to(AdvanceRecruitService.class);
        bind(AdvanceRecruitService.class);
        bind(SchedulePresentationUseCase.class).to(SchedulePresentationService.class);
        bind(SchedulePresentationService.class);
        bind(SendRecruitMessageUseCase.class).to(SendRecruitMessageService.class);
        bind(SendRecruitMessageService.class);
        bind(ApplyGhlEventUseCase.class).to(ApplyGhlEventService.class);
        bind(ApplyGhlEventService.class);
        bind(RecruitingFunnelUseCase.class).to(RecruitingFunnelService.class);
        bind(RecruitingFunnelService.class);
        bind(ViewRecruitUseCase.class).to(ViewRecruitService.class);
        bind(DeclareEmergencyUseCase.class).to(DeclareEmergencyService.class);
        bind(DeclareEmergencyService.class);
        bind(ViewRecruitService.class);
    }
}
