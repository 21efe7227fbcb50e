package io.recruitflow.domain.appointment;

import io.recruitflow.domain.shared.LocationId;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** A GHL calendar presentations are booked on. */
public record Calendar(CalendarId id, LocationId location, String name, Optional<ZoneId> timeZone) {
    public Calendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        name = name == null ? "" : name;
    }
}
