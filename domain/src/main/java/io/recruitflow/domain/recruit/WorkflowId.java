package io.recruitflow.domain.recruit;

/** A GHL workflow id, e.g. {@code wf_speed_to_lead}. */
public record WorkflowId(String value) {
    public WorkflowId {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("workflow id is blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
