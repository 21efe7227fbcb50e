package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.domain.appointment.AppointmentId;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random schedules of replies, opt-outs, bookings and stage moves arriving at random times — some of them
 * while a follow-up waits for its rate-limit permit — no nurture step is ever handed to the CRM after news that
 * cancels it was stored, and a recruit with no such news gets every step and rests. Time runs on the world's
 * manual clock: eleven days of a cadence take milliseconds.
 */
class NurtureCancellationPropertyTest {
    static final Duration TICK = Duration.ofMinutes(30);
    static final int DAYS = 11;

    enum Kind {
        REPLY,
        OPT_OUT,
        BOOKING,
        STAGE_MOVE,
        /** A move to the cadence's own stage (Contacted): cancels nothing. */
        SAME_STAGE
    }

    record News(int recruit, Kind kind, int minute, boolean whileWaitingForPermit) {}

    @Provide
    Arbitrary<List<News>> schedules() {
        Arbitrary<News> news = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(Kind.class),
                        Arbitraries.integers().between(1, DAYS * 24 * 60),
                        Arbitraries.of(true, false))
                .as(News::new);
        return news.list().ofMaxSize(5);
    }

    @Property(tries = 60)
    void noStepLeavesAfterTheNewsThatCancelsItWasStored(@ForAll("schedules") List<News> schedule) {
        World w = new World("2026-02-09T10:00", NurtureSettings.playbook()); // a Monday, New York
        List<RecruitId> recruits = List.of(
                w.accept(World.lead("Ann", "Avery", "2125550101", null, "NY", "Life")),
                w.accept(World.lead("Bob", "Burke", "2125550102", null, "NY", "Life")),
                w.accept(World.lead("Cy", "Cole", "2125550103", null, "NY", "Health")));
        w.runJobs();
        Instant start = w.clock.now();
        Map<ContactId, RecruitId> byContact = new HashMap<>();
        recruits.forEach(id -> byContact.put(w.recruit(id).contactId().orElseThrow(), id));

        AtomicLong tick = new AtomicLong();
        Map<RecruitId, Long> firstCancellingNewsStored = new HashMap<>();
        // The tick of each hand-over of a text to the CRM (its gate is asked right after), by contact and body.
        Map<String, Long> handedOverAt = new HashMap<>();
        List<News> pending = new ArrayList<>(schedule);

        w.whileWaitingForPermit = message -> {
            RecruitId r = byContact.get(message.contact());
            // News due for this recruit that arrives "by webhook" while the text waits for its permit.
            for (News n : List.copyOf(pending)) {
                if (n.whileWaitingForPermit() && recruits.get(n.recruit()).equals(r) && due(n, start, w)) {
                    pending.remove(n);
                    deliver(w, r, n, tick, firstCancellingNewsStored);
                }
            }
            handedOverAt.put(message.contact() + "|" + message.body(), tick.incrementAndGet());
        };

        Instant end = start.plus(Duration.ofDays(DAYS));
        while (w.clock.now().isBefore(end)) {
            w.clock.advance(TICK);
            for (News n : List.copyOf(pending)) {
                // News meant to arrive during a permit wait arrives at the latest a day after its time.
                boolean now = n.whileWaitingForPermit() ? due(n, start.plus(Duration.ofDays(1)), w) : due(n, start, w);
                if (now) {
                    pending.remove(n);
                    deliver(w, recruits.get(n.recruit()), n, tick, firstCancellingNewsStored);
                }
            }
            w.runJobs();
        }

        for (RecruitId id : recruits) {
            ContactId contact = w.recruit(id).contactId().orElseThrow();
            for (MessageRecord m : w.adapters.messageLog().ofContact(contact)) {
                // The cadence's steps; a booking's reminders are planned after (and because of) it.
                if (!m.key().value().startsWith(NurtureStep.KEY_PREFIX + "cadence/") || m.state() != SendState.SENT) {
                    continue;
                }
                long sentTick = handedOverAt.get(contact + "|" + m.body());
                Long cancelledTick = firstCancellingNewsStored.get(id);
                assertThat(cancelledTick == null || sentTick < cancelledTick)
                        .as(
                                "%s handed over at tick %s, cancelling news stored at tick %s",
                                m.key(), sentTick, cancelledTick)
                        .isTrue();
            }
            if (!firstCancellingNewsStored.containsKey(id)) {
                // Nothing stopped it: nothing lost either.
                assertThat(w.nurture.stepsOf(id).stream().filter(s -> s.kind().equals("cadence")))
                        .extracting(NurtureStep::status)
                        .containsExactly(
                                StepStatus.SENT, StepStatus.SENT, StepStatus.SENT, StepStatus.SENT, StepStatus.DONE);
            } else {
                assertThat(w.nurture.stepsOf(id).stream().filter(s -> s.kind().equals("cadence")))
                        .noneMatch(s -> s.status().open());
            }
        }
    }

    static boolean due(News n, Instant start, World w) {
        return !start.plus(Duration.ofMinutes(n.minute())).isAfter(w.clock.now());
    }

    static void deliver(World w, RecruitId id, News n, AtomicLong tick, Map<RecruitId, Long> firstCancelling) {
        ContactId contact = w.recruit(id).contactId().orElseThrow();
        Instant now = w.clock.now();
        GhlEvent event = switch (n.kind()) {
            case REPLY -> reply(contact, now, "Sure, tell me more");
            case OPT_OUT -> reply(contact, now, "STOP");
            case BOOKING ->
                new GhlEvent.AppointmentChanged(
                        World.eventId(),
                        InMemoryGhl.LOCATION,
                        now,
                        true,
                        new AppointmentId("appt_" + id.value().toString().substring(0, 8) + "_" + n.minute()),
                        InMemoryGhl.CALENDAR,
                        contact,
                        "iDecide Presentation",
                        now.plus(Duration.ofDays(2)),
                        now.plus(Duration.ofDays(2)).plus(Duration.ofMinutes(30)),
                        AppointmentStatus.NEW);
            case STAGE_MOVE -> moved(w, contact, now, InMemoryGhl.STAGE_INTERESTED);
            case SAME_STAGE -> moved(w, contact, now, InMemoryGhl.STAGE_CONTACTED);
        };
        w.deliver(event);
        long stored = tick.incrementAndGet();
        if (n.kind() != Kind.SAME_STAGE) {
            firstCancelling.putIfAbsent(id, stored);
        }
    }

    static GhlEvent reply(ContactId contact, Instant at, String body) {
        return new GhlEvent.MessageReceived(
                World.eventId(), InMemoryGhl.LOCATION, at, contact, Optional.empty(), Channel.SMS, body);
    }

    static GhlEvent moved(World w, ContactId contact, Instant at, io.recruitflow.domain.pipeline.StageId stage) {
        var opportunity = w.adapters.opportunityMirror().findByContact(contact).orElseThrow();
        return new GhlEvent.OpportunityChanged(
                World.eventId(),
                InMemoryGhl.LOCATION,
                at.plusMillis(1),
                GhlEvent.OpportunityChange.STAGE_CHANGED,
                opportunity.id(),
                contact,
                InMemoryGhl.PIPELINE,
                stage,
                OpportunityStatus.OPEN,
                BigDecimal.ZERO);
    }
}
