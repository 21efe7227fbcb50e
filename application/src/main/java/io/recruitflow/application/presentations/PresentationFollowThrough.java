package io.recruitflow.application.presentations;

import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.nurture.Nurture;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.outreach.RecruitPlaceholders;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.CompliancePolicy;
import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.Whereabouts;
import io.recruitflow.domain.nurture.NurtureEvent;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.NurtureSteps;
import io.recruitflow.domain.nurture.StepMessage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows every presentation through, as nurture steps (so each goes through the compliance engine, is durable on
 * the job queue, and is cancelled by the news that makes it pointless):
 *
 * <ul>
 *   <li><b>Reminders</b> ({@value #REMINDER}) at the configured offsets before the start, planned when GHL reports
 *       the appointment booked or moved; one skipped (the reason recorded on the step) when its moment has passed or
 *       falls in the recipient's quiet hours; cancelled when the appointment is cancelled, moved (the new time gets
 *       its own), showed or missed, or the recruit opts out or signs; and any still waiting at the start — held by a
 *       cap, a review, a retry — is skipped then ({@link PresentationStarted}), never sent after it.
 *   <li><b>A rebooking text</b> ({@value #NO_SHOW}) a few minutes after a no-show, for as many no-shows as
 *       reschedules are allowed (one by default); cancelled if the recruit books, replies, opts out or signs first.
 *   <li><b>Archiving</b> ({@link ArchiveRecruit}) of a recruit who misses once more, when configured: their
 *       opportunity becomes abandoned and their open steps are skipped.
 * </ul>
 *
 * <p>It hears the core's appointment news as a {@link GhlEventListener}, after the core stored the appointment (and
 * the nurture its news), and reads the appointment as stored then. Idempotent: each step's key names its
 * appointment, its start and its place, so a repeated or re-applied event plans nothing twice. Runs only while
 * Recruitflow's own follow-up is on ({@link NurtureSettings#enabled()}), like the cadences: off, GHL's workflow
 * follows up, as before.
 */
@Singleton
public class PresentationFollowThrough implements GhlEventListener {
    /** The kind of the reminder steps; their sequence is the appointment's id. */
    public static final String REMINDER = "reminder";
    /** The kind of the rebooking text and of the archiving after a no-show. */
    public static final String NO_SHOW = "noshow";

    static final Set<NurtureEvent.Kind> REMINDER_CANCELLED_BY = EnumSet.of(
            NurtureEvent.Kind.APPOINTMENT_CANCELLED,
            NurtureEvent.Kind.APPOINTMENT_MOVED,
            NurtureEvent.Kind.SHOWED,
            NurtureEvent.Kind.NO_SHOW,
            NurtureEvent.Kind.OPTED_OUT,
            NurtureEvent.Kind.CONTRACTED);
    static final Set<NurtureEvent.Kind> NO_SHOW_CANCELLED_BY = EnumSet.of(
            NurtureEvent.Kind.BOOKED,
            NurtureEvent.Kind.STAGE_CHANGED,
            NurtureEvent.Kind.REPLIED,
            NurtureEvent.Kind.OPTED_OUT,
            NurtureEvent.Kind.CONTRACTED);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE MMM d", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US);
    /**
     * A step planned in answer to news counts from just after it: the news that triggered it (stored a moment
     * before, on the same clock) must not cancel it. Events of one contact are applied one after another.
     */
    private static final Duration AFTER_THE_NEWS = Duration.ofMillis(1);

    private final Nurture nurture;
    private final NurtureSteps steps;
    private final NurtureSettings nurtureSettings;
    private final Recruits recruits;
    private final Appointments appointments;
    private final RecipientProfile recipients;
    private final CompliancePolicy policy;
    private final PresentationSettings settings;
    private final Clock clock;

    @Inject
    public PresentationFollowThrough(
            Nurture nurture,
            NurtureSteps steps,
            NurtureSettings nurtureSettings,
            Recruits recruits,
            Appointments appointments,
            RecipientProfile recipients,
            RecruitingSettings recruiting,
            DeclaredEmergencies emergencies,
            PresentationSettings settings,
            Clock clock) {
        this.nurture = nurture;
        this.steps = steps;
        this.nurtureSettings = nurtureSettings;
        this.recruits = recruits;
        this.appointments = appointments;
        this.recipients = recipients;
        this.policy = recruiting.compliance().withEmergencies(emergencies);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void applied(GhlEvent event, EventOutcome outcome) {
        if (!nurtureSettings.enabled() || !(event instanceof GhlEvent.AppointmentChanged changed)) {
            return;
        }
        // The appointment as stored now (the core refuses older news), not as this event said.
        Optional<Appointment> held = appointments.find(changed.appointmentId());
        Optional<Recruit> recruit = recruits.findByContact(changed.contactId());
        if (held.isEmpty() || recruit.isEmpty() || !held.get().contact().equals(changed.contactId())) {
            return;
        }
        Appointment a = held.get();
        if (a.status().active()) {
            planReminders(recruit.get(), a);
        } else if (a.status() == AppointmentStatus.NOSHOW) {
            followUpNoShow(recruit.get(), a);
        }
    }

    /** The reminders of the appointment at its current start, and the guard at the start (idempotent). */
    public List<NurtureStep> planReminders(Recruit recruit, Appointment a) {
        Instant now = clock.now();
        Instant origin = now.plus(AFTER_THE_NEWS);
        String run = String.valueOf(a.start().getEpochSecond());
        Whereabouts where = recipients.whereabouts(recruit);
        List<ReminderPlan.Reminder> plan = ReminderPlan.of(
                a.start(),
                now,
                settings.reminderOffsets(),
                at -> policy.verdict(where, false, false, Channel.SMS, at, List.of()));
        if (plan.isEmpty() || !a.start().isAfter(now)) {
            return List.of();
        }
        Map<String, String> values = new HashMap<>(RecruitPlaceholders.of(recruit));
        List<NurtureStep> planned = new java.util.ArrayList<>();
        int index = 0;
        for (ReminderPlan.Reminder r : plan) {
            index++;
            String text = settings.reminder(when(recruit, a.start(), r.at()), values);
            String key = NurtureStep.key(REMINDER, a.id().value(), recruit.id(), run, index);
            boolean fresh = steps.find(key).isEmpty();
            // A skipped reminder is planned due at the start (so its job cannot run before it is settled) and
            // settled at once with why: the recruit's page shows it with the reason.
            NurtureStep step = nurture.plan(NurtureStep.planned(
                    key,
                    recruit.id(),
                    recruit.location(),
                    REMINDER,
                    a.id().value(),
                    index,
                    NurtureStep.SEND,
                    Optional.of(message(recruit, "Reminder: your iDecide presentation", text)),
                    r.planned() ? r.at() : a.start(),
                    Optional.empty(),
                    Optional.of(a.id().value()),
                    REMINDER_CANCELLED_BY,
                    origin,
                    now));
            if (fresh && r.skipped().isPresent() && step.status().open()) {
                step = steps.settle(
                                key, NurtureStep.Settlement.SKIPPED, r.skipped().get(), now)
                        .orElse(step);
            }
            planned.add(step);
        }
        planned.add(nurture.plan(NurtureStep.planned(
                NurtureStep.key(REMINDER, a.id().value(), recruit.id(), run, index + 1),
                recruit.id(),
                recruit.location(),
                REMINDER,
                a.id().value(),
                index + 1,
                PresentationStarted.NAME,
                Optional.empty(),
                a.start(),
                Optional.empty(),
                Optional.of(a.id().value()),
                REMINDER_CANCELLED_BY,
                origin,
                now)));
        return planned;
    }

    /**
     * After a no-show: the rebooking text while reschedules are left, else (when configured) the archiving; the
     * step that is not sent is kept skipped, with why.
     */
    public NurtureStep followUpNoShow(Recruit recruit, Appointment a) {
        Instant now = clock.now();
        Instant origin = now.plus(AFTER_THE_NEWS);
        long missed = appointments.forContact(a.contact()).stream()
                .filter(x -> x.status() == AppointmentStatus.NOSHOW)
                .count();
        String key = NurtureStep.key(NO_SHOW, a.id().value(), recruit.id(), "1", 1);
        boolean fresh = steps.find(key).isEmpty();
        Map<String, String> values = new HashMap<>(RecruitPlaceholders.of(recruit));
        NurtureStep text = nurture.plan(NurtureStep.planned(
                key,
                recruit.id(),
                recruit.location(),
                NO_SHOW,
                a.id().value(),
                1,
                NurtureStep.SEND,
                Optional.of(message(
                        recruit,
                        "Sorry we missed you: pick a new time",
                        settings.noShow(a.calendar().value(), values))),
                now.plus(settings.noShowDelay()),
                // Back in Interested after the no-show: a move on (booked again through Recruitflow, signed) cancels
                // it.
                Optional.of(io.recruitflow.domain.pipeline.RecruitingStage.INTERESTED),
                Optional.empty(),
                NO_SHOW_CANCELLED_BY,
                origin,
                now));
        if (missed <= settings.reschedules()) {
            return text;
        }
        String why = "skipped: " + ordinal(missed) + " missed presentation; " + settings.reschedules()
                + (settings.reschedules() == 1 ? " reschedule is" : " reschedules are") + " allowed";
        if (fresh && text.status().open()) {
            text = steps.settle(key, NurtureStep.Settlement.SKIPPED, why, now).orElse(text);
        }
        if (settings.archive()) {
            nurture.plan(NurtureStep.planned(
                    NurtureStep.key(NO_SHOW, a.id().value(), recruit.id(), "1", 2),
                    recruit.id(),
                    recruit.location(),
                    NO_SHOW,
                    a.id().value(),
                    2,
                    ArchiveRecruit.NAME,
                    Optional.empty(),
                    now,
                    Optional.empty(),
                    Optional.empty(),
                    EnumSet.of(NurtureEvent.Kind.CONTRACTED),
                    origin,
                    now));
        }
        return text;
    }

    /** A text, or for a recruit with no phone (an intro by email) an email with the same words. */
    private static StepMessage message(Recruit recruit, String subject, String text) {
        if (recruit.phone().isPresent()) {
            return StepMessage.text(text);
        }
        String html = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return StepMessage.email(subject, "<html><body><p>" + html + "</p></body></html>");
    }

    /**
     * The presentation's time as the recruit reads it when the reminder goes at {@code at}: "today at 2:00 PM EST",
     * "tomorrow at 2:00 PM EST", else "Tue Feb 17 at 2:00 PM EST" (so two reminders of one presentation differ).
     */
    String when(Recruit recruit, Instant start, Instant at) {
        ZoneId zone = recipients.displayZoneOf(recruit);
        java.time.LocalDate day = start.atZone(zone).toLocalDate();
        java.time.LocalDate sent = at.atZone(zone).toLocalDate();
        String time = TIME.format(start.atZone(zone));
        if (day.equals(sent)) {
            return "today at " + time;
        }
        if (day.equals(sent.plusDays(1))) {
            return "tomorrow at " + time;
        }
        return DAY.format(start.atZone(zone)) + " at " + time;
    }

    private static String ordinal(long n) {
        return switch ((int) Math.min(n, 4)) {
            case 1 -> "1st";
            case 2 -> "2nd";
            case 3 -> "3rd";
            default -> n + "th";
        };
    }
}
