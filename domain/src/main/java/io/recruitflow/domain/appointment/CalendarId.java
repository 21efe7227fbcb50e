package io.recruitflow.domain.appointment;

/** A GHL calendar id. */
public record CalendarId(String value) {
    public CalendarId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("CalendarId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
