package io.recruitflow.domain.shared;

/** A GHL sub-account (location) id, e.g. {@code loc_abc123}. Every recruit belongs to one. */
public record LocationId(String value) {
    public LocationId {
        value = Ids.require(value, "LocationId");
    }

    @Override
    public String toString() {
        return value;
    }
}
