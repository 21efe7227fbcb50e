package io.recruitflow.domain.nurture;

import io.recruitflow.domain.pipeline.RecruitingStage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * News about a recruit that may make planned steps pointless. A step names the kinds that cancel it ({@link
 * NurtureStep#cancelOn()}); {@link NurtureStep#cancelledBy} decides.
 *
 * @param at when it happened (the CRM's time of the event, or ours for what Recruitflow did itself)
 * @param stage for {@link Kind#STAGE_CHANGED}: the stage the recruit is in now
 * @param subject what the news is about, e.g. an appointment id: a step about another subject is not cancelled
 * @param why for the record, shown with the cancelled steps; never personal data (no reply text, no name)
 */
public record NurtureEvent(
        Kind kind, Instant at, Optional<RecruitingStage> stage, Optional<String> subject, String why) {
    /** The kinds of news. */
    public enum Kind {
        /** The recruit replied (anything but an opt-out: that is {@link #OPTED_OUT} as well). */
        REPLIED,
        /** The recruit opted out, or a person decided a reply was one. */
        OPTED_OUT,
        /** A presentation was booked. */
        BOOKED,
        /** The recruit's opportunity moved to another stage ({@link NurtureEvent#stage()}). */
        STAGE_CHANGED,
        /** The recruit signed. */
        CONTRACTED,
        /** An appointment was cancelled (subject: its id). */
        APPOINTMENT_CANCELLED,
        /** An appointment moved to another time (subject: its id). */
        APPOINTMENT_MOVED,
        /** The recruit showed up to an appointment (subject: its id). */
        SHOWED,
        /** The recruit did not show up (subject: its id). */
        NO_SHOW
    }

    public NurtureEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        stage = stage == null ? Optional.empty() : stage;
        subject = subject == null ? Optional.empty() : subject;
        why = why == null || why.isBlank() ? kind.name().toLowerCase(java.util.Locale.ROOT) : why.strip();
        if (kind == Kind.STAGE_CHANGED && stage.isEmpty()) {
            throw new IllegalArgumentException("a stage change names the new stage");
        }
    }

    public static NurtureEvent of(Kind kind, Instant at, String why) {
        return new NurtureEvent(kind, at, Optional.empty(), Optional.empty(), why);
    }

    public static NurtureEvent stageChanged(RecruitingStage now, Instant at, String why) {
        return new NurtureEvent(Kind.STAGE_CHANGED, at, Optional.of(now), Optional.empty(), why);
    }

    public static NurtureEvent about(Kind kind, String subject, Instant at, String why) {
        return new NurtureEvent(kind, at, Optional.empty(), Optional.of(subject), why);
    }
}
