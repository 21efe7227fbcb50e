package io.recruitflow.domain.pipeline;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A GHL pipeline as GHL lists it: its stages ordered by position. */
public record Pipeline(PipelineId id, String name, List<Stage> stages) {
    public Pipeline {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
        stages =
                stages.stream().sorted(Comparator.comparingInt(Stage::position)).toList();
    }

    /** A stage of a GHL pipeline. */
    public record Stage(StageId id, String name, int position) {
        public Stage {
            Objects.requireNonNull(id, "id");
            name = name == null ? "" : name;
        }
    }
}
