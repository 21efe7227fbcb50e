package io.recruitflow.application.port;

/**
 * The kinds of durable work; each has one {@link JobPayload} record. The names are stored with every
 * scheduled job: keep them when renaming the payloads.
 */
public enum JobType {
    /** {@link JobPayload.Intake}. */
    INTAKE,
    /** {@link JobPayload.DeliverMessage}. */
    DEFERRED_MESSAGE,
    /** {@link JobPayload.SweepInbox}. */
    INBOX_DISPATCH,
    /** {@link JobPayload.AnswerReply}. */
    REPLY_ANSWER,
    /** {@link JobPayload.DeliverEvents}. */
    OUTBOUND_EVENTS,
    /** {@link JobPayload.SweepStalls}. */
    STALL_SWEEP,
    /** {@link JobPayload.NurtureStep}. */
    NURTURE_STEP,
    /** {@link JobPayload.EnrollLocation}. */
    INTAKE_ENROLLMENT,
    /** {@link JobPayload.SweepEnrollments}. */
    ENROLLMENT_SWEEP;

    /**
     * Whether this type's handler does all its storage in one {@link UnitOfWork} ({@code inOne}): a queue on the
     * same database may then commit the job's own completion (its removal or its next run) with the handler's last
     * commit instead of in a transaction of its own.
     */
    public boolean runsInOneUnitOfWork() {
        return this == INTAKE || this == INBOX_DISPATCH || this == INTAKE_ENROLLMENT || this == ENROLLMENT_SWEEP;
    }
}
