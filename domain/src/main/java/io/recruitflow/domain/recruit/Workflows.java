package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;

/**
 * The CRM's automation workflows and the enrolment of contacts in them. Failures are {@link
 * io.recruitflow.domain.shared.ExternalFailure}s.
 */
public interface Workflows {
    List<Workflow> list(LocationId location);

    /** Enrolls the contact in the workflow. Idempotent: enrolling twice enrolls once. */
    void enroll(LocationId location, ContactId contact, WorkflowId workflow);
}
