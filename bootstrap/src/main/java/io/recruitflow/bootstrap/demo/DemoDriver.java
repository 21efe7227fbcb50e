package io.recruitflow.bootstrap.demo;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.Recruit;
import java.time.Instant;
import java.util.List;

/**
 * The world the demo runs in: how work gets done, how time moves, and how GHL reports what recruits
 * do. On the sandbox GHL reports through signed webhooks; on the in-memory adapters the driver hands the
 * same events to the application itself.
 */
public interface DemoDriver {
    /** Waits until every due job has run and every reported event is applied. */
    void runDueWork();

    /** Moves time forward to {@code instant} (if it is in the future). */
    void advanceTo(Instant instant);

    /** GHL reports the intros it sent (OutboundMessage). */
    void introsReported(List<MessageRecord> intros);

    /** A recruit writes back. */
    void recruitReplies(Recruit recruit, String body);

    /** GHL reports a booking made through its API (AppointmentCreate). */
    void bookingReported(Appointment appointment);

    /** A user marks the appointment showed or no-show in GHL. */
    void appointmentMarked(Appointment appointment, AppointmentStatus status);
}
