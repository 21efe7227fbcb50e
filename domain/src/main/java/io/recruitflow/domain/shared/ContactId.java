package io.recruitflow.domain.shared;

/** The id GHL gives a contact; the recruit's identity in GHL. */
public record ContactId(String value) {
    public ContactId {
        value = Ids.require(value, "ContactId");
    }

    @Override
    public String toString() {
        return value;
    }
}
