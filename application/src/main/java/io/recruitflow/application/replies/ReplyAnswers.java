package io.recruitflow.application.replies;

import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.JobOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the answer to a reply, once: the opt-out confirmation (47 CFR 64.1200(a)(12): one text, no other content,
 * within five minutes of the opt-out — never attempted later, recorded as skipped instead) or the help text. The
 * message log keeps it to one copy under duplicate webhooks, retries and crashes; its key is the reply's id.
 */
@Singleton
public class ReplyAnswers {
    /** The FCC's five minutes, from the recruit's reply. */
    public static final Duration CONFIRMATION_WINDOW = Duration.ofMinutes(5);
    /** The last send starts this long before the five minutes end: a GHL call may take that long with its timeouts. */
    public static final Duration CALL_MARGIN = Duration.ofSeconds(30);

    private final RecruitReplies replies;
    private final Recruits recruits;
    private final MessageSender sender;
    private final ReplySettings settings;

    @Inject
    public ReplyAnswers(RecruitReplies replies, Recruits recruits, MessageSender sender, ReplySettings settings) {
        this.replies = replies;
        this.recruits = recruits;
        this.sender = sender;
        this.settings = settings;
    }

    /** The message-log key of the answer to {@code reply}. */
    public static MessageKey keyOf(RecruitReply reply) {
        return new MessageKey((reply.kind() == RecruitReply.Kind.HELP ? "help/" : "optout-confirmation/") + reply.id());
    }

    /** The last instant at which the confirmation of {@code reply} may start to be sent. */
    public static Instant confirmationDeadline(RecruitReply reply) {
        return reply.receivedAt().plus(CONFIRMATION_WINDOW).minus(CALL_MARGIN);
    }

    public JobOutcome run(JobPayload.AnswerReply job) {
        Optional<RecruitReply> found = replies.find(job.reply());
        if (found.isEmpty()) {
            return new JobOutcome.GiveUp("no reply " + job.reply());
        }
        RecruitReply reply = found.get();
        if (reply.kind() == RecruitReply.Kind.OPT_IN) {
            return new JobOutcome.GiveUp("a START is not answered");
        }
        Optional<Recruit> recruit = recruits.find(reply.recruit());
        if (recruit.isEmpty()) {
            return new JobOutcome.GiveUp("reply " + reply.id() + " has no recruit");
        }
        boolean help = reply.kind() == RecruitReply.Kind.HELP;
        OutgoingMessage message = new OutgoingMessage(
                reply.location(),
                reply.contact(),
                Channel.SMS,
                help ? settings.helpText() : settings.confirmationText(),
                Optional.empty(),
                Optional.empty());
        MessageSender.AnswerRules rules = help
                ? new MessageSender.AnswerRules(Optional.empty(), true, "the help text")
                : new MessageSender.AnswerRules(
                        Optional.of(confirmationDeadline(reply)), false, "the opt-out confirmation");
        SendOutcome outcome = sender.answer(recruit.get(), keyOf(reply), message, rules);
        if (outcome instanceof SendOutcome.Sent sent) {
            replies.answered(reply.id(), "sent at " + sent.record().updatedAt());
            return new JobOutcome.Done();
        }
        if (outcome instanceof SendOutcome.Refused refused) {
            String why = refused.reason();
            replies.answered(reply.id(), why.startsWith("skipped: ") ? why : "skipped: " + why);
            return new JobOutcome.Done();
        }
        if (outcome instanceof SendOutcome.Failed failed) {
            replies.answered(reply.id(), "failed: " + failed.reason());
            return new JobOutcome.Done();
        }
        if (outcome instanceof SendOutcome.Deferred deferred) {
            return new JobOutcome.RunAgainAt(deferred.until(), deferred.reason());
        }
        SendOutcome.RetryLater later = (SendOutcome.RetryLater) outcome;
        return new JobOutcome.RunAgainAt(later.at(), later.reason());
    }
}
