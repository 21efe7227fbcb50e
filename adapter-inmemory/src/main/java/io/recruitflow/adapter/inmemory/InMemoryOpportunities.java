package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Opportunities.Placed;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityRef;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GHL opportunities in memory. Like GHL, it refuses an unknown contact, pipeline or stage, and a second
 * opportunity for the same contact in the same pipeline.
 */
public final class InMemoryOpportunities implements Opportunities {
    private final Clock clock;
    private final InMemoryContacts contacts;
    private final InMemoryPipelines pipelines;
    private final GhlFaults faults;
    private final Map<OpportunityId, Stored> opportunities = new LinkedHashMap<>();
    private long sequence;

    public InMemoryOpportunities(Clock clock, InMemoryContacts contacts, InMemoryPipelines pipelines) {
        this(clock, contacts, pipelines, new GhlFaults());
    }

    InMemoryOpportunities(Clock clock, InMemoryContacts contacts, InMemoryPipelines pipelines, GhlFaults faults) {
        this.clock = clock;
        this.contacts = contacts;
        this.pipelines = pipelines;
        this.faults = faults;
    }

    private static ExternalFailure badRequest(String message) {
        return new ExternalFailure.Rejected(message);
    }

    private void requireStage(LocationId location, PipelineId pipelineId, StageId stage) {
        Pipeline pipeline = pipelines
                .find(location, pipelineId)
                .orElseThrow(() -> badRequest("Pipeline " + pipelineId + " not found"));
        if (pipeline.stages().stream().noneMatch(s -> s.id().equals(stage))) {
            throw badRequest("Stage " + stage + " is not in pipeline " + pipelineId);
        }
    }

    /** An opportunity as the in-memory GHL holds it, with GHL's raw stage id. */
    public record Stored(
            OpportunityId id,
            LocationId location,
            ContactId contact,
            String name,
            PipelineId pipeline,
            StageId stage,
            OpportunityStatus status,
            BigDecimal monetaryValue,
            Optional<UserId> assignedTo,
            Instant updatedAt) {
        public Stored {
            Objects.requireNonNull(id, "id");
        }

        OpportunityRef ref() {
            return new OpportunityRef(id, Optional.of(updatedAt), Optional.of(stage), Optional.of(status));
        }
    }

    /** The contact's opportunity if it has one in the pipeline (no scripted fault applies), else a new one. */
    @Override
    public synchronized Placed place(OpportunityDraft draft) {
        Optional<OpportunityRef> existing = findForContact(draft.location(), draft.pipeline(), draft.contact());
        return existing.map(found -> new Placed(found, true)).orElseGet(() -> new Placed(create(draft), false));
    }

    /** Creates the opportunity; refuses a duplicate for the contact and pipeline, as GHL does. */
    public synchronized OpportunityRef create(OpportunityDraft draft) {
        RuntimeException pending = faults.before(Operation.OPPORTUNITY_CREATE);
        if (contacts.find(draft.contact()).isEmpty()) {
            throw badRequest("Contact not found");
        }
        requireStage(draft.location(), draft.pipeline(), draft.stage());
        if (findForContact(draft.location(), draft.pipeline(), draft.contact()).isPresent()) {
            throw badRequest("Can not create duplicate opportunity for the contact.");
        }
        OpportunityId id = new OpportunityId(String.format("opp_%06d", ++sequence));
        Stored created = new Stored(
                id,
                draft.location(),
                draft.contact(),
                draft.name(),
                draft.pipeline(),
                draft.stage(),
                draft.status(),
                draft.monetaryValue(),
                draft.assignedTo(),
                clock.now());
        opportunities.put(id, created);
        return GhlFaults.after(pending, created.ref());
    }

    @Override
    public synchronized Optional<OpportunityRef> findForContact(
            LocationId location, PipelineId pipeline, ContactId contact) {
        return opportunities.values().stream()
                .filter(o -> o.location().equals(location)
                        && o.pipeline().equals(pipeline)
                        && o.contact().equals(contact))
                .findFirst()
                .map(Stored::ref);
    }

    @Override
    public synchronized Optional<Instant> move(
            LocationId location,
            OpportunityId id,
            StageId stage,
            OpportunityStatus status,
            Optional<BigDecimal> monetaryValue) {
        RuntimeException pending = faults.before(Operation.OPPORTUNITY_MOVE);
        Stored o = opportunities.get(id);
        if (o == null || !o.location().equals(location)) {
            throw InMemoryContacts.notFound("Opportunity");
        }
        requireStage(o.location(), o.pipeline(), stage);
        Stored moved = new Stored(
                id,
                o.location(),
                o.contact(),
                o.name(),
                o.pipeline(),
                stage,
                status,
                monetaryValue.orElse(o.monetaryValue()),
                o.assignedTo(),
                clock.now());
        opportunities.put(id, moved);
        return GhlFaults.after(pending, Optional.of(moved.updatedAt()));
    }

    @Override
    public synchronized void assign(LocationId location, OpportunityId id, UserId user) {
        Stored o = opportunities.get(id);
        if (o == null || !o.location().equals(location)) {
            throw InMemoryContacts.notFound("Opportunity");
        }
        opportunities.put(
                id,
                new Stored(
                        id,
                        o.location(),
                        o.contact(),
                        o.name(),
                        o.pipeline(),
                        o.stage(),
                        o.status(),
                        o.monetaryValue(),
                        Optional.of(user),
                        clock.now()));
    }

    /** A user deletes the opportunity in GHL. */
    public synchronized void delete(OpportunityId id) {
        opportunities.remove(id);
    }

    /** Every opportunity, in creation order. */
    public synchronized List<Stored> all() {
        return List.copyOf(opportunities.values());
    }
}
