package io.recruitflow.application.outreach;

import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.RecruitId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a message must still be wanted for, beside compliance: asked by the {@link MessageSender} before it decides
 * (read-only) and again inside the gate the CRM adapter asks right before its call, after any rate-limit wait
 * ({@link #claim}), so that news stored while a message waited for its permit still stops it. A nurture step is
 * the case: a reply, a booking or a stage change cancels it ({@code NurtureGuard}).
 */
public interface SendCondition {
    /** Every message is wanted. */
    SendCondition NONE = new SendCondition() {
        @Override
        public Optional<String> cancelled(MessageRecord message, RecruitId recruit) {
            return Optional.empty();
        }

        @Override
        public Optional<String> claim(MessageRecord message, RecruitId recruit, Instant at) {
            return Optional.empty();
        }
    };

    /** Before the decision: why the message is no longer wanted, read afresh; empty when it still is. */
    Optional<String> cancelled(MessageRecord message, RecruitId recruit);

    /**
     * At the moment of sending: claims the message's leaving, atomically with respect to whatever cancels it; empty
     * when it may leave, else why not. Asked once per attempt (a retry asks again).
     */
    Optional<String> claim(MessageRecord message, RecruitId recruit, Instant at);
}
