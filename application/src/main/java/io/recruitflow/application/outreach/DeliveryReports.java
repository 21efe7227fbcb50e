package io.recruitflow.application.outreach;

import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.port.Job;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.port.JobPriority;
import io.recruitflow.application.port.JobQueue;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Applies what GHL reports of the texts that went out (OutboundMessage), matched by GHL's message id:
 *
 * <ul>
 *   <li>to our own message: its {@link Delivery}, merged so that reports out of order never regress a final
 *       outcome ({@link Delivery#then});
 *   <li>a message that is not ours (a workflow text, a user in GHL): recorded as reported by the CRM, so that
 *       the per-day caps count it, once;
 *   <li>a text of ours that did not reach the phone for a reason that can pass (a temporary carrier error):
 *       planned again after a backoff and handed to the durable job that sends planned messages, under the
 *       same compliance gate as any send. A permanent failure (invalid number, DND, unregistered sender,
 *       carrier block) is never retried.
 * </ul>
 *
 * <p>Never two texts for one attempt: the retry is a compare-and-set from {@code SENT} of the very attempt
 * GHL reported (same message id), so a repeated or late report of that attempt changes nothing, and the
 * message key and its {@code attempts} bound the retries ({@link #MAX_ATTEMPTS}). A report that arrives while
 * our own send of the same text is still in flight (GHL answers the send after it emitted the webhook) is
 * retried by the inbox rather than taken for someone else's text.
 */
@Singleton
public class DeliveryReports implements GhlEventListener {
    /** Attempts of one message, first send included, after which a retryable failure is not retried. */
    public static final int MAX_ATTEMPTS = 3;
    /** The wait before the n-th retry: 10 minutes, then 40. */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(10);

    private final MessageLog log;
    private final Recruits recruits;
    private final JobQueue jobs;
    private final Clock clock;

    @Inject
    public DeliveryReports(MessageLog log, Recruits recruits, JobQueue jobs, Clock clock) {
        this.log = log;
        this.recruits = recruits;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Thrown when the report may be of a send of ours still in flight: the inbox tries the event again. */
    public static final class SendInFlight extends IllegalStateException {
        SendInFlight(String message) {
            super(message);
        }
    }

    @Override
    public void applied(GhlEvent event, EventOutcome outcome) {
        if (!(event instanceof GhlEvent.MessageSent sent) || sent.messageId().isEmpty()) {
            return;
        }
        report(sent);
    }

    /** Applies one OutboundMessage; returns what it did, for tests and logs. */
    public String report(GhlEvent.MessageSent sent) {
        MessageId id = sent.messageId().orElseThrow();
        for (int tries = 0; tries < 3; tries++) {
            Optional<MessageRecord> known = log.findByMessageId(id);
            if (known.isEmpty()) {
                return reportedByCrm(sent, id);
            }
            Optional<String> done = apply(known.get(), sent);
            if (done.isPresent()) {
                return done.get();
            }
            // The record changed meanwhile (a send, another report): read it again.
        }
        throw new IllegalStateException("message " + id + " kept changing while its delivery report was applied");
    }

    /** Empty when the compare-and-set lost. */
    private Optional<String> apply(MessageRecord record, GhlEvent.MessageSent sent) {
        if (sent.delivery().isEmpty()) {
            return Optional.of("no delivery status");
        }
        Delivery report = sent.delivery().get();
        Delivery merged = record.delivery().map(d -> d.then(report)).orElse(report);
        if (record.delivery().filter(merged::equals).isPresent()) {
            return Optional.of("nothing new: " + merged.describe());
        }
        MessageRecord next = record.withDelivery(merged);
        if (!record.reported() && record.state() == SendState.SENT && merged.notDelivered() && merged.retryable()) {
            Optional<Recruit> recruit = recruits.findByContact(record.contact());
            if (record.attempts() < MAX_ATTEMPTS && recruit.isPresent()) {
                Instant at = clock.now();
                Instant retryAt = at.plus(FIRST_BACKOFF.multipliedBy(1L << (2 * Math.max(0, record.attempts() - 1))));
                MessageRecord again = next.replanned(
                        retryAt, "GHL could not deliver it (" + merged.reason().orElse("") + "); sending again", at);
                // The job first: if the record then changed, the job finds it sent and does nothing.
                jobs.schedule(new Job(
                        new JobPayload.DeliverMessage(
                                record.key(), recruit.get().id()),
                        retryAt,
                        JobPriority.BULK));
                return log.transition(record.key(), SendState.SENT, again)
                        ? Optional.of("not delivered, sending again at " + retryAt + ": " + merged.describe())
                        : Optional.empty();
            }
        }
        return log.transition(record.key(), record.state(), next) ? Optional.of(merged.describe()) : Optional.empty();
    }

    private String reportedByCrm(GhlEvent.MessageSent sent, MessageId id) {
        if (sent.notDelivered()) {
            // A text that never reached the phone counts in no cap; and it may be a late report of an earlier
            // attempt of ours, whose record now carries the next attempt's id.
            return "not ours and not delivered: nothing to count";
        }
        Instant now = clock.now();
        // A send of ours not yet recorded (a retry still carries its failed attempt's id, never this one).
        boolean inFlight = log.ofContact(sent.contactId()).stream()
                .anyMatch(r -> !r.reported()
                        && r.channel() == sent.channel()
                        && (r.state() == SendState.SENDING || r.state() == SendState.UNKNOWN)
                        && r.body().strip().equals(sent.body().strip())
                        && r.updatedAt().plus(MessageSender.IN_FLIGHT).isAfter(now));
        if (inFlight) {
            throw new SendInFlight("a send of this text to " + sent.contactId() + " is in flight; report " + id
                    + " is applied once it is recorded");
        }
        log.plan(MessageRecord.reportedByCrm(
                id,
                sent.location(),
                sent.contactId(),
                sent.channel(),
                sent.body(),
                sent.conversation(),
                sent.occurredAt(),
                sent.delivery()));
        return "sent by GHL, not by us: counted in the caps";
    }
}
