package io.recruitflow.application.recruitingfunnel;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.shared.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recruiting funnel: recruits per stage now (with the stage's GHL name), the conversion from each stage
 * to the next (of those who ever reached a stage, the share who ever reached the next, wherever they are now),
 * won and lost counts,
 * speed-to-lead (accepted lead → intro accepted by GHL) median and p95, messages by send state, our texts by
 * what GHL reported of their delivery ({@code deliveries}: a text not delivered is not counted as delivered, and
 * one without a report yet is {@code PENDING}), and the newest texts GHL could not deliver, with its reason.
 */
public record Funnel(
        List<StageCount> stages,
        List<Conversion> conversions,
        long recruits,
        long won,
        long lost,
        Optional<Duration> speedToLeadMedian,
        Optional<Duration> speedToLeadP95,
        int speedToLeadSamples,
        Map<SendState, Long> messages,
        Map<DeliveryStatus, Long> deliveries,
        List<NotDelivered> notDelivered) {
    /** How many texts GHL could not deliver the funnel lists at most. */
    public static final int NOT_DELIVERED_SHOWN = 20;

    public Funnel {
        stages = List.copyOf(stages);
        conversions = List.copyOf(conversions);
        messages = Map.copyOf(messages);
        deliveries = Map.copyOf(deliveries);
        notDelivered = List.copyOf(notDelivered);
    }

    /** Without delivery figures. */
    public Funnel(
            List<StageCount> stages,
            List<Conversion> conversions,
            long recruits,
            long won,
            long lost,
            Optional<Duration> speedToLeadMedian,
            Optional<Duration> speedToLeadP95,
            int speedToLeadSamples,
            Map<SendState, Long> messages) {
        this(
                stages,
                conversions,
                recruits,
                won,
                lost,
                speedToLeadMedian,
                speedToLeadP95,
                speedToLeadSamples,
                messages,
                Map.of(),
                List.of());
    }

    /** Texts GHL reported failed or undelivered: these never reached the phone. */
    public long notDeliveredCount() {
        return deliveries.getOrDefault(DeliveryStatus.FAILED, 0L)
                + deliveries.getOrDefault(DeliveryStatus.UNDELIVERED, 0L);
    }

    /**
     * A text GHL could not deliver: which message (e.g. {@code intro/<recruit>}), to whom, GHL's status and
     * reason, when GHL reported it, and whether it is planned again (a reason that can pass).
     */
    public record NotDelivered(
            MessageKey key,
            ContactId contact,
            Channel channel,
            DeliveryStatus status,
            String reason,
            Instant reportedAt,
            boolean retrying) {
        public static NotDelivered of(MessageRecord m) {
            var d = m.delivery().orElseThrow();
            return new NotDelivered(
                    m.key(),
                    m.contact(),
                    m.channel(),
                    d.status(),
                    d.reason().orElse("no reason given"),
                    d.reportedAt(),
                    m.state() == SendState.PLANNED || m.state() == SendState.SENDING);
        }
    }

    public record StageCount(RecruitingStage stage, String name, long count) {}

    /** {@code rate} is in [0, 1]; empty when nobody reached {@code from}. */
    public record Conversion(
            RecruitingStage from, RecruitingStage to, long reachedFrom, long reachedTo, Optional<Double> rate) {}
}
