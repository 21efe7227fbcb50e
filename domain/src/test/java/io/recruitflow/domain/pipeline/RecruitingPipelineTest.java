package io.recruitflow.domain.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecruitingPipelineTest {
    static Pipeline reference() {
        return new Pipeline(
                new PipelineId("pipe_recruiting"),
                "Agent Recruiting",
                List.of(
                        new Pipeline.Stage(new StageId("stage_contracted"), "Contracted", 4),
                        new Pipeline.Stage(new StageId("stage_lead"), "Lead", 0),
                        new Pipeline.Stage(new StageId("stage_contacted"), "Contacted", 1),
                        new Pipeline.Stage(new StageId("stage_interested"), "Interested", 2),
                        new Pipeline.Stage(new StageId("stage_presentation"), "Presentation Scheduled", 3)));
    }

    @Test
    void resolvesTheReferencePipelineByName() {
        RecruitingPipeline.Resolution r = RecruitingPipeline.resolve(List.of(reference()), StageNames.defaults());
        RecruitingPipeline p = ((RecruitingPipeline.Resolution.Resolved) r).pipeline();
        assertThat(p.idOf(RecruitingStage.PRESENTATION_SCHEDULED)).isEqualTo(new StageId("stage_presentation"));
        assertThat(p.stageOf(new StageId("stage_lead"))).contains(RecruitingStage.LEAD);
        assertThat(p.stageOf(new StageId("elsewhere"))).isEmpty();
    }

    @Test
    void namesAreConfigurableAndMissingOnesAreListed() {
        StageNames custom = new StageNames("Agent Recruiting", Map.of(RecruitingStage.CONTRACTED, "Signed"));
        RecruitingPipeline.Resolution r = RecruitingPipeline.resolve(List.of(reference()), custom);
        assertThat(r)
                .isEqualTo(new RecruitingPipeline.Resolution.Missing(
                        List.of("stage 'Signed' in pipeline 'Agent Recruiting'")));
        assertThat(RecruitingPipeline.resolve(List.of(), StageNames.defaults()))
                .isEqualTo(new RecruitingPipeline.Resolution.Missing(List.of("pipeline 'Agent Recruiting'")));
    }
}
