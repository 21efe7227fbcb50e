package io.recruitflow.domain.pipeline;

/** A GHL opportunity id. */
public record OpportunityId(String value) {
    public OpportunityId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("OpportunityId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
