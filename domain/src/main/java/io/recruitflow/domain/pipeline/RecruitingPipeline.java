package io.recruitflow.domain.pipeline;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The recruiting stages resolved to one GHL pipeline's stage ids, done once at start by name.
 */
public record RecruitingPipeline(PipelineId pipelineId, Map<RecruitingStage, StageId> stageIds) {
    public RecruitingPipeline {
        Objects.requireNonNull(pipelineId, "pipelineId");
        if (stageIds.size() != RecruitingStage.values().length) {
            throw new IllegalArgumentException("every recruiting stage needs a GHL stage id");
        }
        stageIds = Map.copyOf(new EnumMap<>(stageIds));
    }

    public StageId idOf(RecruitingStage stage) {
        return stageIds.get(stage);
    }

    /** The recruiting stage a GHL stage id stands for, if it belongs to this pipeline. */
    public Optional<RecruitingStage> stageOf(StageId id) {
        return stageIds.entrySet().stream()
                .filter(e -> e.getValue().equals(id))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /**
     * Finds the pipeline and its stages by name (case-insensitive) among a location's pipelines.
     * The result is a value: the resolved pipeline, or the names that are missing.
     */
    public static Resolution resolve(List<Pipeline> pipelines, StageNames names) {
        Optional<Pipeline> pipeline = pipelines.stream()
                .filter(p -> p.name().equalsIgnoreCase(names.pipelineName()))
                .findFirst();
        if (pipeline.isEmpty()) {
            return new Resolution.Missing(List.of("pipeline '" + names.pipelineName() + "'"));
        }
        Map<RecruitingStage, StageId> ids = new EnumMap<>(RecruitingStage.class);
        List<String> missing = new ArrayList<>();
        for (RecruitingStage stage : RecruitingStage.values()) {
            String wanted = names.nameOf(stage);
            pipeline.get().stages().stream()
                    .filter(s -> s.name().equalsIgnoreCase(wanted))
                    .findFirst()
                    .ifPresentOrElse(
                            s -> ids.put(stage, s.id()),
                            () -> missing.add("stage '" + wanted + "' in pipeline '" + names.pipelineName() + "'"));
        }
        return missing.isEmpty()
                ? new Resolution.Resolved(new RecruitingPipeline(pipeline.get().id(), ids))
                : new Resolution.Missing(missing);
    }

    /** The outcome of {@link #resolve}. */
    public sealed interface Resolution {
        record Resolved(RecruitingPipeline pipeline) implements Resolution {}

        record Missing(List<String> what) implements Resolution {
            public Missing {
                what = List.copyOf(what);
            }
        }
    }
}
