package io.recruitflow.bootstrap.demo;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provides;
import io.recruitflow.adapter.ghl.webhook.WebhookDecodingModule;
import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryModule;
import io.recruitflow.adapter.leadfile.LeadFileModule;
import io.recruitflow.application.applyghlevent.ApplyGhlEventCommand;
import io.recruitflow.application.applyghlevent.ApplyGhlEventUseCase;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.jobs.DailyReserve;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.schedulepresentation.BookingResult;
import io.recruitflow.application.schedulepresentation.SchedulePresentationCommand;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.Recruit;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo on the in-memory adapters: nothing to install, nothing persisted. It starts on a Thursday at
 * 20:30 in New York, so texts to Florida and Maryland (quiet from 20:00 there) wait for the morning while
 * the rest of the country is texted at once.
 */
public final class InMemoryDemo {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant START =
            LocalDateTime.parse("2026-02-12T20:30").atZone(NEW_YORK).toInstant();
    static final Instant NEXT_MORNING =
            LocalDateTime.parse("2026-02-13T09:00").atZone(NEW_YORK).toInstant();

    private InMemoryDemo() {}

    public static int run(Path leads, PrintStream out) throws IOException {
        DemoClock clock = new DemoClock(START);
        InMemoryAdapters adapters = new InMemoryAdapters(clock);
        Injector injector = Injectors.create(
                new InMemoryModule(adapters),
                new LeadFileModule(),
                new WebhookDecodingModule(),
                new ApplicationModule(
                        RecruitingSettings.defaults(),
                        ReplySettings.defaults(),
                        DailyReserve.DEFAULT,
                        NurtureSettings.playbook()),
                new Demo.DemoModule(out),
                new InMemoryWorld(adapters, clock));
        return injector.getInstance(Demo.class).run(leads, InMemoryGhl.LOCATION, NEXT_MORNING);
    }

    /** The in-memory world: the caller-driven job queue runs the application's jobs, events go straight in. */
    private static final class InMemoryWorld extends AbstractModule {
        private final InMemoryAdapters adapters;
        private final DemoClock clock;

        InMemoryWorld(InMemoryAdapters adapters, DemoClock clock) {
            this.adapters = adapters;
            this.clock = clock;
        }

        @Provides
        @Singleton
        DemoDriver driver(JobHandler jobs, ApplyGhlEventUseCase apply, SchedulePresentationUseCase presentations) {
            adapters.jobQueue().bind(jobs);
            return new InMemoryDriver(adapters, clock, apply, presentations);
        }
    }

    /** GHL's reports handed to the application as the webhook dispatcher would hand them. */
    private static final class InMemoryDriver implements DemoDriver {
        private final InMemoryAdapters adapters;
        private final DemoClock clock;
        private final ApplyGhlEventUseCase apply;
        private final SchedulePresentationUseCase presentations;
        /** The scripted actions, by time (then in the order scripted). */
        private final java.util.TreeMap<Instant, List<Runnable>> scripted = new java.util.TreeMap<>();

        InMemoryDriver(
                InMemoryAdapters adapters,
                DemoClock clock,
                ApplyGhlEventUseCase apply,
                SchedulePresentationUseCase presentations) {
            this.adapters = adapters;
            this.clock = clock;
            this.apply = apply;
            this.presentations = presentations;
        }

        @Override
        public void runDueWork() {
            adapters.jobQueue().drain(clock);
        }

        @Override
        public void advanceTo(Instant instant) {
            clock.advanceTo(instant);
            while (!scripted.isEmpty() && !scripted.firstKey().isAfter(clock.now())) {
                scripted.pollFirstEntry().getValue().forEach(Runnable::run);
            }
        }

        @Override
        public void replyAt(Instant at, Recruit recruit, String body) {
            script(at, () -> recruitReplies(recruit, body));
        }

        @Override
        public void bookAt(Instant at, Recruit recruit, Instant start) {
            script(at, () -> {
                BookingResult result =
                        presentations.schedule(new SchedulePresentationCommand(recruit.id(), Optional.of(start)));
                if (result instanceof BookingResult.Booked b) {
                    deliver(appointment(b.appointment(), b.appointment().status(), true));
                }
            });
        }

        @Override
        public void markAt(Instant at, Recruit recruit, AppointmentStatus status) {
            script(
                    at,
                    () -> adapters.appointments().forContact(recruit.contactId().orElseThrow()).stream()
                            .filter(a -> a.status().active())
                            .max(java.util.Comparator.comparing(Appointment::start))
                            .ifPresent(a -> appointmentMarked(a, status)));
        }

        @Override
        public Optional<Instant> nextScripted() {
            return scripted.isEmpty() ? Optional.empty() : Optional.of(scripted.firstKey());
        }

        private void script(Instant at, Runnable action) {
            scripted.computeIfAbsent(at, t -> new java.util.ArrayList<>()).add(action);
        }

        @Override
        public void introsReported(List<MessageRecord> intros) {
            intros.forEach(m -> deliver(new GhlEvent.MessageSent(
                    eventId(), m.location(), clock.now(), m.contact(), m.conversationId(), m.channel(), m.body())));
        }

        @Override
        public void recruitReplies(Recruit recruit, String body) {
            deliver(new GhlEvent.MessageReceived(
                    eventId(),
                    recruit.location(),
                    clock.now(),
                    recruit.contactId().orElseThrow(),
                    Optional.empty(),
                    Channel.SMS,
                    body));
        }

        @Override
        public void bookingReported(Appointment a) {
            deliver(appointment(a, a.status(), true));
        }

        @Override
        public void appointmentMarked(Appointment a, AppointmentStatus status) {
            deliver(appointment(a, status, false));
        }

        private GhlEvent appointment(Appointment a, AppointmentStatus status, boolean created) {
            return new GhlEvent.AppointmentChanged(
                    eventId(),
                    a.location(),
                    clock.now(),
                    created,
                    a.id(),
                    a.calendar(),
                    a.contact(),
                    a.title(),
                    a.start(),
                    a.end(),
                    status);
        }

        private void deliver(GhlEvent event) {
            apply.apply(new ApplyGhlEventCommand(event));
        }

        private static String eventId() {
            return UUID.randomUUID().toString();
        }
    }
}
