package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.CreateWorkflowDto;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * GHL's workflows, the core's {@link Workflows}: {@code GET /workflows/} and enrolment through {@code
 * /contacts/{id}/workflow/{id}}; removing a contact from a workflow is here for embedders. Every call names the
 * location whose token it uses.
 */
public final class GhlWorkflows implements Workflows {
    private final GhlCalls calls;
    private final WorkflowsApi workflows;
    private final ContactsApi contacts;

    GhlWorkflows(GhlCalls calls, WorkflowsApi workflows, ContactsApi contacts) {
        this.calls = calls;
        this.workflows = workflows;
        this.contacts = contacts;
    }

    @Override
    public List<Workflow> list(LocationId location) {
        var dto = calls.call(
                GhlCall.idempotent("GET /workflows/", calls.as(location)),
                auth -> workflows.getWorkflows(auth, location.value()));
        return dto == null || dto.workflows() == null
                ? List.of()
                : dto.workflows().stream()
                        .filter(w -> w != null && w.id() != null && !w.id().isBlank())
                        .map(w -> new Workflow(
                                new WorkflowId(w.id()), w.name(), "published".equalsIgnoreCase(w.status())))
                        .toList();
    }

    /** The location's workflow with this name (case-insensitive), if it has one. */
    public Optional<Workflow> findByName(LocationId location, String name) {
        return list(location).stream()
                .filter(w -> w.name().equalsIgnoreCase(name.strip()))
                .findFirst();
    }

    /** {@code POST /contacts/{id}/workflow/{workflowId}}. */
    @Override
    public void enroll(LocationId location, ContactId contact, WorkflowId workflow) {
        // GHL enrols a contact in a workflow at most once: repeating is safe.
        calls.call(
                GhlCall.idempotent("POST /contacts/{id}/workflow/{workflowId}", calls.as(location)),
                auth -> contacts.addToWorkflow(
                        auth, contact.value(), Objects.requireNonNull(workflow).value(), new CreateWorkflowDto(null)));
    }

    /** {@code DELETE /contacts/{id}/workflow/{workflowId}}. */
    public void unenroll(LocationId location, ContactId contact, WorkflowId workflow) {
        calls.call(
                GhlCall.idempotent("DELETE /contacts/{id}/workflow/{workflowId}", calls.as(location)),
                auth -> contacts.removeFromWorkflow(
                        auth, contact.value(), Objects.requireNonNull(workflow).value(), new CreateWorkflowDto(null)));
    }
}
