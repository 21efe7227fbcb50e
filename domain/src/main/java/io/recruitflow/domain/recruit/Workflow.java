package io.recruitflow.domain.recruit;

import java.util.Objects;

/** A GHL workflow (automation) a recruit can be enrolled in, e.g. "Speed to Lead". */
public record Workflow(WorkflowId id, String name, boolean published) {
    public Workflow {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
