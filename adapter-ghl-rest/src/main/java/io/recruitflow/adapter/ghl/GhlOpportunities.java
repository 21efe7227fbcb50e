package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.OpportunityDtos.GetPostOpportunitySuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.SearchSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.UpdateOpportunityDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.UpdateStatusDto;
import io.recruitflow.adapter.ghl.Owners.Record;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.GhlOutcomeUnknownException;
import io.recruitflow.domain.shared.LocationId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** {@link Opportunities} on GHL: search pages with the startAfter/startAfterId cursor of {@code meta}. */
final class GhlOpportunities implements Opportunities {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final Owners owners;
    private final OpportunitiesApi api;

    GhlOpportunities(GhlCalls calls, Owners owners, OpportunitiesApi api) {
        this.calls = calls;
        this.owners = owners;
        this.api = api;
    }

    @Override
    public GhlOpportunity create(OpportunityDraft draft) {
        GetPostOpportunitySuccessfulResponseDto dto = calls.call(
                GhlCall.create("POST /opportunities/", owners.of(draft.location())),
                auth -> api.createOpportunity(auth, OpportunityMapper.create(draft)));
        if (dto == null || dto.opportunity() == null || dto.opportunity().id() == null) {
            throw new GhlOutcomeUnknownException(
                    200, "POST /opportunities/: the answer names no opportunity", null, null);
        }
        return seen(dto.opportunity(), draft.location());
    }

    @Override
    public Optional<GhlOpportunity> find(OpportunityId id) {
        try {
            var dto = calls.call(
                    GhlCall.idempotent("GET /opportunities/{id}", owners.of(Record.OPPORTUNITY, id.value())),
                    auth -> api.getOpportunity(auth, id.value()));
            return dto == null || dto.opportunity() == null
                    ? Optional.empty()
                    : Optional.of(seen(dto.opportunity(), owners.locationOf(Record.OPPORTUNITY, id.value())));
        } catch (GhlException e) {
            if (e.kind() == GhlException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<GhlOpportunity> findForContact(LocationId location, PipelineId pipeline, ContactId contact) {
        return search(location, pipeline, contact)
                .filter(o -> contact.equals(o.contact()))
                .findFirst();
    }

    @Override
    public Stream<GhlOpportunity> search(LocationId location, PipelineId pipeline) {
        return search(location, pipeline, null);
    }

    private Stream<GhlOpportunity> search(LocationId location, PipelineId pipeline, ContactId contact) {
        record Cursor(String startAfterId, String startAfter) {}
        return Pager.<Cursor, GhlOpportunity>stream(cursor -> {
            SearchSuccessfulResponseDto dto = calls.call(
                    GhlCall.idempotent("GET /opportunities/search", owners.of(location)),
                    auth -> api.searchOpportunities(
                            auth,
                            location.value(),
                            pipeline.value(),
                            contact == null ? null : contact.value(),
                            PAGE,
                            cursor.map(Cursor::startAfterId).orElse(null),
                            cursor.map(Cursor::startAfter).orElse(null)));
            List<GhlOpportunity> items = dto == null || dto.opportunities() == null
                    ? List.of()
                    : dto.opportunities().stream()
                            .filter(Objects::nonNull)
                            .map(o -> seen(o, location))
                            .toList();
            var meta = dto == null ? null : dto.meta();
            // GHL signals the last page by leaving nextPageUrl out (or null).
            boolean more = meta != null
                    && meta.nextPageUrl() != null
                    && !meta.nextPageUrl().isBlank()
                    && meta.startAfterId() != null
                    && !items.isEmpty();
            return new Pager.PageOf<>(
                    items,
                    more
                            ? Optional.of(new Cursor(
                                    meta.startAfterId(),
                                    meta.startAfter() == null ? null : String.valueOf(meta.startAfter())))
                            : Optional.empty());
        });
    }

    @Override
    public GhlOpportunity move(
            OpportunityId id, StageId stage, OpportunityStatus status, Optional<BigDecimal> monetaryValue) {
        var dto = calls.call(
                GhlCall.idempotent("PUT /opportunities/{id}", owners.of(Record.OPPORTUNITY, id.value())),
                auth -> api.updateOpportunity(
                        auth,
                        id.value(),
                        new UpdateOpportunityDto(
                                null,
                                null,
                                stage.value(),
                                Wire.lower(status),
                                monetaryValue.map(BigDecimal::doubleValue).orElse(null),
                                null)));
        if (dto != null && dto.opportunity() != null) {
            return seen(dto.opportunity(), owners.locationOf(Record.OPPORTUNITY, id.value()));
        }
        return find(id).orElseThrow(() -> new GhlException(
                GhlException.Kind.NOT_FOUND, 404, "opportunity " + id + " vanished after its update", null));
    }

    @Override
    public void updateStatus(OpportunityId id, OpportunityStatus status) {
        calls.call(
                GhlCall.idempotent("PUT /opportunities/{id}/status", owners.of(Record.OPPORTUNITY, id.value())),
                auth -> api.updateOpportunityStatus(auth, id.value(), new UpdateStatusDto(Wire.lower(status), null)));
    }

    @Override
    public void delete(OpportunityId id) {
        calls.call(
                GhlCall.idempotent("DELETE /opportunities/{id}", owners.of(Record.OPPORTUNITY, id.value())),
                auth -> api.deleteOpportunity(auth, id.value()));
        owners.forget(Record.OPPORTUNITY, id.value());
    }

    private GhlOpportunity seen(OpportunityDtos.SearchOpportunitiesResponseSchema dto, LocationId fallback) {
        GhlOpportunity o = OpportunityMapper.opportunity(dto, fallback);
        owners.remember(Record.OPPORTUNITY, o.id().value(), o.location());
        return o;
    }
}
