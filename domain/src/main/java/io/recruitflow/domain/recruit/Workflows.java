package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Optional;

/** GHL workflows and the enrolment of contacts in them. Enrolment is idempotent in GHL. */
public interface Workflows {
    List<Workflow> list(LocationId location);

    /** The workflow with this name (case-insensitive), if the location has one. */
    default Optional<Workflow> findByName(LocationId location, String name) {
        return list(location).stream()
                .filter(w -> w.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    void enroll(ContactId contact, WorkflowId workflow);

    void unenroll(ContactId contact, WorkflowId workflow);
}
