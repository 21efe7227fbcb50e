package io.recruitflow.bootstrap.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.recruitflow.application.advancerecruit.AdvanceRecruitService;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.advancerecruit.StageMoveListener;
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
import io.recruitflow.application.nurture.Nurture;
import io.recruitflow.application.nurture.NurtureGuard;
import io.recruitflow.application.nurture.NurtureListener;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.application.nurture.NurtureStageMoves;
import io.recruitflow.application.nurture.StepAction;
import io.recruitflow.application.outbound.EventTaps;
import io.recruitflow.application.outbound.OutboundDispatcher;
import io.recruitflow.application.outbound.OutboxRecruitEvents;
import io.recruitflow.application.outbound.RecruitEventsFromGhl;
import io.recruitflow.application.outbound.RecruitEventsFromStalls;
import io.recruitflow.application.outbound.Subscriptions;
import io.recruitflow.application.outreach.DeliveryReports;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.outreach.SendCondition;
import io.recruitflow.application.port.EventSender;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.port.RecruitAdmissions;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.application.presentations.ArchiveRecruit;
import io.recruitflow.application.presentations.PresentationFollowThrough;
import io.recruitflow.application.presentations.PresentationSettings;
import io.recruitflow.application.presentations.PresentationStarted;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelService;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.recruitingreport.RecruitingReportService;
import io.recruitflow.application.recruitingreport.RecruitingReportUseCase;
import io.recruitflow.application.replies.InboundReplies;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.routing.ReassignRecruitService;
import io.recruitflow.application.routing.ReassignRecruitUseCase;
import io.recruitflow.application.routing.Router;
import io.recruitflow.application.routing.RoutingSettings;
import io.recruitflow.application.routing.TeamDirectory;
import io.recruitflow.application.schedulepresentation.SchedulePresentationService;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageService;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageUseCase;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.stalls.RecruitStalledListener;
import io.recruitflow.application.stalls.StallSettings;
import io.recruitflow.application.stalls.StalledRecruits;
import io.recruitflow.application.viewrecruit.ViewRecruitService;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Singleton;
import java.util.Objects;

/**
 * The use cases and the services behind them. Needs every outbound port bound by adapter modules, and
 * the {@link RecruitingSettings}.
 */
public final class ApplicationModule extends AbstractModule {
    private final RecruitingSettings settings;
    private final ReplySettings replies;
    private final DailyReserve dailyReserve;
    private final PresentationSettings presentations;
    private final StallSettings stalls;
    private final NurtureSettings nurture;

    public ApplicationModule(RecruitingSettings settings) {
        this(settings, ReplySettings.defaults());
    }

    /** With the texts answering opt-outs and HELP ({@link ReplySettings}). */
    public ApplicationModule(RecruitingSettings settings, ReplySettings replies) {
        this(settings, replies, DailyReserve.DEFAULT);
    }

    /** And with the share of each location's daily CRM quota kept for intros ({@link DailyReserve}). */
    public ApplicationModule(RecruitingSettings settings, ReplySettings replies, DailyReserve dailyReserve) {
        this(settings, replies, dailyReserve, NurtureSettings.defaults());
    }

    /** And with Recruitflow's own cadences ({@link NurtureSettings}; off by default). */
    public ApplicationModule(
            RecruitingSettings settings, ReplySettings replies, DailyReserve dailyReserve, NurtureSettings nurture) {
        this(settings, replies, dailyReserve, nurture, PresentationSettings.defaults(), StallSettings.defaults());
    }

    private ApplicationModule(
            RecruitingSettings settings,
            ReplySettings replies,
            DailyReserve dailyReserve,
            NurtureSettings nurture,
            PresentationSettings presentations,
            StallSettings stalls) {
        this.replies = replies;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.dailyReserve = Objects.requireNonNull(dailyReserve, "dailyReserve");
        this.nurture = Objects.requireNonNull(nurture, "nurture");
        this.presentations = Objects.requireNonNull(presentations, "presentations");
        this.stalls = Objects.requireNonNull(stalls, "stalls");
    }

    /** The same, following presentations through and watching for stalls as configured. */
    public ApplicationModule withFollowThrough(PresentationSettings newPresentations, StallSettings newStalls) {
        return new ApplicationModule(settings, replies, dailyReserve, nurture, newPresentations, newStalls);
    }

