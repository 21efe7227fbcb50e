package io.recruitflow.application.outbound;

import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.applyghlevent.GhlEventListener;
import io.recruitflow.application.port.RecruitEvent;
import io.recruitflow.application.port.RecruitEvents;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.RecruitReplies;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.pipeline.OpportunityMirror;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;

/**
 * The recruit events that follow from what the CRM reported, once the core applied it: a reply ({@code
 * recruit.replied}, or {@code recruit.opted_out} for an opt-out), a booking ({@code recruit.booked}), a no-show
 * ({@code recruit.no_show}) and the opportunity reaching Contracted ({@code recruit.contracted}).
 *
 * <p>It runs before the inbox marks the webhook processed, so a crash in between applies the webhook again and
 * publishes again — under the same event ids, which the outbox stores once. An event older than what the core holds
 * (ignored as such) publishes nothing.
 */
@Singleton
public class RecruitEventsFromGhl implements GhlEventListener {
    private final Recruits recruits;
    private final RecruitReplies replies;
    private final OpportunityMirror mirror;
    private final RecruitEvents events;

    @Inject
    public RecruitEventsFromGhl(
            Recruits recruits, RecruitReplies replies, OpportunityMirror mirror, RecruitEvents events) {
        this.recruits = recruits;
        this.replies = replies;
        this.mirror = mirror;
        this.events = events;
    }

    @Override
    public void applied(GhlEvent event, EventOutcome outcome) {
        if (!events.enabled()
                || outcome instanceof EventOutcome.AlreadyApplied
                || outcome instanceof EventOutcome.NotApplied) {
            return;
        }
        Optional<Recruit> recruit = event.contact().flatMap(recruits::findByContact);
        if (recruit.isEmpty()) {
            return;
        }
        Recruit r = recruit.get();
        if (event instanceof GhlEvent.MessageReceived e) {
            boolean optOut = replies.find(e.eventId())
                    .filter(reply -> reply.kind() == RecruitReply.Kind.OPT_OUT)
                    .isPresent();
            events.publish(
                    optOut
                            ? RecruitEvent.optedOut(r, e.eventId(), "opt_out_reply", e.occurredAt())
                            : RecruitEvent.replied(r, e.eventId(), channel(e.channel()), e.occurredAt()));
        } else if (event instanceof GhlEvent.AppointmentChanged e && !olderThanHeld(outcome)) {
            if (e.status() == AppointmentStatus.NOSHOW) {
                events.publish(RecruitEvent.noShow(r, e.appointmentId().value(), e.occurredAt()));
            } else if (e.status().active()) {
                events.publish(RecruitEvent.booked(r, e.appointmentId().value(), e.start(), e.occurredAt()));
            }
        } else if (event instanceof GhlEvent.OpportunityChanged e && outcome instanceof EventOutcome.Applied) {
            mirror.find(e.opportunityId())
                    .filter(o -> o.stage() == RecruitingStage.CONTRACTED)
                    .ifPresent(o -> events.publish(RecruitEvent.contracted(r, "contracted", e.occurredAt())));
        }
    }

    /** The appointment event was older than the one the core holds: it changed nothing. */
    private static boolean olderThanHeld(EventOutcome outcome) {
        return outcome instanceof EventOutcome.Ignored ignored && ignored.why().startsWith("older than");
    }

    private static String channel(Object channel) {
        return channel.toString().toLowerCase(Locale.ROOT);
    }
}
