package io.recruitflow.domain.appointment;

/** A GHL appointment (calendar event) id. */
public record AppointmentId(String value) {
    public AppointmentId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("AppointmentId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
