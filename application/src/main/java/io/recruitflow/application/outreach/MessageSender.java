package io.recruitflow.application.outreach;

import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.application.port.UnitOfWork;
import io.recruitflow.application.retry.RetryPolicy;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceDecision;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.CompliancePolicy;
import io.recruitflow.domain.message.ComplianceVerdict;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.message.Dispatch;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.SendGate;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.message.SentMessage;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.SuspendedLocations;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a message to a recruit at most once, under the compliance policy. The message is logged as
 * planned before anything else; it moves planned → sending → sent | unknown | failed. A message left
 * in {@code sending} (crash) or {@code unknown} (timeout) is never resent blindly: the contact's
 * conversation is read first, and only a message the CRM does not have is sent again. A failed send is
 * retried under the {@link RetryPolicy}, counting the message's own attempts.
 *
 * <p>A reply under review ({@link RecruitReplies#holding}) holds every text to the recruit, checked like consent:
 * before the send and again at the moment of sending. An {@linkplain #answer answer} to a reply (the opt-out
 * confirmation, the help text) follows its own rules.
 */
@Singleton
public class MessageSender {
    /** When another worker holds the message, or a reconciliation could not read the conversation. */
    private static final Duration RECHECK = Duration.ofSeconds(5);
    /** The CRM stamps a message when it accepts it; allow for clock difference when matching. */
    private static final Duration CLOCK_SLACK = Duration.ofMinutes(2);
    /** Longer than a CRM call can take with its timeouts; a SENDING record younger than this may be live. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(60);
    /** How often a text held by a reply under review looks again whether a person has decided. */
    public static final Duration HOLD_RECHECK = Duration.ofMinutes(15);

    /**
     * The rules of a text that answers the recruit's own reply: it is no solicitation, so no quiet hours and no
     * cap hold it (it still counts towards the caps of later texts, as every text does) and an opt-out does not
     * block it (the confirmation is the one text allowed after one); GHL's do-not-disturb does.
     *
     * @param notAfter the send is not attempted after this instant (the confirmation's five minutes)
     * @param honoursHold whether a reply under review holds it (the help text: yes; the confirmation: no, it
     *     follows an opt-out)
     */
    public record AnswerRules(Optional<Instant> notAfter, boolean honoursHold, String what) {}

    private final MessageLog log;
    private final Conversations conversations;
    private final RecipientProfile recipients;
    private final JobQueue jobs;
    private final SuspendedLocations suspended;
    private final RecruitReplies replies;
    private final CompliancePolicy policy;
    private final SendCondition condition;
    private final Clock clock;
    private final UnitOfWork work;

    /**
     * @param emergencies the declared emergencies (suspensions per state) the compliance rules honour, read
     *     afresh at every decision
     * @param condition what a message must still be wanted for (a nurture step not cancelled), asked before the
     *     decision and again at the moment of sending
     * @param work the unit of work of the caller (a saga step's): what it wrote, the text's {@code SENDING} among
     *     it, is committed before the text is handed to the CRM
     */
    @Inject
    public MessageSender(
            MessageLog log,
            Conversations conversations,
            RecipientProfile recipients,
            RecruitingSettings settings,
            JobQueue jobs,
            SuspendedLocations suspended,
            RecruitReplies replies,
            DeclaredEmergencies emergencies,
            SendCondition condition,
            Clock clock,
            UnitOfWork work) {
        this.work = work;
        this.log = log;
        this.conversations = conversations;
        this.recipients = recipients;
        this.jobs = jobs;
        this.suspended = suspended;
        this.replies = replies;
        this.policy = settings.compliance().withEmergencies(emergencies);
        this.condition = condition;
        this.clock = clock;
    }

    /** With no declared emergency. */
    public MessageSender(
            MessageLog log,
            Conversations conversations,
            RecipientProfile recipients,
            RecruitingSettings settings,
            JobQueue jobs,
            SuspendedLocations suspended,
            RecruitReplies replies,
            Clock clock) {
        this(
                log,
                conversations,
                recipients,
                settings,
                jobs,
                suspended,
                replies,
                DeclaredEmergencies.none(),
                SendCondition.NONE,
                clock,
                UnitOfWork.direct());
    }

    /**
     * Why texts to this contact cannot reach the phone, if GHL said so: the newest delivery report of a text to it
     * is a failure GHL marks as one that will not pass (a landline, an unreachable number, an unregistered sender).
     * Follow-ups ask before each text, so one such failure is not repeated to the same number four times.
     */
    public Optional<String> textsUndeliverable(ContactId contact) {
        return log.ofContact(contact).stream()
                .filter(m -> m.channel() == Channel.SMS && m.delivery().isPresent())
                .max(java.util.Comparator.comparing(
                        (MessageRecord m) -> m.delivery().orElseThrow().reportedAt()))
                .flatMap(MessageRecord::delivery)
                .filter(d -> d.notDelivered() && !d.retryable())
                .map(d -> "GHL could not deliver the last text to this number (" + d.describe()
                        + ") and reports that it will not pass: no more texts to it");
    }

    /** Whether a message is planned under {@code key} (whatever became of it since). */
    public boolean isPlanned(MessageKey key) {
        return log.find(key).isPresent();
    }

    /** Plans the message under {@code key} (once) and sends it if compliance allows now. */
    public SendOutcome send(Recruit recruit, MessageKey key, OutgoingMessage message) {
        MessageRecord record = log.plan(MessageRecord.planned(key, message, Optional.empty(), clock.now()));
        return progress(recruit, record, Optional.empty());
    }

    /** Moves an already planned message on: sends it when due, reconciles it when its fate is unknown. */
    public SendOutcome resume(Recruit recruit, MessageKey key) {
        MessageRecord record = log.find(key).orElseThrow(() -> new IllegalStateException("no message " + key));
        return progress(recruit, record, Optional.empty());
    }

    /**
     * Plans (once) and sends a text that answers the recruit's reply, under {@code rules} instead of the
     * solicitation rules; called again with the same key it moves the same message on (reconciles, retries). It
     * never defers into a delivery job of its own: the caller's job runs again when the outcome says so.
     */
    public SendOutcome answer(Recruit recruit, MessageKey key, OutgoingMessage message, AnswerRules rules) {
        MessageRecord record = log.plan(MessageRecord.planned(key, message, Optional.empty(), clock.now()));
        return progress(recruit, record, Optional.of(rules));
    }

    private SendOutcome progress(Recruit recruit, MessageRecord record, Optional<AnswerRules> answer) {
        switch (record.state()) {
            case SENT:
                return new SendOutcome.Sent(record);
            case FAILED:
                return new SendOutcome.Failed(record.detail().orElse("failed"));
            case REFUSED:
                return new SendOutcome.Refused(record.detail().orElse("refused"));
            case SENDING:
            case UNKNOWN:
                return reconcile(recruit, record, answer);
            case PLANNED:
                return decideAndSend(recruit, record, answer);
        }
        throw new IllegalStateException("unhandled state " + record.state());
    }

    private SendOutcome decideAndSend(Recruit recruit, MessageRecord record, Optional<AnswerRules> answer) {
        Instant now = clock.now();
        Whereabouts where = recipients.whereabouts(recruit);
        Optional<String> suspension = suspended.reason(record.location());
        if (suspension.isPresent()) {
            return refuse(recruit, record, where, suspension.get(), now);
        }
        Optional<String> unwanted = condition.cancelled(record, recruit.id());
        if (unwanted.isPresent()) {
            ComplianceVerdict verdict = explained(
                    new ComplianceDecision.Refuse(unwanted.get()), CANCELLED_RULE, CANCELLED_SOURCE, where, now);
            return notNow(recruit, record, SendState.PLANNED, verdict, now, answer);
        }
        if (record.notBefore().isPresent() && record.notBefore().get().isAfter(now)) {
            if (answer.isEmpty()) {
                scheduleAt(recruit, record, record.notBefore().get());
            }
            return new SendOutcome.Deferred(
                    record.notBefore().get(), record.detail().orElse("deferred"));
        }
        // The texts that may have reached the recipient, read before this one is handed over (so it does not
        // count itself against a cap).
        List<Instant> recent = record.channel() == Channel.SMS
                ? log.possiblySentSince(record.contact(), Channel.SMS, now.minus(Duration.ofHours(24)))
                : List.of();
        boolean dnd = recruit.consent().dnd();
        boolean optedOut = recruit.consent().optedOut();
        // Every decision, the one before the permit and each at the moment of sending, with its reasons; the last
        // goes on the record with the state change it causes.
        AtomicReference<ComplianceVerdict> last = new AtomicReference<>();
        SendGate rules = at -> {
            ComplianceVerdict verdict = answer.isPresent()
                    ? explained(answerGate(recruit, answer.get()).decide(at), ANSWER_RULE, ANSWER_SOURCE, where, at)
                    : held(recruit, at)
                            .map(hold -> explained(hold, REVIEW_HOLD, REVIEW_SOURCE, where, at))
                            .orElseGet(() -> policy.verdict(where, dnd, optedOut, record.channel(), at, recent));
            last.set(verdict);
            return verdict.toDecision();
        };
        ComplianceDecision decision = rules.decide(now);
        if (!(decision instanceof ComplianceDecision.SendNow)) {
            return notNow(recruit, record, SendState.PLANNED, last.get(), now, answer);
        }
        // At the moment of sending, the same rules and then the claim: news stored while the message waited for its
        // permit (a reply cancelling a follow-up) withholds it; news stored after the claim no longer does.
        SendGate atSending = at -> {
            ComplianceDecision d = rules.decide(at);
            if (!(d instanceof ComplianceDecision.SendNow)) {
                return d;
            }
            Optional<String> stop = condition.claim(record, recruit.id(), at);
            if (stop.isEmpty()) {
                return d;
            }
            ComplianceVerdict verdict =
                    explained(new ComplianceDecision.Refuse(stop.get()), CANCELLED_RULE, CANCELLED_SOURCE, where, at);
            last.set(verdict);
            return verdict.toDecision();
        };
        return deliver(recruit, record, atSending, last, now, answer);
    }

    /** The rule id on the record of a message no longer wanted (a nurture step cancelled by news). */
    public static final String CANCELLED_RULE = "nurture.cancelled";

    private static final String CANCELLED_SOURCE =
            "Recruitflow's nurture: news stored before the message left (a reply, a booking, a stage change)";

    /** The rule id on the record of a text held by a reply under review. */
    public static final String REVIEW_HOLD = "reply.review-hold";

    private static final String REVIEW_SOURCE = "47 CFR 64.1200(a)(10) (revocation by any reasonable means, FCC 24-24):"
            + " a reply that may revoke consent waits for a person";
    /** The rule id on the record of an answer to a reply (opt-out confirmation, help text). */
    public static final String ANSWER_RULE = "reply.answer";

    private static final String ANSWER_SOURCE =
            "47 CFR 64.1200(a)(12) (one confirmation within five minutes); CTIA" + " Messaging Principles (HELP)";

    /** A decision of a rule outside the solicitation table, explained the same way for the record. */
    private static ComplianceVerdict explained(
            ComplianceDecision decision, String rule, String source, Whereabouts where, Instant at) {
        if (decision instanceof ComplianceDecision.SendNow) {
            return new ComplianceVerdict(
                    ComplianceVerdict.Outcome.SEND,
                    Optional.empty(),
                    at,
                    List.of(),
                    where,
                    List.of(),
                    List.of(rule),
                    List.of());
        }
        boolean defer = decision instanceof ComplianceDecision.DeferUntil;
        String reason = defer
                ? ((ComplianceDecision.DeferUntil) decision).reason()
                : ((ComplianceDecision.Refuse) decision).reason();
        return new ComplianceVerdict(
                defer ? ComplianceVerdict.Outcome.DEFER : ComplianceVerdict.Outcome.REFUSE,
                defer ? Optional.of(((ComplianceDecision.DeferUntil) decision).notBefore()) : Optional.empty(),
                at,
                List.of(new ComplianceVerdict.Reason(rule, reason, "", source)),
                where,
                List.of(),
                List.of(rule),
                List.of());
    }

    /** A reply under review holds the text: looked up each time the gate is asked, like consent. */
    private Optional<ComplianceDecision> held(Recruit recruit, Instant at) {
        // The reason names no reply text: message details are shown and stored widely.
        return replies.holding(recruit.id())
                .map(r -> new ComplianceDecision.DeferUntil(
                        at.plus(HOLD_RECHECK), "held: a reply of the recruit awaits a person's review"));
    }

    private SendGate answerGate(Recruit recruit, AnswerRules rules) {
        return at -> {
            if (rules.notAfter().filter(at::isAfter).isPresent()) {
                return new ComplianceDecision.Refuse("skipped: " + rules.what() + " is not sent later than "
                        + rules.notAfter().get() + " (47 CFR 64.1200(a)(12): within five minutes)");
            }
            if (recruit.consent().dnd()) {
                return new ComplianceDecision.Refuse("skipped: do-not-disturb is on in GHL (set by GHL, the carrier"
                        + " or an operator), which may have answered the recruit itself");
            }
            if (rules.honoursHold()) {
                Optional<ComplianceDecision> hold = held(recruit, at);
                if (hold.isPresent()) {
                    return hold.get();
                }
            }
            return new ComplianceDecision.SendNow();
        };
    }

    /** The decision on the record: for this recruit, this message. */
    private static ComplianceEntry entry(Recruit recruit, MessageRecord record, ComplianceVerdict verdict) {
        return new ComplianceEntry(recruit.id(), record.key(), record.channel(), verdict);
    }

    /** Records a refusal or a deferral of the message, which is in state {@code from}, with its decision. */
    private SendOutcome notNow(
            Recruit recruit,
            MessageRecord record,
            SendState from,
            ComplianceVerdict verdict,
            Instant now,
            Optional<AnswerRules> answer) {
        ComplianceDecision decision = verdict.toDecision();
        ComplianceEntry onRecord = entry(recruit, record, verdict);
        if (decision instanceof ComplianceDecision.Refuse refusal) {
            log.transition(record.key(), from, record.refused(refusal.reason(), now), onRecord);
            return new SendOutcome.Refused(refusal.reason());
        }
        ComplianceDecision.DeferUntil defer = (ComplianceDecision.DeferUntil) decision;
        MessageRecord deferred = record.replanned(defer.notBefore(), defer.reason(), now);
        if (!log.transition(record.key(), from, deferred, onRecord)) {
            return progress(
                    recruit,
                    log.find(record.key()).orElseThrow(() -> new IllegalStateException("no message " + record.key())),
                    answer);
        }
        if (answer.isEmpty()) {
            scheduleAt(recruit, deferred, defer.notBefore());
        }
        return new SendOutcome.Deferred(defer.notBefore(), defer.reason());
    }

    private SendOutcome deliver(
            Recruit recruit,
            MessageRecord record,
            SendGate rules,
            AtomicReference<ComplianceVerdict> last,
            Instant now,
            Optional<AnswerRules> answer) {
        MessageRecord sending = record.sending(now);
        if (!log.transition(record.key(), SendState.PLANNED, sending)) {
            // Another worker took it; its outcome will be recorded there.
            return new SendOutcome.RetryLater(now.plus(RECHECK), "another worker is sending " + record.key());
        }
        // SENDING is durable before the text leaves: after a crash it is reconciled, never sent blindly again.
        work.commitWritten();
        try {
            // The same rules again at the moment the message would leave: a wait for a rate-limit permit
            // must not carry a text decided at 20:59 past 21:00.
            Dispatch dispatch = conversations.send(record.toOutgoing(), rules);
            if (dispatch instanceof Dispatch.Withheld) {
                // Nothing reached the CRM, so the attempt does not count: back to the record as it was planned.
                return notNow(recruit, record, SendState.SENDING, last.get(), clock.now(), answer);
            }
            MessageRecord done = sending.sent(((Dispatch.Sent) dispatch).message(), clock.now());
            // The decision on the record is the one taken at the moment of sending (after the permit).
            log.transition(record.key(), SendState.SENDING, done, entry(recruit, record, last.get()));
            return new SendOutcome.Sent(done);
        } catch (ExternalFailure failure) {
            Instant at = clock.now();
            RetryPolicy.Next next = RetryPolicy.after(failure, sending.attempts(), at);
            if (next instanceof RetryPolicy.Next.RetryAt retry) {
                // UNKNOWN keeps the "may have been sent" mark: the next run reads the conversation first.
                MessageRecord again = retry.reconcileFirst()
                        ? sending.unknown(retry.reason(), at)
                        : sending.replanned(retry.at(), retry.reason(), at);
                log.transition(record.key(), SendState.SENDING, again, entry(recruit, record, last.get()));
                return new SendOutcome.RetryLater(retry.at(), retry.reason());
            }
            String reason = ((RetryPolicy.Next.GiveUp) next).reason();
            log.transition(
                    record.key(), SendState.SENDING, sending.failed(reason, at), entry(recruit, record, last.get()));
            return new SendOutcome.Failed(reason);
        }
    }

    /** Finds out from the CRM whether a message whose send may have happened did happen. */
    private SendOutcome reconcile(Recruit recruit, MessageRecord record, Optional<AnswerRules> answer) {
        Instant now = clock.now();
        if (record.state() == SendState.SENDING
                && record.updatedAt().plus(IN_FLIGHT).isAfter(now)) {
            // A worker may still be inside its CRM call; reading the conversation now could miss it.
            return new SendOutcome.RetryLater(
                    record.updatedAt().plus(IN_FLIGHT), "send of " + record.key() + " may still be in flight");
        }
        Optional<ConversationMessage> found;
        try {
            found = findSent(record);
        } catch (ExternalFailure e) {
            return new SendOutcome.RetryLater(now.plus(RECHECK), "cannot read the conversation yet: " + e.getMessage());
        }
        if (found.isPresent()) {
            ConversationMessage m = found.get();
            MessageRecord sent = record.sent(new SentMessage(m.id(), m.conversation()), now);
            log.transition(record.key(), record.state(), sent);
            return new SendOutcome.Sent(sent);
        }
        MessageRecord again = record.replanned(now, "the CRM has no such message; sending again", now);
        if (!log.transition(record.key(), record.state(), again)) {
            return new SendOutcome.RetryLater(now.plus(RECHECK), "message " + record.key() + " changed meanwhile");
        }
        return decideAndSend(recruit, again, answer);
    }

    private Optional<ConversationMessage> findSent(MessageRecord record) {
        Instant since = record.createdAt().minus(CLOCK_SLACK);
        // Messages come newest first: stop at the first one older than our plan.
        try (var messages = conversations.messagesWith(record.location(), record.contact())) {
            return messages.takeWhile(m -> !m.dateAdded().isBefore(since))
                    .filter(m -> m.direction() == Direction.OUTBOUND
                            && m.channel() == record.channel()
                            && m.body().strip().equals(record.body().strip())
                            && !failedEarlier(record, m))
                    .findFirst();
        }
    }

    /**
     * A copy of the text that GHL could not deliver (an earlier attempt, sent again after a temporary carrier
     * error) is not this attempt: taking it for the new one would drop the retry.
     */
    private static boolean failedEarlier(MessageRecord record, ConversationMessage m) {
        boolean failedStatus = m.status()
                .map(s -> s.equalsIgnoreCase("failed") || s.equalsIgnoreCase("undelivered"))
                .orElse(false);
        return failedStatus
                || (record.notDelivered()
                        && record.messageId().filter(m.id()::equals).isPresent());
    }

    /** Refuses every message to a suspended location (the app was uninstalled there), on the record. */
    private SendOutcome refuse(
            Recruit recruit, MessageRecord record, Whereabouts where, String suspension, Instant now) {
        String reason = "location suspended: " + suspension;
        ComplianceVerdict verdict = new ComplianceVerdict(
                ComplianceVerdict.Outcome.REFUSE,
                Optional.empty(),
                now,
                List.of(new ComplianceVerdict.Reason(
                        LOCATION_SUSPENDED, reason, "", "the location's app installation (GHL AppUninstall)")),
                where,
                List.of(),
                List.of(),
                List.of());
        log.transition(record.key(), SendState.PLANNED, record.refused(reason, now), entry(recruit, record, verdict));
        return new SendOutcome.Refused(reason);
    }

    /** The rule id on the record of a refusal because the location is suspended. */
    public static final String LOCATION_SUSPENDED = "location.suspended";

    private void scheduleAt(Recruit recruit, MessageRecord record, Instant when) {
        jobs.schedule(new Job(new JobPayload.DeliverMessage(record.key(), recruit.id()), when, JobPriority.BULK));
    }
}
