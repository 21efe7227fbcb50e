package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.OpportunityDtos.CreateDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.PipelinesResponseSchema;
import io.recruitflow.adapter.ghl.OpportunityDtos.SearchOpportunitiesResponseSchema;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Opportunities and pipelines: domain to GHL DTOs and back. */
final class OpportunityMapper {
    private OpportunityMapper() {}

    static CreateDto create(OpportunityDraft d) {
        return new CreateDto(
                d.pipeline().value(),
                d.location().value(),
                d.name(),
                d.stage().value(),
                Wire.lower(d.status()),
                d.contact().value(),
                d.monetaryValue().doubleValue(),
                d.assignedTo().map(UserId::value).orElse(null));
    }

    static GhlOpportunity opportunity(SearchOpportunitiesResponseSchema o, LocationId fallbackLocation) {
        if (o == null || o.id() == null || o.pipelineId() == null || o.pipelineStageId() == null) {
            throw new IllegalArgumentException("GHL answered an opportunity without id, pipeline or stage");
        }
        LocationId location =
                o.locationId() != null && !o.locationId().isBlank() ? new LocationId(o.locationId()) : fallbackLocation;
        return new GhlOpportunity(
                new OpportunityId(o.id()),
                location,
                o.contactId() == null || o.contactId().isBlank() ? null : new ContactId(o.contactId()),
                o.name(),
                new PipelineId(o.pipelineId()),
                new StageId(o.pipelineStageId()),
                status(o.status()),
                o.monetaryValue() == null ? BigDecimal.ZERO : BigDecimal.valueOf(o.monetaryValue()),
                Optional.ofNullable(o.assignedTo()).filter(s -> !s.isBlank()).map(UserId::new),
                Wire.instant(o.updatedAt()).or(() -> Wire.instant(o.lastStageChangeAt())));
    }

    /** GHL's lower-case status; anything unknown (GHL has added values before) reads as open. */
    static OpportunityStatus status(String raw) {
        if (raw == null) {
            return OpportunityStatus.OPEN;
        }
        try {
            return OpportunityStatus.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OpportunityStatus.OPEN;
        }
    }

    static Pipeline pipeline(PipelinesResponseSchema p) {
        List<Pipeline.Stage> stages = p.stages() == null
                ? List.of()
                : p.stages().stream()
                        .filter(s -> s != null && s.id() != null && !s.id().isBlank())
                        .map(s -> new Pipeline.Stage(
                                new StageId(s.id()), s.name(), s.position() == null ? 0 : s.position()))
                        .toList();
        return new Pipeline(new PipelineId(p.id()), p.name(), stages);
    }
}
