package io.recruitflow.application.recruitingfunnel;

import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Computes the funnel from our own records: no GHL call. */
@Singleton
public class RecruitingFunnelService implements RecruitingFunnelUseCase {
    private final Recruits recruits;
    private final OpportunityMirror mirror;
    private final MessageLog messages;
    private final RecruitingSettings settings;

    @Inject
    public RecruitingFunnelService(
            Recruits recruits, OpportunityMirror mirror, MessageLog messages, RecruitingSettings settings) {
        this.recruits = recruits;
        this.mirror = mirror;
        this.messages = messages;
        this.settings = settings;
    }

    @Override
    public Funnel funnel(FunnelQuery query) {
        List<Opportunity> opportunities = mirror.all(query.location());
        Map<RecruitingStage, Long> perStage = mirror.countByStage(query.location());
        List<Funnel.StageCount> stages = new ArrayList<>();
        for (RecruitingStage stage : RecruitingStage.values()) {
            stages.add(new Funnel.StageCount(
                    stage, settings.stageNames().nameOf(stage), perStage.getOrDefault(stage, 0L)));
        }
        List<Funnel.Conversion> conversions = new ArrayList<>();
        RecruitingStage[] order = RecruitingStage.values();
        for (int i = 0; i + 1 < order.length; i++) {
            long from = reached(opportunities, order[i]);
            long to = reached(opportunities, order[i + 1]);
            conversions.add(new Funnel.Conversion(
                    order[i], order[i + 1], from, to, from == 0 ? Optional.empty() : Optional.of(to / (double) from)));
        }
        List<Recruit> all = recruits.all(query.location());
        List<Duration> samples =
                all.stream().flatMap(r -> r.speedToLead().stream()).sorted().toList();
        long won = opportunities.stream()
                .filter(o -> o.status() == OpportunityStatus.WON)
                .count();
        long lost = opportunities.stream()
                .filter(o -> o.status() == OpportunityStatus.LOST)
                .count();
        return new Funnel(
                stages,
                conversions,
                all.size(),
                won,
                lost,
                percentile(samples, 50),
                percentile(samples, 95),
                samples.size(),
                messages.countByState(query.location()),
                messages.countByDelivery(query.location()),
                messages.notDelivered(query.location(), Funnel.NOT_DELIVERED_SHOWN).stream()
                        .map(Funnel.NotDelivered::of)
                        .toList());
    }

    /** Opportunities that ever reached the stage, wherever they are now. */
    private static long reached(List<Opportunity> opportunities, RecruitingStage stage) {
        return opportunities.stream()
                .filter(o -> !o.furthestStage().isBefore(stage))
                .count();
    }

    /** Nearest-rank percentile of sorted samples. */
    static Optional<Duration> percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return Optional.of(sorted.get(Math.max(0, rank - 1)));
    }
}
