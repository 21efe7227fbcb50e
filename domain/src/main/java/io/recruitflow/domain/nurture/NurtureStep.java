package io.recruitflow.domain.nurture;

import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One planned step of a recruit's nurture: a message to send at {@code dueAt} (a cadence's follow-up, an
 * appointment reminder) or another action ({@code action}, e.g. {@link #REST}), kept with what became of it.
 *
 * <p>The {@code key} is the step's identity and, for a message step, the key of its message in the message log:
 * one key is planned once and sent at most once. Keys start with {@link #KEY_PREFIX}.
 *
 * @param kind what planned it: {@code cadence}, {@code reminder}, ... (shown, and groups the steps)
 * @param sequence which sequence of that kind: the cadence's name, an appointment's id
 * @param index the step's place in its sequence, from 1
 * @param action {@link #SEND} for a message step, else the name of a registered action
 * @param message the message of a {@link #SEND} step, rendered when planned; empty for another action
 * @param stage the stage the step belongs to: the recruit moving to another stage cancels it (when {@link
 *     NurtureEvent.Kind#STAGE_CHANGED} is among {@code cancelOn}); empty: any stage change does
 * @param subject what the step is about (an appointment id): news about another subject does not cancel it
 * @param cancelOn the kinds of news that cancel it
 * @param reason why it is in its status (a deferral, a skip, a cancellation), or empty
 * @param cancelledAt when news that cancels it was stored; set once, never cleared
 * @param origin the instant its sequence counts from (a cadence's start, a booking): news stored since then
 *     cancels it, even news stored before the step itself was planned
 */
public record NurtureStep(
        String key,
        RecruitId recruit,
        LocationId location,
        String kind,
        String sequence,
        int index,
        String action,
        Optional<StepMessage> message,
        Instant dueAt,
        Optional<RecruitingStage> stage,
        Optional<String> subject,
        Set<NurtureEvent.Kind> cancelOn,
        StepStatus status,
        Optional<String> reason,
        Optional<Instant> cancelledAt,
        Instant origin,
        Instant plannedAt,
        Instant updatedAt) {
    public static final String KEY_PREFIX = "nurture/";
    /** The action of a step that sends its message. */
    public static final String SEND = "send";
    /** The action of a cadence's last step: the recruit rests (no more follow-ups). */
    public static final String REST = "rest";

    public NurtureStep {
        Objects.requireNonNull(key, "key");
        if (!key.startsWith(KEY_PREFIX) || key.length() > 200) {
            throw new IllegalArgumentException(
                    "a step key starts with " + KEY_PREFIX + " and has at most 200 characters");
        }
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(location, "location");
        requireName(kind, "kind");
        requireName(sequence, "sequence");
        requireName(action, "action");
        if (index < 1) {
            throw new IllegalArgumentException("a step's index starts at 1");
        }
        message = message == null ? Optional.empty() : message;
        if (action.equals(SEND) != message.isPresent()) {
            throw new IllegalArgumentException("a send step has a message, and only a send step");
        }
        Objects.requireNonNull(dueAt, "dueAt");
        stage = stage == null ? Optional.empty() : stage;
        subject = subject == null ? Optional.empty() : subject;
        cancelOn = cancelOn == null || cancelOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(cancelOn));
        Objects.requireNonNull(status, "status");
        reason = reason == null ? Optional.empty() : reason;
        cancelledAt = cancelledAt == null ? Optional.empty() : cancelledAt;
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(plannedAt, "plannedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    private static void requireName(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("a step's " + what + " must be 1..100 characters");
        }
    }

    /** The key of step {@code index} of run {@code run} of a sequence for a recruit. */
    public static String key(String kind, String sequence, RecruitId recruit, String run, int index) {
        return KEY_PREFIX + kind + "/" + sequence + "/" + recruit + "/" + run + "/" + index;
    }

    /** A new step, planned at {@code at}. */
    public static NurtureStep planned(
            String key,
            RecruitId recruit,
            LocationId location,
            String kind,
            String sequence,
            int index,
            String action,
            Optional<StepMessage> message,
            Instant dueAt,
            Optional<RecruitingStage> stage,
            Optional<String> subject,
            Set<NurtureEvent.Kind> cancelOn,
            Instant origin,
            Instant at) {
        return new NurtureStep(
                key,
                recruit,
                location,
                kind,
                sequence,
                index,
                action,
                message,
                dueAt,
                stage,
                subject,
                cancelOn,
                StepStatus.PLANNED,
                Optional.empty(),
                Optional.empty(),
                origin,
                at,
                at);
    }

    /** Whether this news cancels the step (were it still open). */
    public boolean cancelledBy(NurtureEvent event) {
        if (!cancelOn.contains(event.kind())) {
            return false;
        }
        if (event.kind() == NurtureEvent.Kind.STAGE_CHANGED && stage.isPresent() && stage.equals(event.stage())) {
            return false;
        }
        return event.subject().isEmpty() || subject.isEmpty() || event.subject().equals(subject);
    }

    /**
     * After news that cancels it was stored: a planned step is cancelled; one on its way out keeps going (that
     * attempt was let out before the news) but is marked, so that no later attempt leaves. Unchanged when settled.
     */
    public NurtureStep cancelled(NurtureEvent event, Instant at) {
        if (!status.open() || cancelledAt.isPresent()) {
            return this;
        }
        String why = "cancelled: " + event.why();
        return status == StepStatus.PLANNED
                ? with(StepStatus.CANCELLED, Optional.of(why), Optional.of(at), at)
                : with(status, Optional.of(why), Optional.of(at), at);
    }

    /** The step as news stored since its origin leaves it: cancelled by the first such news that cancels it. */
    public NurtureStep afterNews(java.util.List<NurtureSteps.StoredNews> news) {
        NurtureStep step = this;
        for (NurtureSteps.StoredNews n : news) {
            if (!n.storedAt().isBefore(origin) && step.cancelledBy(n.event())) {
                step = step.cancelled(n.event(), n.storedAt());
            }
        }
        return step;
    }

    /** Whether its message may be let out now: open and not cancelled. */
    public boolean claimable() {
        return status.open() && cancelledAt.isEmpty();
    }

    /** Let out at the moment of sending. */
    public NurtureStep claimed(Instant at) {
        if (!claimable()) {
            throw new IllegalStateException("step " + key + " cannot be claimed: " + status);
        }
        return with(StepStatus.SENDING, reason, cancelledAt, at);
    }

    /** What became of an attempt. */
    public enum Settlement {
        /** The message went (or, for an action, it was done). */
        DONE,
        /** It will not be done: refused, failed for good, nothing to do. */
        SKIPPED,
        /** Not now: deferred or to be retried; it stays open. */
        WAITING
    }

    /**
     * The step after an attempt came to {@code result}. A message that went is {@code SENT} even if news came
     * after it was let out; otherwise a step whose cancellation was stored is {@code CANCELLED}. Unchanged when
     * settled already.
     */
    public NurtureStep settled(Settlement result, String why, Instant at) {
        if (!status.open()) {
            return this;
        }
        Optional<String> because = Optional.ofNullable(why).filter(s -> !s.isBlank());
        return switch (result) {
            case DONE -> with(action.equals(SEND) ? StepStatus.SENT : StepStatus.DONE, because, cancelledAt, at);
            case SKIPPED ->
                cancelledAt.isPresent()
                        ? with(StepStatus.CANCELLED, reason, cancelledAt, at)
                        : with(StepStatus.SKIPPED, because, cancelledAt, at);
            case WAITING ->
                cancelledAt.isPresent()
                        ? with(StepStatus.CANCELLED, reason, cancelledAt, at)
                        : with(StepStatus.PLANNED, because, cancelledAt, at);
        };
    }

    private NurtureStep with(StepStatus s, Optional<String> why, Optional<Instant> cancelled, Instant at) {
        return new NurtureStep(
                key, recruit, location, kind, sequence, index, action, message, dueAt, stage, subject, cancelOn, s, why,
                cancelled, origin, plannedAt, at);
    }
}
