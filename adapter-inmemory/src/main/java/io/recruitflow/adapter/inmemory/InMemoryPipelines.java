package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.Pipelines;
import io.recruitflow.domain.shared.LocationId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GHL pipelines in memory, per location. */
public final class InMemoryPipelines implements Pipelines {
    private final Map<LocationId, List<Pipeline>> pipelines = new HashMap<>();

    public InMemoryPipelines() {}

    /** Adds (or replaces, by id) a pipeline of the location. */
    public synchronized void put(LocationId location, Pipeline pipeline) {
        List<Pipeline> list = pipelines.computeIfAbsent(location, l -> new ArrayList<>());
        list.removeIf(p -> p.id().equals(pipeline.id()));
        list.add(pipeline);
    }

    @Override
    public synchronized List<Pipeline> list(LocationId location) {
        return List.copyOf(pipelines.getOrDefault(location, List.of()));
    }

    synchronized Optional<Pipeline> find(LocationId location, PipelineId id) {
        return pipelines.getOrDefault(location, List.of()).stream()
                .filter(p -> p.id().equals(id))
                .findFirst();
    }
}
