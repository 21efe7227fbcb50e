package io.recruitflow.application.schedulepresentation;

import io.recruitflow.application.advancerecruit.AdvanceRecruitCommand;
import io.recruitflow.application.advancerecruit.AdvanceRecruitUseCase;
import io.recruitflow.application.outreach.RecipientProfile;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.appointment.Appointment;
import io.recruitflow.domain.appointment.AppointmentDraft;
import io.recruitflow.domain.appointment.AppointmentStatus;
import io.recruitflow.domain.appointment.Appointments;
import io.recruitflow.domain.appointment.Calendar;
import io.recruitflow.domain.appointment.Calendars;
import io.recruitflow.domain.appointment.Slot;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.pipeline.StageChange;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.Clock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Free slots → book → move the stage. */
@Singleton
public class SchedulePresentationService implements SchedulePresentationUseCase {
    /** How far ahead to look for a slot: two weeks, within GHL's 31-day limit per call. */
    static final Duration SEARCH_WINDOW = Duration.ofDays(14);

    private final Recruits recruits;
    private final Calendars calendars;
    private final Appointments appointments;
    private final LocationSetup setup;
    private final AdvanceRecruitUseCase advance;
    private final RecipientProfile recipients;
    private final RecruitingSettings settings;
    private final Clock clock;

    @Inject
    public SchedulePresentationService(
            Recruits recruits,
            Calendars calendars,
            Appointments appointments,
            LocationSetup setup,
            AdvanceRecruitUseCase advance,
            RecipientProfile recipients,
            RecruitingSettings settings,
            Clock clock) {
        this.recruits = recruits;
        this.calendars = calendars;
        this.appointments = appointments;
        this.setup = setup;
        this.advance = advance;
        this.recipients = recipients;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public BookingResult schedule(SchedulePresentationCommand command) {
        Optional<Recruit> found = recruits.find(command.recruit());
        if (found.isEmpty()) {
            return new BookingResult.NotFound("no recruit " + command.recruit());
        }
        Recruit recruit = found.get();
        if (recruit.contactId().isEmpty()) {
            return new BookingResult.NotFound("recruit " + recruit.id() + " is not in GHL yet");
        }
        Calendar calendar = setup.presentationCalendar(recruit.location());
        ZoneId zone = calendar.timeZone().orElseGet(() -> recipients.displayZoneOf(recruit));
        Instant now = clock.now();
        List<Slot> free = calendars.freeSlots(recruit.location(), calendar.id(), now, now.plus(SEARCH_WINDOW), zone);
        Optional<Slot> slot = command.start().isPresent()
                ? free.stream()
                        .filter(s -> s.start().equals(command.start().get()))
                        .findFirst()
                : free.stream().filter(s -> s.start().isAfter(now)).findFirst();
        if (slot.isEmpty()) {
            return new BookingResult.NoFreeSlot(command.start()
                    .map(s -> s + " is not a free slot")
                    .orElse("no free slot in the next " + SEARCH_WINDOW.toDays() + " days"));
        }
        String title = settings.presentationTitle()
                .render(recruit.name().first(), recruit.name().last());
        Appointment booked = calendars.book(new AppointmentDraft(
                calendar.id(),
                recruit.location(),
                recruit.contactId().get(),
                slot.get(),
                title,
                AppointmentStatus.CONFIRMED));
        appointments.save(booked);
        advance.advance(new AdvanceRecruitCommand(
                recruit.id(), RecruitingStage.PRESENTATION_SCHEDULED, StageChange.Cause.BOOKING));
        return new BookingResult.Booked(booked);
    }
}
