package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.CreateWorkflowDto;
import io.recruitflow.adapter.ghl.Owners.Record;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Objects;

/** {@link Workflows}: {@code GET /workflows/} and enrolment through {@code /contacts/{id}/workflow/{id}}. */
final class GhlWorkflows implements Workflows {
    private final GhlCalls calls;
    private final Owners owners;
    private final WorkflowsApi workflows;
    private final ContactsApi contacts;

    GhlWorkflows(GhlCalls calls, Owners owners, WorkflowsApi workflows, ContactsApi contacts) {
        this.calls = calls;
        this.owners = owners;
        this.workflows = workflows;
        this.contacts = contacts;
    }

    @Override
    public List<Workflow> list(LocationId location) {
        var dto = calls.call(
                GhlCall.idempotent("GET /workflows/", owners.of(location)),
                auth -> workflows.getWorkflows(auth, location.value()));
        return dto == null || dto.workflows() == null
                ? List.of()
                : dto.workflows().stream()
                        .filter(w -> w != null && w.id() != null && !w.id().isBlank())
                        .map(w -> new Workflow(
                                new WorkflowId(w.id()), w.name(), "published".equalsIgnoreCase(w.status())))
                        .toList();
    }

    @Override
    public void enroll(ContactId contact, WorkflowId workflow) {
        // GHL enrols a contact in a workflow at most once: repeating is safe.
        calls.call(
                GhlCall.idempotent(
                        "POST /contacts/{id}/workflow/{workflowId}", owners.of(Record.CONTACT, contact.value())),
                auth -> contacts.addToWorkflow(
                        auth, contact.value(), Objects.requireNonNull(workflow).value(), new CreateWorkflowDto(null)));
    }

    @Override
    public void unenroll(ContactId contact, WorkflowId workflow) {
        calls.call(
                GhlCall.idempotent(
                        "DELETE /contacts/{id}/workflow/{workflowId}", owners.of(Record.CONTACT, contact.value())),
                auth -> contacts.removeFromWorkflow(
                        auth, contact.value(), Objects.requireNonNull(workflow).value(), new CreateWorkflowDto(null)));
    }
}
