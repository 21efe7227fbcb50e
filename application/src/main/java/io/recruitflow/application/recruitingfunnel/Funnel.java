package io.recruitflow.application.recruitingfunnel;

import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recruiting funnel: recruits per stage now (with the stage's GHL name), the conversion from each stage
 * to the next (of those who ever reached a stage, the share who ever reached the next, wherever they are now),
 * won and lost counts,
 * speed-to-lead (accepted lead → intro accepted by GHL) median and p95, and messages by send state.
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
        Map<SendState, Long> messages) {
    public Funnel {
        stages = List.copyOf(stages);
        conversions = List.copyOf(conversions);
        messages = Map.copyOf(messages);
    }

    public record StageCount(RecruitingStage stage, String name, long count) {}

    /** {@code rate} is in [0, 1]; empty when nobody reached {@code from}. */
    public record Conversion(
            RecruitingStage from, RecruitingStage to, long reachedFrom, long reachedTo, Optional<Double> rate) {}
}