    @Override
    protected void configure() {
        bind(RecruitingSettings.class).toInstance(settings);
        bind(ReplySettings.class).toInstance(replies);
        bind(DailyReserve.class).toInstance(dailyReserve);
        bind(PresentationSettings.class).toInstance(presentations);
        bind(StallSettings.class).toInstance(stalls);
        // Whoever wants to hear of stalled recruits adds a listener to this set (outbound events, extensions).
        Multibinder.newSetBinder(binder(), RecruitStalledListener.class)
                .addBinding()
                .to(RecruitEventsFromStalls.class);
        bind(StalledRecruits.class);
        bind(InboundReplies.class);
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
        // Nurture: steps planned and cancelled, the gate's claim at the moment of sending, the cadences.
        bind(NurtureSettings.class).toInstance(nurture);
        bind(NurtureGuard.class);
        bind(SendCondition.class).to(NurtureGuard.class);
        bind(Nurture.class);
        bind(NurtureStageMoves.class);
        // Listeners of the nurture (outbound events), and actions of steps other than messages (extensions).
        Multibinder.newSetBinder(binder(), NurtureListener.class);
        Multibinder<StepAction> actions = Multibinder.newSetBinder(binder(), StepAction.class);
        // Presentations: reminders, the rebooking text after a no-show, archiving (application.presentations).
        actions.addBinding().to(PresentationStarted.class);
        actions.addBinding().to(ArchiveRecruit.class);
        bind(PresentationStarted.class);
        bind(ArchiveRecruit.class);
        bind(PresentationFollowThrough.class);
        Multibinder.newSetBinder(binder(), GhlEventListener.class).addBinding().to(PresentationFollowThrough.class);
        Multibinder.newSetBinder(binder(), StageMoveListener.class).addBinding().to(NurtureStageMoves.class);
        bind(IntakeSaga.class);
        bind(DelegatedEnrollmentConfirmation.class);
        bind(UpsertContactStep.class);
        bind(CreateOpportunityStep.class);
        bind(SendIntroStep.class);
        bind(EnrollWorkflowStep.class);
        bind(LocationBacklog.class);
        // Routing and tiers: off unless a module sets them (RoutingModule, from the routing.* and tiers.* settings).
        OptionalBinder.newOptionalBinder(binder(), RoutingSettings.class)
                .setDefault()
                .toInstance(RoutingSettings.off());
        bind(Router.class);
        bind(TeamDirectory.class);
        bind(ReassignRecruitUseCase.class).to(ReassignRecruitService.class);
        bind(ReassignRecruitService.class);
        bind(InboxDispatcher.class);
        // Outbound events: without subscriptions (the default) nothing is stored and nothing is sent; the HTTP
        // adapter's OutboundEventsModule sets the subscriptions and the sender.
        OptionalBinder.newOptionalBinder(binder(), Subscriptions.class)
                .setDefault()
                .toInstance(Subscriptions.none());
        OptionalBinder.newOptionalBinder(binder(), EventSender.class)
                .setDefault()
                .toInstance((subscription, event, attempt, at) ->
                        new EventSender.Attempt.Failed("no event sender configured"));
        OptionalBinder.newOptionalBinder(binder(), RecruitEvents.class)
                .setDefault()
                .to(OutboxRecruitEvents.class);
        bind(OutboxRecruitEvents.class);
        bind(OutboundDispatcher.class);
        Multibinder.newSetBinder(binder(), GhlEventListener.class).addBinding().to(RecruitEventsFromGhl.class);
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
        bind(RecruitingReportUseCase.class).to(RecruitingReportService.class);
        bind(RecruitingReportService.class);
        bind(ViewRecruitUseCase.class).to(ViewRecruitService.class);
        bind(DeclareEmergencyUseCase.class).to(DeclareEmergencyService.class);
        bind(DeclareEmergencyService.class);
        bind(ViewRecruitService.class);
    }

    /** The reviews of replies, announcing a review decided as an opt-out ({@code recruit.opted_out}). */
    @Provides
    @Singleton
    ReviewRepliesUseCase reviews(InboundReplies replies, Recruits recruits, RecruitEvents events) {
        return EventTaps.reviews(replies, recruits, events);
    }
}
