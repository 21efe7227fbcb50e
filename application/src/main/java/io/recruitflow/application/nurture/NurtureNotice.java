package io.recruitflow.application.nurture;

import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Objects;

/**
 * What the nurture tells its {@link NurtureListener}s. Each notice has an {@link #id()} that is the same when it
 * is told again (after a crash a notice may be told twice: deduplicate on the id). No notice carries personal data
 * (no reply text, no phone, no name): the recruit is named by id.
 */
public sealed interface NurtureNotice {
    /** Stable across repeats: deduplicate on it. */
    String id();

    RecruitId recruit();

    LocationId location();

    /** When it happened. */
    Instant at();

    /**
     * The recruit replied (anything but an opt-out): the cadence stopped, the recruit moved as the stage rules say,
     * and the owner was alerted.
     *
     * @param reply the inbound event's id
     * @param outcome what the reply did, e.g. "moved CONTACTED → INTERESTED"
     */
    record Replied(String reply, RecruitId recruit, LocationId location, Instant at, String outcome)
            implements NurtureNotice {
        public Replied {
            Objects.requireNonNull(reply, "reply");
        }

        @Override
        public String id() {
            return "replied/" + reply;
        }
    }

    /** A step's message went out (the CRM accepted it). */
    record StepSent(NurtureStep step, Instant at) implements NurtureNotice {
        @Override
        public String id() {
            return "sent/" + step.key();
        }

        @Override
        public RecruitId recruit() {
            return step.recruit();
        }

        @Override
        public LocationId location() {
            return step.location();
        }
    }

    /** How a cadence's run ended. */
    enum Ending {
        /** Every step was done or skipped and the recruit rests (the cadence's {@code rest}). */
        RESTED,
        /** News stopped it (a reply, a booking, an opt-out, a stage change, a contract). */
        CANCELLED
    }

    /**
     * A cadence's run ended.
     *
     * @param run the run's key prefix ({@code nurture/cadence/NAME/RECRUIT/RUN})
     * @param reason why (the news that cancelled it, or the rest and the opportunity status taken)
     */
    record CadenceEnded(
            String cadence,
            String run,
            RecruitId recruit,
            LocationId location,
            Ending ending,
            String reason,
            Instant at)
            implements NurtureNotice {
        @Override
        public String id() {
            return "ended/" + run;
        }
    }
}
