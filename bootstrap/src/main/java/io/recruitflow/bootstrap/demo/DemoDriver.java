package io.recruitflow.bootstrap.demo;

import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.Recruit;
import java.time.Instant;
import java.util.List;

/**
 * The world the demo runs in: how work gets done, how time moves, and how GHL reports what recruits
 * do — now, or scripted for later in the simulated week. On the sandbox GHL reports through signed webhooks and
 * the sandbox does the scripted actions on its clock ({@code /_sandbox/simulations}); on the in-memory adapters the
 * driver hands the same events to the application itself.
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

    /**
     * Scripts what a recruit does later in the simulated week, done when the clock passes {@code at} ({@link
     * #advanceTo}): a reply.
     */
    void replyAt(Instant at, Recruit recruit, String body);

    /** Scripted: the recruit books the slot at {@code start} through the booking link (AppointmentCreate). */
    void bookAt(Instant at, Recruit recruit, Instant start);

    /** Scripted: the user marks the recruit's latest active appointment (showed, no-show) in GHL. */
    void markAt(Instant at, Recruit recruit, AppointmentStatus status);

    /** When the next scripted action is due, if any is left. */
    java.util.Optional<Instant> nextScripted();
}
