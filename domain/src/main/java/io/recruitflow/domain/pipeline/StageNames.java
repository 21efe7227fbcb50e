package io.recruitflow.domain.pipeline;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The GHL pipeline name and the GHL name of each recruiting stage; defaults to the reference's names. */
public record StageNames(String pipelineName, Map<RecruitingStage, String> names) {
    public StageNames {
        if (pipelineName == null || pipelineName.isBlank()) {
            throw new IllegalArgumentException("pipeline name is blank");
        }
        EnumMap<RecruitingStage, String> complete = new EnumMap<>(RecruitingStage.class);
        for (RecruitingStage stage : RecruitingStage.values()) {
            String name = names.getOrDefault(stage, stage.defaultName());
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("stage " + stage + " has a blank name");
            }
            complete.put(stage, name.strip());
        }
        names = Map.copyOf(complete);
    }

    public static StageNames defaults() {
        return new StageNames("Agent Recruiting", Map.of());
    }

    public String nameOf(RecruitingStage stage) {
        return Objects.requireNonNull(names.get(stage));
    }
}
