package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.pipeline.GhlOpportunity;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.LocationId;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL opportunities in memory. Like GHL, it refuses an unknown contact, pipeline or stage, and a second
 * opportunity for the same contact in the same pipeline.
 */
public final class InMemoryOpportunities implements Opportunities {
    private final Clock clock;
    private final InMemoryContacts contacts;
    private final InMemoryPipelines pipelines;
    private final GhlFaults faults;
    private final Map<OpportunityId, GhlOpportunity> opportunities = new LinkedHashMap<>();
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

    private static GhlException badRequest(String message) {
        return new GhlException(GhlException.Kind.BAD_REQUEST, 400, message, null);
    }

    private void requireStage(LocationId location, PipelineId pipelineId, StageId stage) {
        Pipeline pipeline = pipelines
                .find(location, pipelineId)
                .orElseThrow(() -> badRequest("Pipeline " + pipelineId + " not found"));
        if (pipeline.stages().stream().noneMatch(s -> s.id().equals(stage))) {
            throw badRequest("Stage " + stage + " is not in pipeline " + pipelineId);
        }
    }

    @Override
    public synchronized GhlOpportunity create(OpportunityDraft draft) {
        RuntimeException pending = faults.before(Operation.OPPORTUNITY_CREATE);
        if (contacts.find(draft.contact()).isEmpty()) {
            throw badRequest("Contact not found");
        }
        requireStage(draft.location(), draft.pipeline(), draft.stage());
        if (findForContact(draft.location(), draft.pipeline(), draft.contact()).isPresent()) {
            throw badRequest("Can not create duplicate opportunity for the contact.");
        }
        OpportunityId id = new OpportunityId(String.format("opp_%06d", ++sequence));
        GhlOpportunity created = new GhlOpportunity(
                id,
                draft.location(),
                draft.contact(),
                draft.name(),
                draft.pipeline(),
                draft.stage(),
                draft.status(),
                draft.monetaryValue(),
                draft.assignedTo(),
                Optional.of(clock.now()));
        opportunities.put(id, created);
        return GhlFaults.after(pending, created);
    }

    @Override
    public synchronized Optional<GhlOpportunity> find(OpportunityId id) {
        return Optional.ofNullable(opportunities.get(id));
    }

    @Override
    public synchronized Optional<GhlOpportunity> findForContact(
            LocationId location, PipelineId pipeline, ContactId contact) {
        return opportunities.values().stream()
                .filter(o -> o.location().equals(location)
                        && o.pipeline().equals(pipeline)
                        && o.contact().equals(contact))
                .findFirst();
    }

    @Override
    public synchronized Stream<GhlOpportunity> search(LocationId location, PipelineId pipeline) {
        return opportunities.values().stream()
                .filter(o -> o.location().equals(location) && o.pipeline().equals(pipeline))
                .toList()
                .stream();
    }

    private GhlOpportunity require(OpportunityId id) {
        GhlOpportunity o = opportunities.get(id);
        if (o == null) {
            throw InMemoryContacts.notFound("Opportunity");
        }
        return o;
    }

    @Override
    public synchronized GhlOpportunity move(
            OpportunityId id, StageId stage, OpportunityStatus status, Optional<BigDecimal> monetaryValue) {
        RuntimeException pending = faults.before(Operation.OPPORTUNITY_MOVE);
        GhlOpportunity o = require(id);
        requireStage(o.location(), o.pipeline(), stage);
        GhlOpportunity moved = new GhlOpportunity(
                id,
                o.location(),
                o.contact(),
                o.name(),
                o.pipeline(),
                stage,
                status,
                monetaryValue.orElse(o.monetaryValue()),
                o.assignedTo(),
                Optional.of(clock.now()));
        opportunities.put(id, moved);
        return GhlFaults.after(pending, moved);
    }

    @Override
    public synchronized void updateStatus(OpportunityId id, OpportunityStatus status) {
        GhlOpportunity o = require(id);
        opportunities.put(
                id,
                new GhlOpportunity(
                        id,
                        o.location(),
                        o.contact(),
                        o.name(),
                        o.pipeline(),
                        o.stage(),
                        status,
                        o.monetaryValue(),
                        o.assignedTo(),
                        Optional.of(clock.now())));
    }

    @Override
    public synchronized void delete(OpportunityId id) {
        require(id);
        opportunities.remove(id);
    }

    /** Every opportunity, in creation order. */
    public synchronized List<GhlOpportunity> all() {
        return List.copyOf(opportunities.values());
    }
}
