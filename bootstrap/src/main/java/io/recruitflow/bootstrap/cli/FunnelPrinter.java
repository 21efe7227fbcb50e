package io.recruitflow.bootstrap.cli;

import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.shared.PersonalData;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;

/** Prints the funnel as a table with a terminal bar chart. */
public final class FunnelPrinter {
    private static final int BAR_WIDTH = 30;
    private final PrintStream out;

    public FunnelPrinter(PrintStream out) {
        this.out = out;
    }

    public void print(Funnel funnel) {
        long max = Math.max(
                1,
                funnel.stages().stream()
                        .mapToLong(Funnel.StageCount::count)
                        .max()
                        .orElse(1));
        out.printf("   %-24s %6s  %s%n", "Stage", "Count", "");
        for (Funnel.StageCount s : funnel.stages()) {
            int width = (int) Math.round(BAR_WIDTH * s.count() / (double) max);
            out.printf("   %-24s %6d  %s%n", s.name(), s.count(), "█".repeat(width));
        }
        out.printf("%n   %-40s %s%n", "Conversion", "Rate");
        for (Funnel.Conversion c : funnel.conversions()) {
            String from = name(funnel, c.from());
            String to = name(funnel, c.to());
            out.printf(
                    "   %-40s %s%n",
                    from + " → " + to,
                    c.rate()
                            .map(r -> String.format("%5.1f%% (%d of %d)", 100 * r, c.reachedTo(), c.reachedFrom()))
                            .orElse("    –"));
        }
        out.printf("%n   Recruits: %d   won: %d   lost: %d%n", funnel.recruits(), funnel.won(), funnel.lost());
        out.printf(
                "   Speed to lead (lead accepted → intro accepted by GHL), %d samples: median %s, p95 %s%n",
                funnel.speedToLeadSamples(), format(funnel.speedToLeadMedian()), format(funnel.speedToLeadP95()));
        out.printf(
                "   Messages: %d sent, %d deferred, %d refused, %d failed, %d unknown%n",
                funnel.messages().getOrDefault(SendState.SENT, 0L),
                funnel.messages().getOrDefault(SendState.PLANNED, 0L),
                funnel.messages().getOrDefault(SendState.REFUSED, 0L),
                funnel.messages().getOrDefault(SendState.FAILED, 0L),
                funnel.messages().getOrDefault(SendState.UNKNOWN, 0L)
                        + funnel.messages().getOrDefault(SendState.SENDING, 0L));
        if (!funnel.deliveries().isEmpty()) {
            out.printf(
                    "   Delivery reported by GHL: %d delivered, %d read, %d not delivered (%d failed, %d undelivered), "
                            + "%d awaiting a report%n",
                    delivery(funnel, DeliveryStatus.DELIVERED),
                    delivery(funnel, DeliveryStatus.READ),
                    funnel.notDeliveredCount(),
                    delivery(funnel, DeliveryStatus.FAILED),
                    delivery(funnel, DeliveryStatus.UNDELIVERED),
                    delivery(funnel, DeliveryStatus.PENDING) + delivery(funnel, DeliveryStatus.SENT));
        }
        for (Funnel.NotDelivered t : funnel.notDelivered()) {
            out.printf(
                    "     %s %s %s: %s%s%n",
                    t.key(),
                    t.channel().name().toLowerCase(java.util.Locale.ROOT),
                    t.status().name().toLowerCase(java.util.Locale.ROOT),
                    PersonalData.mask(t.reason()),
                    t.retrying() ? " — sent again after a backoff" : " — not retried");
        }
    }

    private static long delivery(Funnel funnel, DeliveryStatus status) {
        return funnel.deliveries().getOrDefault(status, 0L);
    }

    private static String name(Funnel funnel, io.recruitflow.domain.pipeline.RecruitingStage stage) {
        return funnel.stages().stream()
                .filter(s -> s.stage() == stage)
                .findFirst()
                .map(Funnel.StageCount::name)
                .orElse(stage.name());
    }

    static String format(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "–";
        }
        long ms = d.get().toMillis();
        if (ms < 10_000) {
            return ms + " ms";
        }
        if (ms < 3_600_000) {
            return String.format("%.1f min", ms / 60_000.0);
        }
        return String.format("%.1f h", ms / 3_600_000.0);
    }
}
