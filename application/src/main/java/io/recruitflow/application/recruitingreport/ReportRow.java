package io.recruitflow.application.recruitingreport;

import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of the report: of the recruits accepted in the period,
 * <ul>
 *   <li>{@code leadsIn}: how many;</li>
 *   <li>{@code contacted}: whose intro the CRM accepted, or whose opportunity reached Contacted or further;</li>
 *   <li>{@code booked}: with at least one presentation on record (any status);</li>
 *   <li>{@code showed}: who attended at least one; {@code noShows}: who missed one and attended none;</li>
 *   <li>{@code contracted}: whose opportunity reached Contracted;</li>
 *   <li>speed-to-lead (lead accepted → intro accepted by the CRM) of the intros sent at once and of those that
 *       waited for the recipient's quiet hours to end (a compliance decision deferred them), each on its own;</li>
 *   <li>time in each stage, from the stage changes recorded since V24.</li>
 * </ul>
 */
public record ReportRow(
        String group,
        long leadsIn,
        long contacted,
        long booked,
        long showed,
        long noShows,
        long contracted,
        Latency textedAtOnce,
        Latency waitedForQuietHours,
        List<StageTime> timeInStage) {
    public ReportRow {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(textedAtOnce, "textedAtOnce");
        Objects.requireNonNull(waitedForQuietHours, "waitedForQuietHours");
        timeInStage = List.copyOf(timeInStage);
    }

    /** Contacted of the leads in. */
    public Optional<Double> contactRate() {
        return ratio(contacted, leadsIn);
    }

    /** Booked of the contacted. */
    public Optional<Double> bookingRate() {
        return ratio(booked, contacted);
    }

    /** Of the recruits whose presentation is settled (attended or missed), those who attended one. */
    public Optional<Double> showRate() {
        return ratio(showed, showed + noShows);
    }

    /** Contracted of those who attended a presentation. */
    public Optional<Double> closeRate() {
        return ratio(contracted, showed);
    }

    /** Contracted of the leads in: the whole funnel. */
    public Optional<Double> leadToContract() {
        return ratio(contracted, leadsIn);
    }

    private static Optional<Double> ratio(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of(part / (double) whole);
    }

    /** Nearest-rank median and 95th percentile of {@code samples} durations; empty without a sample. */
    public record Latency(long samples, Optional<Duration> p50, Optional<Duration> p95) {
        public static final Latency NONE = new Latency(0, Optional.empty(), Optional.empty());

        public Latency {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p95, "p95");
        }

        /** From sorted samples. */
        public static Latency of(List<Duration> sorted) {
            return new Latency(sorted.size(), percentile(sorted, 50), percentile(sorted, 95));
        }

        /** Nearest-rank percentile of sorted samples (what PostgreSQL's {@code percentile_disc} gives). */
        public static Optional<Duration> percentile(List<Duration> sorted, int p) {
            if (sorted.isEmpty()) {
                return Optional.empty();
            }
            int rank = (int) Math.ceil(p / 100.0 * sorted.size());
            return Optional.of(sorted.get(Math.max(0, rank - 1)));
        }
    }

    /**
     * The time spent in a stage: {@code time} over the recruits who entered it and have moved on (to the stage
     * they entered next), and {@code stillThere}, who entered it and have not left.
     */
    public record StageTime(RecruitingStage stage, Latency time, long stillThere) {
        public StageTime {
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(time, "time");
        }
    }
}
