package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;

/** GHL's pipelines, the core's {@link Pipelines}: {@code GET /opportunities/pipelines}. */
public final class GhlPipelines implements Pipelines {
    private final GhlCalls calls;
    private final OpportunitiesApi api;

    GhlPipelines(GhlCalls calls, OpportunitiesApi api) {
        this.calls = calls;
        this.api = api;
    }

    @Override
    public List<Pipeline> list(LocationId location) {
        var dto = calls.call(
                GhlCall.idempotent("GET /opportunities/pipelines", calls.as(location)),
                auth -> api.getPipelines(auth, location.value()));
        return dto == null || dto.pipelines() == null
                ? List.of()
                : dto.pipelines().stream()
                        .filter(p -> p != null && p.id() != null && !p.id().isBlank())
                        .map(OpportunityMapper::pipeline)
                        .toList();
    }
}
