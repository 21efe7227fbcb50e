package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.OpportunityDtos.GetPostOpportunitySuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.SearchOpportunitiesResponseSchema;
import io.recruitflow.adapter.ghl.OpportunityDtos.SearchSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.UpdateOpportunityDto;
import io.recruitflow.adapter.ghl.OpportunityDtos.UpdateStatusDto;
import io.recruitflow.domain.pipeline.Opportunities;
import io.recruitflow.domain.pipeline.Opportunities.Placed;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityId;
import io.recruitflow.domain.pipeline.OpportunityRef;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * GHL's opportunities API. As the core's {@link Opportunities} it creates, finds a contact's opportunity
 * and moves it; the rest is here for embedders: read, search a pipeline, change only the status, delete.
 * Every call names the location whose token it uses. Searches page with the startAfter/startAfterId cursor of
 * {@code meta}. Failures are {@link ExternalFailure}s with a {@link GhlHttpError} cause.
 */
public final class GhlOpportunities implements Opportunities {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final OpportunitiesApi api;

    GhlOpportunities(GhlCalls calls, OpportunitiesApi api) {
        this.calls = calls;
        this.api = api;
    }

    /**
     * {@code POST /opportunities/}. Not idempotent: a failure that leaves open whether GHL created it is
     * {@link ExternalFailure.OutcomeUnknown}; look it up with {@link #findForContact} before creating again.
     */
    @Override
    public Placed place(OpportunityDraft draft) {
        try {
            return new Placed(create(draft), false);
        } catch (ExternalFailure.Rejected refused) {
            // GHL refuses a second opportunity for the contact in a pipeline ("Can not create duplicate
            // opportunity for the contact."): the one it has is the answer, found with one more call.
            if (GhlFailures.duplicateOpportunity(refused)) {
                return findForContact(draft.location(), draft.pipeline(), draft.contact())
                        .map(found -> new Placed(found, true))
                        .orElseThrow(() -> refused);
            }
            throw refused;
        }
    }

    /** {@code POST /opportunities/} (GHL refuses a duplicate for the contact and pipeline with a 400). */
    public OpportunityRef create(OpportunityDraft draft) {
        GhlCall call = GhlCall.create("POST /opportunities/", calls.as(draft.location()));
        GetPostOpportunitySuccessfulResponseDto dto =
                calls.call(call, auth -> api.createOpportunity(auth, OpportunityMapper.create(draft)));
        if (dto == null || dto.opportunity() == null || dto.opportunity().id() == null) {
            throw GhlFailures.unusableAnswer(call, "the answer names no opportunity", null);
        }
        return ref(read(call, dto.opportunity(), draft.location()));
    }

    /** {@code GET /opportunities/{id}}; empty when GHL answers 404. */
    public Optional<GhlOpportunity> find(LocationId location, OpportunityId id) {
        GhlCall call = GhlCall.idempotent("GET /opportunities/{id}", calls.as(location));
        try {
            var dto = calls.call(call, auth -> api.getOpportunity(auth, id.value()));
            return dto == null || dto.opportunity() == null
                    ? Optional.empty()
                    : Optional.of(read(call, dto.opportunity(), location));
        } catch (ExternalFailure.Rejected e) {
            if (GhlFailures.notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Optional<OpportunityRef> findForContact(LocationId location, PipelineId pipeline, ContactId contact) {
        return search(location, pipeline, contact)
                .filter(o -> contact.equals(o.contact()))
                .findFirst()
                .map(GhlOpportunities::ref);
    }

    /** The opportunities of a pipeline, lazily over every page. */
    public Stream<GhlOpportunity> search(LocationId location, PipelineId pipeline) {
        return search(location, pipeline, null);
    }

    private Stream<GhlOpportunity> search(LocationId location, PipelineId pipeline, ContactId contact) {
        record Cursor(String startAfterId, String startAfter) {}
        GhlCall call = GhlCall.idempotent("GET /opportunities/search", calls.as(location));
        return Pager.<Cursor, GhlOpportunity>stream(cursor -> {
            SearchSuccessfulResponseDto dto = calls.call(
                    call,
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
                            .map(o -> read(call, o, location))
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

    /** {@code PUT /opportunities/{id}}: the stage, the status and (if given) the value. Returns GHL's updatedAt. */
    @Override
    public Optional<Instant> move(
            LocationId location,
            OpportunityId id,
            StageId stage,
            OpportunityStatus status,
            Optional<BigDecimal> monetaryValue) {
        GhlCall call = GhlCall.idempotent("PUT /opportunities/{id}", calls.as(location));
        var dto = calls.call(
                call,
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
        return dto == null || dto.opportunity() == null
                ? Optional.empty()
                : read(call, dto.opportunity(), location).updatedAt();
    }

    /** {@code PUT /opportunities/{id}} with {@code assignedTo} alone. Idempotent. */
    @Override
    public void assign(LocationId location, OpportunityId id, UserId user) {
        calls.call(
                GhlCall.idempotent("PUT /opportunities/{id}", calls.as(location)),
                auth -> api.updateOpportunity(
                        auth, id.value(), new UpdateOpportunityDto(null, null, null, null, null, user.value())));
    }

    /** {@code PUT /opportunities/{id}/status}: only the status. */
    public void updateStatus(LocationId location, OpportunityId id, OpportunityStatus status) {
        calls.call(
                GhlCall.idempotent("PUT /opportunities/{id}/status", calls.as(location)),
                auth -> api.updateOpportunityStatus(auth, id.value(), new UpdateStatusDto(Wire.lower(status), null)));
    }

    /** {@code DELETE /opportunities/{id}}. */
    public void delete(LocationId location, OpportunityId id) {
        calls.call(
                GhlCall.idempotent("DELETE /opportunities/{id}", calls.as(location)),
                auth -> api.deleteOpportunity(auth, id.value()));
    }

    private static GhlOpportunity read(GhlCall call, SearchOpportunitiesResponseSchema dto, LocationId location) {
        if (dto.id() == null || dto.pipelineId() == null || dto.pipelineStageId() == null) {
            throw GhlFailures.unusableAnswer(call, "an opportunity without id, pipeline or stage", null);
        }
        return OpportunityMapper.opportunity(dto, location);
    }

    private static OpportunityRef ref(GhlOpportunity o) {
        return new OpportunityRef(o.id(), o.updatedAt(), Optional.of(o.stage()), Optional.of(o.status()));
    }
}
