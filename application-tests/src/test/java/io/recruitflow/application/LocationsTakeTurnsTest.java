package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.pipeline.Pipeline;
import io.recruitflow.domain.pipeline.PipelineId;
import io.recruitflow.domain.pipeline.StageId;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.Workflow;
import io.recruitflow.domain.recruit.WorkflowId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One location's large import must not hold another location's new leads back: within a priority, intakes
 * run by their place in their own location's backlog, so locations take turns.
 */
class LocationsTakeTurnsTest {
    static final LocationId WEST = new LocationId("loc_west");

    @Test
    void anotherLocationsLeadIsTextedRightAfterTheFirstLeadOfABigImport() {
        World w = new World("2026-02-12T14:00");
        seedWest(w);

        for (int i = 0; i < 20; i++) {
            w.accept(World.lead("East" + i, "Bulk", "40755501" + (10 + i), null, "NY"));
        }
        IntakeAcceptance west =
                w.intake.accept(new IntakeRecruitCommand(WEST, World.lead("Wendy", "West", "2135550100", null, "CA")));
        assertThat(west).isInstanceOf(IntakeAcceptance.Accepted.class);

        w.runJobs();

        Map<ContactId, LocationId> locationOf =
                w.ghl.contacts().stream().collect(Collectors.toMap(Contact::id, Contact::location));
        List<LocationId> textedIn = w.ghl.sentMessages().stream()
                .map(ConversationMessage::contact)
                .map(locationOf::get)
                .toList();
        assertThat(textedIn).hasSize(21);
        // The west lead arrived after all twenty east leads but is texted second, not twenty-first.
        assertThat(textedIn.indexOf(WEST)).isEqualTo(1);
        assertThat(textedIn.get(0)).isEqualTo(InMemoryGhl.LOCATION);
    }

    /** A second location, {@link #WEST}, with the same pipeline and workflow names. */
    static void seedWest(World w) {
        w.ghl.pipelines()
                .put(
                        WEST,
                        new Pipeline(
                                new PipelineId("pipe_west"),
                                "Agent Recruiting",
                                List.of(
                                        new Pipeline.Stage(new StageId("w_lead"), "Lead", 0),
                                        new Pipeline.Stage(new StageId("w_contacted"), "Contacted", 1),
                                        new Pipeline.Stage(new StageId("w_interested"), "Interested", 2),
                                        new Pipeline.Stage(new StageId("w_presentation"), "Presentation Scheduled", 3),
                                        new Pipeline.Stage(new StageId("w_contracted"), "Contracted", 4))));
        w.ghl.workflows().put(WEST, new Workflow(new WorkflowId("wf_west"), "Speed to Lead", true));
    }
}
