package io.recruitflow.domain.pipeline;

/** A GHL pipeline id, e.g. {@code pipe_recruiting}. */
public record PipelineId(String value) {
    public PipelineId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("PipelineId is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
