package io.recruitflow.domain.nurture;

import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named sequence of follow-up steps attached to a stage: it starts when a recruit enters the stage (for
 * {@code Contacted}: when the intro went out), sends its steps one after the other while nothing happens, and
 * ends with the recruit resting: {@code rest.after} after the last step, the cadence is over and the opportunity
 * takes {@code rest.status} (or stays as it is). News in {@link #CANCELLED_BY} stops it.
 */
public record Cadence(String name, RecruitingStage stage, List<CadenceStep> steps, Rest rest) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** What stops a cadence: the recruit answered, booked, opted out, moved on or signed. */
    public static final Set<NurtureEvent.Kind> CANCELLED_BY = Set.copyOf(EnumSet.of(
            NurtureEvent.Kind.REPLIED,
            NurtureEvent.Kind.OPTED_OUT,
            NurtureEvent.Kind.BOOKED,
            NurtureEvent.Kind.STAGE_CHANGED,
            NurtureEvent.Kind.CONTRACTED));

    /** The end of a cadence: how long after the last step, and the opportunity status then (empty: unchanged). */
    public record Rest(Duration after, Optional<OpportunityStatus> status) {
        public Rest {
            Objects.requireNonNull(after, "after");
            status = status == null ? Optional.empty() : status;
            if (after.isNegative() || after.compareTo(Duration.ofDays(90)) > 0) {
                throw new IllegalArgumentException("rest.after must be 0 to 90 days, not " + after);
            }
            if (status.filter(s -> s == OpportunityStatus.WON).isPresent()) {
                throw new IllegalArgumentException("a rested recruit is not won: use open, abandoned or lost");
            }
        }
    }

    public Cadence {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cadence name '" + name
                    + "' must be 1..40 small letters, digits and '-', starting with a letter or digit");
        }
        Objects.requireNonNull(stage, "stage");
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
        if (steps.isEmpty() || steps.size() > 20) {
            throw new IllegalArgumentException("cadence " + name + " needs 1 to 20 steps, not " + steps.size());
        }
        Objects.requireNonNull(rest, "rest");
        if (stage == RecruitingStage.CONTRACTED) {
            throw new IllegalArgumentException("cadence " + name + ": a contracted recruit is not nurtured");
        }
    }

    /** The playbook's default: "Contacted, no reply" — +4 h, +1 d, +3 d, +7 d, then rest 3 days later, abandoned. */
    public static Cadence contactedNoReply() {
        return new Cadence(
                "contacted-no-reply",
                RecruitingStage.CONTACTED,
                List.of(
                        CadenceStep.of(
                                StepTiming.after("4h"),
                                "Hi {First}, Gary from OOC Unlimited again. Did my text reach you? Happy to share what"
                                        + " we offer licensed agents in {State} whenever suits you. Reply STOP to opt"
                                        + " out."),
                        CadenceStep.of(
                                StepTiming.after("1d"),
                                "Hi {First}, agents on our team get warm leads, top carriers and real training."
                                        + " Worth a 15-minute call this week? Reply STOP to opt out."),
                        CadenceStep.of(
                                StepTiming.after("3d"),
                                "{First}, we're booking short presentations for licensed agents in {State} this"
                                        + " week. Want me to send you a time? Reply STOP to opt out."),
                        CadenceStep.of(
                                StepTiming.after("7d"),
                                "Hi {First}, this is my last text for now so I don't crowd your inbox. If the"
                                        + " timing is better later, just reply here. Gary, OOC Unlimited. Reply STOP"
                                        + " to opt out.")),
                new Rest(Duration.ofDays(3), Optional.of(OpportunityStatus.ABANDONED)));
    }

    /** The kind of the steps a cadence plans. */
    public static final String KIND = "cadence";
}
