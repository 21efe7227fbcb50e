package io.recruitflow.domain.appointment;

/** GHL's appointment status. */
public enum AppointmentStatus {
    NEW,
    CONFIRMED,
    CANCELLED,
    SHOWED,
    NOSHOW;

    /** Whether the appointment still holds its slot. */
    public boolean active() {
        return this == NEW || this == CONFIRMED;
    }
}
