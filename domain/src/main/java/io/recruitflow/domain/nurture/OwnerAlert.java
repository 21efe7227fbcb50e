package io.recruitflow.domain.nurture;

import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the owner of a location should look at: a recruit replied, a recruit is stalled. Listed on the
 * dashboard. {@code text} names no personal data (no reply text, no phone): the recruit is linked by id.
 *
 * @param id the idempotency key (e.g. the event that caused it): one alert per id
 * @param kind {@code replied}, {@code stalled}, ...
 */
public record OwnerAlert(String id, RecruitId recruit, LocationId location, String kind, String text, Instant at) {
    public OwnerAlert {
        if (id == null || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("an alert id must be 1..200 characters");
        }
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(location, "location");
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an alert needs a kind");
        }
        text = text == null ? "" : text.strip();
        Objects.requireNonNull(at, "at");
    }
}
