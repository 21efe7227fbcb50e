package io.recruitflow.domain.pipeline;

import java.util.Objects;

/** A request to move a recruit's opportunity, and why. The cause decides whether a backward move is allowed. */
public record StageChange(RecruitingStage target, Cause cause) {
    public StageChange {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(cause, "cause");
    }

    /** Why an opportunity moves. */
    public enum Cause {
        /** Our own outreach (intro sent). */
        OUTREACH,
        /**
         * The intro that made the recruit Contacted never reached the phone (GHL's delivery report): the one move
         * back it allows is from Contacted ({@link #undoes}).
         */
        UNDELIVERED,
        /** The recruit replied. */
        REPLY,
        /** A presentation was booked. */
        BOOKING,
        /** The recruit did not show up to the presentation: an automatic backward move. */
        NO_SHOW,
        /** The recruit signed. */
        CONTRACT,
        /** A user moved it in GHL and a webhook told us: GHL is the source of truth. */
        GHL_EVENT,
        /** An operator asked for it through Recruitflow. */
        OPERATOR;

        /** Whether this cause undoes the move to {@code stage} (an undelivered intro undoes Contacted). */
        public boolean undoes(RecruitingStage stage) {
            return this == UNDELIVERED && stage == RecruitingStage.CONTACTED;
        }

        /** Whether this cause may move an opportunity to an earlier stage. */
        public boolean mayMoveBackward() {
            return this == NO_SHOW || this == GHL_EVENT;
        }
    }
}
