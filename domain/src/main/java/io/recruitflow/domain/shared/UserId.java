package io.recruitflow.domain.shared;

/** A GHL user id, e.g. the recruiter an opportunity is assigned to. */
public record UserId(String value) {
    public UserId {
        value = Ids.require(value, "UserId");
    }

    @Override
    public String toString() {
        return value;
    }
}
