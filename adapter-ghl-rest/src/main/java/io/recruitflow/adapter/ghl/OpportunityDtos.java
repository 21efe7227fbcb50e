package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.SearchMetaDto;
import java.util.List;

/** Moshi DTOs of openapi/opportunities.json, named as in the spec. Public only for Moshi (see {@link ContactDtos}). */
final class OpportunityDtos {
    private OpportunityDtos() {}

    /** create-opportunity. {@code status} is one of open, won, lost, abandoned. */
    public record CreateDto(
            String pipelineId,
            String locationId,
            String name,
            String pipelineStageId,
            String status,
            String contactId,
            Double monetaryValue,
            String assignedTo) {}

    /** update-opportunity: moves the stage, sets status and value. */
    public record UpdateOpportunityDto(
            String pipelineId,
            String name,
            String pipelineStageId,
            String status,
            Double monetaryValue,
            String assignedTo) {}

    public record UpdateStatusDto(String status, String lostReasonId) {}

    /** An opportunity as GHL answers it. Custom fields come back as {@code {id, fieldValue}} here. */
    public record SearchOpportunitiesResponseSchema(
            String id,
            String name,
            Double monetaryValue,
            String pipelineId,
            String pipelineStageId,
            String assignedTo,
            String status,
            String source,
            String lastStatusChangeAt,
            String lastStageChangeAt,
            String createdAt,
            String updatedAt,
            String contactId,
            String locationId,
            List<CustomFieldResponseSchema> customFields) {}

    public record CustomFieldResponseSchema(String id, Object fieldValue) {}

    public record GetPostOpportunitySuccessfulResponseDto(
            SearchOpportunitiesResponseSchema opportunity, String traceId) {}

    /** search-opportunity: a page and the startAfter/startAfterId cursor in {@code meta}. */
    public record SearchSuccessfulResponseDto(
            List<SearchOpportunitiesResponseSchema> opportunities, SearchMetaDto meta) {}

    /** {@code succeded} (sic) is the wire name. */
    public record DeleteUpdateOpportunitySuccessfulResponseDto(Boolean succeded) {}

    public record GetPipelinesSuccessfulResponseDto(List<PipelinesResponseSchema> pipelines) {}

    /** The spec types {@code stages} as an array of arrays; GHL really sends objects. */
    public record PipelinesResponseSchema(
            String id, String name, List<PipelineStageSchema> stages, String locationId) {}

    public record PipelineStageSchema(String id, String name, Integer position) {}
}
