package io.recruitflow.application.intakerecruit;

import io.recruitflow.application.nurture.Nurture;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.ContactId;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Sends the intro text (or an email, to a lead without a phone) through the {@link MessageSender}, which
 * keeps it to one copy and under the compliance policy; a deferred intro completes later through {@link
 * IntakeSaga#introSettled}.
 */
public final class SendIntroStep implements IntakeStepAction {
    private final MessageSender sender;
    private final Recruits recruits;
    private final RecruitingSettings settings;
    private final Optional<Nurture> nurture;

    /** @param nurture told when the intro went out: the recruit is contacted, and its cadence may start */
    @Inject
    public SendIntroStep(MessageSender sender, Recruits recruits, RecruitingSettings settings, Nurture nurture) {
        this.sender = sender;
        this.recruits = recruits;
        this.settings = settings;
        this.nurture = Optional.of(nurture);
    }

    /** With no nurture to tell. */
    public SendIntroStep(MessageSender sender, Recruits recruits, RecruitingSettings settings) {
        this.sender = sender;
        this.recruits = recruits;
        this.settings = settings;
        this.nurture = Optional.empty();
    }

    /** The key of a recruit's intro in the message log: one intro per recruit. */
    static MessageKey introKey(RecruitId id) {
        return new MessageKey("intro/" + id);
    }

    @Override
    public IntakeStep step() {
        return IntakeStep.SEND_INTRO;
    }

    /** The message sender commits the text's {@code SENDING} mark, and with it this step's start, before it leaves. */
    @Override
    public boolean commitsBeforeItsCalls() {
        return true;
    }

    @Override
    public StepResult perform(Recruit recruit, StepRecord previous) {
        ContactId contact = recruit.contactId().orElseThrow(() -> new IllegalStateException("contact not linked"));
        SendOutcome outcome = sender.send(recruit, introKey(recruit.id()), introFor(recruit, contact, settings));
        // The recruit read for this step is updated as it is, read again only if stale.
        return resultOf(recruit.id(), outcome, change -> RecruitUpdater.update(recruits, recruit, change));
    }

    /** The step's result for what became of the intro; records when it went out. */
    StepResult resultOf(RecruitId recruit, SendOutcome outcome) {
        return resultOf(recruit, outcome, change -> RecruitUpdater.update(recruits, recruit, change));
    }

    private StepResult resultOf(RecruitId recruit, SendOutcome outcome, Consumer<UnaryOperator<Recruit>> update) {
        if (outcome instanceof SendOutcome.Sent sent) {
            update.accept(r -> r.introSent(sent.record().updatedAt()));
            nurture.ifPresent(n -> n.stageEntered(
                    recruit, RecruitingStage.CONTACTED, sent.record().updatedAt()));
            return new StepResult.Done(sent.record().messageId().map(Object::toString));
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            return new StepResult.Deferred(deferred.until(), deferred.reason());
        }
        if (outcome instanceof SendOutcome.Refused refused) {
            return new StepResult.Skipped(refused.reason());
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            return new StepResult.Failed(failed.reason());
        }
        SendOutcome.RetryLater later = (SendOutcome.RetryLater) outcome;
        // The message log, not the step, knows whether a copy may be out: it reconciles on the next run.
        return new StepResult.RetryAt(later.at(), later.reason(), false);
    }

    /** The intro: a text to a recruit with a phone, else an email; also what a dry run shows ({@link IntakePreview}). */
    static OutgoingMessage introFor(Recruit recruit, ContactId contact, RecruitingSettings settings) {
        Map<String, String> values = io.recruitflow.application.outreach.RecruitPlaceholders.of(recruit);
        if (recruit.phone().isPresent()) {
            return new OutgoingMessage(
                    recruit.location(),
                    contact,
                    Channel.SMS,
                    settings.introSms().render(values),
                    Optional.empty(),
                    Optional.empty());
        }
        return new OutgoingMessage(
                recruit.location(),
                contact,
                Channel.EMAIL,
                settings.introEmailBody().render(values),
                Optional.of(settings.introEmailSubject().render(values)),
                settings.emailFrom());
    }
}
