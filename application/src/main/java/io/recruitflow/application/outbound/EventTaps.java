package io.recruitflow.application.outbound;

import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ComplianceEntry;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.IntakeJournal;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recruit events taken from the stores where the facts are recorded, as decorators of their ports (wired by
 * bootstrap; the stores know nothing of them): a message of ours moving to SENT ({@code recruit.texted}), an intake
 * step journaled FAILED ({@code recruit.intake_failed}), a review decided as an opt-out ({@code recruit.opted_out}).
 * Each publishes after the store accepted the change, under an id derived from the fact, so a repeat stores nothing;
 * without subscribers ({@link RecruitEvents#enabled()} false) they read nothing more than the store did.
 */
public final class EventTaps {
    private EventTaps() {}

    /** {@code messages}, announcing each of our messages that moves to SENT. */
    public static MessageLog messages(MessageLog messages, Recruits recruits, RecruitEvents events) {
        return new MessageLog() {
            @Override
            public MessageRecord plan(MessageRecord record) {
                return messages.plan(record);
            }

            @Override
            public Optional<MessageRecord> find(MessageKey key) {
                return messages.find(key);
            }

            @Override
            public boolean transition(MessageKey key, SendState expected, MessageRecord next) {
                return sent(expected, next, messages.transition(key, expected, next));
            }

            @Override
            public boolean transition(
                    MessageKey key, SendState expected, MessageRecord next, ComplianceEntry decision) {
                return sent(expected, next, messages.transition(key, expected, next, decision));
            }

            private boolean sent(SendState expected, MessageRecord next, boolean changed) {
                if (changed
                        && events.enabled()
                        && expected != SendState.SENT
                        && next.state() == SendState.SENT
                        && !next.key().value().startsWith(MessageRecord.REPORTED_PREFIX)) {
                    recruits.findByContact(next.contact())
                            .ifPresent(r -> events.publish(RecruitEvent.texted(
                                    r,
                                    next.key().value(),
                                    next.channel().name().toLowerCase(Locale.ROOT),
                                    next.updatedAt())));
                }
                return changed;
            }

            @Override
            public List<Instant> possiblySentSince(ContactId contact, Channel channel, Instant since) {
                return messages.possiblySentSince(contact, channel, since);
            }

            @Override
            public List<MessageRecord> due(Instant now, int limit) {
                return messages.due(now, limit);
            }

            @Override
            public Map<SendState, Long> countByState(Optional<LocationId> location) {
                return messages.countByState(location);
            }

            @Override
            public Optional<MessageRecord> findByMessageId(MessageId id) {
                return messages.findByMessageId(id);
            }

            @Override
            public List<MessageRecord> ofContact(ContactId contact) {
                return messages.ofContact(contact);
            }

            @Override
            public Map<DeliveryStatus, Long> countByDelivery(Optional<LocationId> location) {
                return messages.countByDelivery(location);
            }

            @Override
            public List<MessageRecord> notDelivered(Optional<LocationId> location, int limit) {
                return messages.notDelivered(location, limit);
            }
        };
    }

    /** {@code journal}, announcing each intake step that failed for good. */
    public static IntakeJournal journal(IntakeJournal journal, Recruits recruits, RecruitEvents events) {
        return IntakeJournal.observingSaves(journal, record -> {
            if (record.state() == StepState.FAILED && events.enabled()) {
                recruits.find(record.recruit())
                        .ifPresent(r -> events.publish(RecruitEvent.intakeFailed(
                                r, record.step().name().toLowerCase(Locale.ROOT), record.updatedAt())));
            }
        });
    }

    /** {@code reviews}, announcing a review decided as an opt-out. */
    public static ReviewRepliesUseCase reviews(ReviewRepliesUseCase reviews, Recruits recruits, RecruitEvents events) {
        return new ReviewRepliesUseCase() {
            @Override
            public List<RecruitReply> open(int limit) {
                return reviews.open(limit);
            }

            @Override
            public Optional<RecruitReply> find(String id) {
                return reviews.find(id);
            }

            @Override
            public Resolution resolve(String id, boolean optOut, String decidedBy) {
                Resolution resolution = reviews.resolve(id, optOut, decidedBy);
                if (optOut && events.enabled() && resolution instanceof Resolution.Decided decided) {
                    RecruitReply reply = decided.reply();
                    recruits.find(reply.recruit())
                            .ifPresent(r -> events.publish(RecruitEvent.optedOut(
                                    r,
                                    reply.id(),
                                    "review_decision",
                                    reply.decision()
                                            .map(RecruitReply.Decision::decidedAt)
                                            .orElse(reply.receivedAt()))));
                }
                return resolution;
            }
        };
    }
}
