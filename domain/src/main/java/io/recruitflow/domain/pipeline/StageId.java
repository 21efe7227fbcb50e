package io.recruitflow.domain.pipeline;

/** A GHL pipeline stage id, e.g. {@code stage_lead}. */
public record StageId(String value) {
    public StageId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("StageId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
