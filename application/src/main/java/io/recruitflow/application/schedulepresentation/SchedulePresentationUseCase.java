package io.recruitflow.application.schedulepresentation;

/** Books a recruit's presentation from the calendar's free slots and moves them to Presentation Scheduled. */
public interface SchedulePresentationUseCase {
    BookingResult schedule(SchedulePresentationCommand command);
}
