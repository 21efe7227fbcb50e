package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.domain.pipeline.Opportunity;
import io.recruitflow.domain.pipeline.OpportunityDraft;
import io.recruitflow.domain.pipeline.OpportunityRef;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.PhoneNumber;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A lead whose GHL contact already has an opportunity in the recruiting pipeline (an earlier import, a user in
 * GHL) keeps that one: it is found before any create, and mirrored at the stage it really is at.
 */
class ReimportOpportunityTest {
    final World w = new World("2026-02-12T10:00");

    @Test
    void theContactsExistingOpportunityIsFoundAndMirroredAtItsRealStageNotCreatedAgain() {
        Contact contact = w.ghl.contactDirectory()
                .add(new ContactDraft(
                        InMemoryGhl.LOCATION,
                        "John",
                        "Smith",
                        Optional.empty(),
                        Optional.of(new PhoneNumber("+14075551234")),
                        Set.of(),
                        List.of(),
                        Optional.empty()));
        OpportunityRef existing = w.ghl.opportunities()
                .create(new OpportunityDraft(
                        InMemoryGhl.LOCATION,
                        InMemoryGhl.PIPELINE,
                        InMemoryGhl.STAGE_INTERESTED,
                        contact.id(),
                        "John Smith - Agent Recruit",
                        OpportunityStatus.OPEN,
                        BigDecimal.ZERO,
                        Optional.empty()));

        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();

        StepRecord step = w.adapters
                .intakeJournal()
                .find(id, IntakeStep.CREATE_OPPORTUNITY)
                .orElseThrow();
        assertThat(step.state()).as("%s", step.detail()).isEqualTo(StepState.DONE);
        assertThat(step.ref()).contains(existing.id().value());
        assertThat(w.ghl.allOpportunities()).as("opportunities in GHL").hasSize(1);
        Opportunity mirrored =
                w.adapters.opportunityMirror().find(existing.id()).orElseThrow();
        assertThat(mirrored.stage()).isEqualTo(RecruitingStage.INTERESTED);
        assertThat(step.detail()).hasValueSatisfying(d -> assertThat(d).contains("existing"));
    }
}
