package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.recruit.Workflows;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GHL workflows in memory, with the enrolments made. Enrolling twice is a no-op, as in GHL. */
public final class InMemoryWorkflows implements Workflows {

    /** A contact enrolled in a workflow, and when. */
    public record Enrollment(ContactId contact, WorkflowId workflow, Instant at) {}

    private record Owned(LocationId location, Workflow workflow) {}

    private final Clock clock;
    private final GhlFaults faults;
    private final Map<WorkflowId, Owned> workflows = new LinkedHashMap<>();
    private final List<Enrollment> enrollments = new ArrayList<>();

    public InMemoryWorkflows(Clock clock) {
        this(clock, new GhlFaults());
    }

    InMemoryWorkflows(Clock clock, GhlFaults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    /** Adds (or replaces) a workflow of the location. */
    public synchronized void put(LocationId location, Workflow workflow) {
        workflows.put(workflow.id(), new Owned(location, workflow));
    }

    @Override
    public synchronized List<Workflow> list(LocationId location) {
        return workflows.values().stream()
                .filter(o -> o.location().equals(location))
                .map(Owned::workflow)
                .toList();
    }

    @Override
    public synchronized void enroll(LocationId location, ContactId contact, WorkflowId workflow) {
        RuntimeException pending = faults.before(Operation.WORKFLOW_ENROLL);
        if (!workflows.containsKey(workflow)) {
            throw InMemoryContacts.notFound("Workflow");
        }
        if (enrollments.stream()
                .noneMatch(e -> e.contact().equals(contact) && e.workflow().equals(workflow))) {
            enrollments.add(new Enrollment(contact, workflow, clock.now()));
        }
        GhlFaults.after(pending, null);
    }

    /** Current enrolments, in enrolment order. */
    public synchronized List<Enrollment> enrollments() {
        return List.copyOf(enrollments);
    }

    /** The workflows the contact is enrolled in. */
    public synchronized List<WorkflowId> enrolled(ContactId contact) {
        return enrollments.stream()
                .filter(e -> e.contact().equals(contact))
                .map(Enrollment::workflow)
                .toList();
    }
}
