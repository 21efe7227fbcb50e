package io.recruitflow.application.port;

import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.IntakePhase;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Objects;

/**
 * What a durable job is to do, as typed data that the queue stores with the job. The {@link #key()}
 * deduplicates (a job whose type and key are already scheduled is not scheduled again); it is derived
 * from the payload and never parsed back.
 */
public sealed interface JobPayload {

    JobType type();

    /** The key that deduplicates jobs of the same type. */
    String key();

    /** Advance one phase of a recruit's intake saga. */
    record Intake(RecruitId recruit, IntakePhase phase) implements JobPayload {
        public Intake {
            Objects.requireNonNull(recruit, "recruit");
            Objects.requireNonNull(phase, "phase");
        }

        @Override
        public JobType type() {
            return JobType.INTAKE;
        }

        @Override
        public String key() {
            // The keys jobs had before payloads were typed, so jobs scheduled by an older version still dedupe.
            return phase == IntakePhase.FIRST ? recruit.toString() : recruit + ":follow-up";
        }
    }

    /**
     * Enroll the recruits of one location whose first phase is done in the speed-to-lead workflow, many per run (the
     * follow-up phase of their intakes, {@link IntakePhase#FOLLOW_UP}): one job per location instead of one per
     * recruit. It keeps itself scheduled while enrollments are due or wait for a retry.
     */
    record EnrollLocation(LocationId location) implements JobPayload {
        public EnrollLocation {
            Objects.requireNonNull(location, "location");
        }

        @Override
        public JobType type() {
            return JobType.INTAKE_ENROLLMENT;
        }

        @Override
        public String key() {
            return "enroll:" + location.value();
        }
    }

    /**
     * Wake the enrollment batch of every location with follow-ups that no batch took up (the safety net for a wake-up
     * lost all the same: a job removed by hand, an earlier version's batch ending over it). There is one such job; it
     * keeps itself scheduled, once a minute.
     */
    record SweepEnrollments() implements JobPayload {
        @Override
        public JobType type() {
            return JobType.ENROLLMENT_SWEEP;
        }

        @Override
        public String key() {
            return "enrollment-sweep";
        }
    }

    /** Send (or reconcile) a planned message to a recruit once it is due. */
    record DeliverMessage(MessageKey message, RecruitId recruit) implements JobPayload {
        public DeliverMessage {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(recruit, "recruit");
        }

        @Override
        public JobType type() {
            return JobType.DEFERRED_MESSAGE;
        }

        @Override
        public String key() {
            return message.value();
        }
    }

    /**
     * Answer a recruit's reply once: the opt-out confirmation or the help text. The reply's id (the inbound
     * event's) is the idempotency key of the answer, so a duplicate webhook or a retry never sends two.
     */
    record AnswerReply(String reply, RecruitId recruit) implements JobPayload {
        public AnswerReply {
            if (reply == null || reply.isBlank()) {
                throw new IllegalArgumentException("reply id is blank");
            }
            Objects.requireNonNull(recruit, "recruit");
        }

        @Override
        public JobType type() {
            return JobType.REPLY_ANSWER;
        }

        @Override
        public String key() {
            return reply;
        }
    }

    /**
     * Do one planned nurture step once it is due: send its message (through the message log, once) or perform its
     * action. The step's key ({@code nurture/...}) is the job's key.
     */
    record NurtureStep(String step, RecruitId recruit) implements JobPayload {
        public NurtureStep {
            if (step == null || step.isBlank() || step.length() > 200) {
                throw new IllegalArgumentException("step key must be 1..200 characters");
            }
            Objects.requireNonNull(recruit, "recruit");
        }

        @Override
        public JobType type() {
            return JobType.NURTURE_STEP;
        }

        @Override
        public String key() {
            return step;
        }
    }

    /**
     * Apply the stored webhook events that are due. There is one such job: one job key runs on one worker
     * at a time across every instance, which keeps each contact's events in order.
     */
    record SweepInbox() implements JobPayload {
        @Override
        public JobType type() {
            return JobType.INBOX_DISPATCH;
        }

        @Override
        public String key() {
            return "inbox-sweep";
        }
    }

    /**
     * Deliver the outbound events that are due (the outbox). There is one such job: one job key runs on one worker
     * at a time across every instance, which keeps each recruit's events in order.
     */
    record DeliverEvents() implements JobPayload {
        @Override
        public JobType type() {
            return JobType.OUTBOUND_EVENTS;
        }

        @Override
        public String key() {
            return "outbound-events";
        }
    }

    /**
     * Look for recruits stalled in a stage and announce the new ones. There is one such job; it keeps itself
     * scheduled ({@link io.recruitflow.application.stalls.StallSettings#every()}).
     */
    record SweepStalls() implements JobPayload {
        @Override
        public JobType type() {
            return JobType.STALL_SWEEP;
        }

        @Override
        public String key() {
            return "stall-sweep";
        }
    }
}
