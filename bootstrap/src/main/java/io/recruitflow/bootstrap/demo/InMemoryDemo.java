package io.recruitflow.bootstrap.demo;

import com.google.inject.Injector;
import io.recruitflow.adapter.inmemory.InMemoryAdapters;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryModule;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.applyghlevent.ApplyGhlEventCommand;
import io.recruitflow.application.applyghlevent.ApplyGhlEventUseCase;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.importleads.ImportLeadsUseCase;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.port.JobHandler;
import io.recruitflow.application.recruitingfunnel.RecruitingFunnelUseCase;
import io.recruitflow.application.schedulepresentation.SchedulePresentationUseCase;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.application.viewrecruit.ViewRecruitUseCase;
import io.recruitflow.bootstrap.wiring.ApplicationModule;
import io.recruitflow.bootstrap.wiring.Injectors;
import io.recruitflow.bootstrap.wiring.LeadFileModule;
import io.recruitflow.bootstrap.wiring.WebhookDecodingModule;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.recruit.Recruit;
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
                new ApplicationModule(RecruitingSettings.defaults()));
        adapters.jobQueue().bind(injector.getInstance(JobHandler.class));
        ApplyGhlEventUseCase apply = injector.getInstance(ApplyGhlEventUseCase.class);

        DemoDriver driver = new DemoDriver() {
            @Override
            public void runDueWork() {
                adapters.jobQueue().drain(clock);
            }

            @Override
            public void advanceTo(Instant instant) {
                clock.advanceTo(instant);
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

            private String eventId() {
                return UUID.randomUUID().toString();
            }
        };
        Demo demo = new Demo(
                injector.getInstance(ImportLeadsUseCase.class),
                injector.getInstance(ViewRecruitUseCase.class),
                injector.getInstance(SchedulePresentationUseCase.class),
                injector.getInstance(AdvanceRecruitUseCase.class),
                injector.getInstance(RecruitingFunnelUseCase.class),
                injector.getInstance(RecipientProfile.class),
                driver,
                clock,
                out);
        return demo.run(leads, InMemoryGhl.LOCATION, NEXT_MORNING);
    }
}
