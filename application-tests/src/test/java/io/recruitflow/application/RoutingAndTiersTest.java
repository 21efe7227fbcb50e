package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryOpportunities;
import io.recruitflow.adapter.inmemory.InMemoryRoundRobinTurns;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.application.intakerecruit.IntakeRecruitService;
import io.recruitflow.application.intakerecruit.SequentialAdmissions;
import io.recruitflow.application.intakerecruit.UpsertContactStep;
import io.recruitflow.application.routing.ReassignRecruitService;
import io.recruitflow.application.routing.ReassignRecruitUseCase.Reassignment;
import io.recruitflow.application.routing.Router;
import io.recruitflow.application.routing.RoutingSettings;
import io.recruitflow.application.routing.TeamDirectory;
import io.recruitflow.application.routing.TierRules;
import io.recruitflow.application.setup.LocationSetup;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.LeadInput;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruiter;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.UserId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Routing and tiers through the whole intake on the in-memory adapters: the assignee rides on the upsert and the
 * opportunity the intake makes anyway, round-robin shares recruits out evenly and a repeated lead takes no turn, an
 * unknown user stops the intake before GHL hears of it, a reassignment moves contact and opportunity, and tier A
 * goes first in its location's backlog while other locations keep their turn.
 */
class RoutingAndTiersTest {
    static final UserId ANA = new UserId("user_ana456");
    static final UserId BEN = new UserId("user_ben789");
    static final UserId CARA = new UserId("user_cara012");

    @Test
    void roundRobinAssignsContactsAndOpportunitiesWithoutACallOfItsOwn() {
        World w = new World("2026-02-12T14:00");
        team(w);
        IntakeRecruitService intake = routed(w, roundRobin());
        for (int i = 0; i < 31; i++) {
            accept(w, intake, World.lead("Agent" + i, "Routed", "40755502" + (10 + i), null, "FL"));
        }
        // A repeat of a known lead is no new recruit: it takes no turn.
        accept(w, intake, World.lead("Agent0", "Routed", "4075550210", null, "FL"));
        w.runJobs();

        List<InMemoryOpportunities.Stored> opportunities = w.ghl.allOpportunities();
        assertThat(opportunities).hasSize(31);
        Map<UserId, Long> byUser = opportunities.stream()
                .collect(Collectors.groupingBy(o -> o.assignedTo().orElseThrow(), Collectors.counting()));
        assertThat(byUser).containsExactlyInAnyOrderEntriesOf(Map.of(ANA, 11L, BEN, 10L, CARA, 10L));
        for (InMemoryOpportunities.Stored o : opportunities) {
            assertThat(w.ghl.contactDirectory().ownerOf(o.contact()))
                    .as("the contact's owner is the opportunity's assignee")
                    .isEqualTo(o.assignedTo());
            Recruit recruit = w.adapters.recruits().findByContact(o.contact()).orElseThrow();
            assertThat(recruit.assignedUser()).isEqualTo(o.assignedTo());
        }
        assertThat(w.ghl.recruiters().calls())
                .as("World's steps do not check users")
                .isZero();
    }

    @Test
    void aUserTheLocationDoesNotHaveStopsTheUpsertWithAMessageAndNoCall() {
        World w = new World("2026-02-12T14:00");
        w.ghl.recruiters().add(InMemoryGhl.LOCATION, new Recruiter(ANA, "Ana Reyes"));
        TeamDirectory team = new TeamDirectory(w.ghl.recruiters(), w.clock);
        UpsertContactStep step =
                new UpsertContactStep(w.ghl.contactDirectory(), w.adapters.recruits(), w.settings, team);
        RecruitId id = w.accept(World.lead("Una", "Known", "4075550300", null, "FL"));
        Recruit unknown = w.adapters.recruits().update(w.recruit(id).assignedTo(new UserId("user_gone")));

        assertThatThrownBy(
                        () -> step.perform(unknown, StepRecord.pending(id, IntakeStep.UPSERT_CONTACT, w.clock.now())))
                .isInstanceOf(LocationSetup.SetupException.class)
                .hasMessageContaining("has no user user_gone")
                .hasMessageContaining("user_gary123, user_ana456")
                .hasMessageContaining("RECRUITFLOW_ROUTING_");
        assertThat(w.ghl.contacts()).as("GHL never heard of the recruit").isEmpty();

        Recruit known = w.adapters.recruits().update(unknown.assignedTo(ANA));
        step.perform(known, StepRecord.pending(id, IntakeStep.UPSERT_CONTACT, w.clock.now()));
        Contact contact = w.ghl.contacts().get(0);
        assertThat(w.ghl.contactDirectory().ownerOf(contact.id())).contains(ANA);
        assertThat(w.ghl.recruiters().calls())
                .as("the users are asked for once per location")
                .isEqualTo(1);
    }

    @Test
    void aReassignmentMovesTheContactAndTheOpportunityAndIsStored() {
        World w = new World("2026-02-12T14:00");
        team(w);
        IntakeRecruitService intake = routed(w, roundRobin());
        RecruitId done = accept(w, intake, World.lead("Dana", "Done", "4075550400", null, "FL"));
        w.runJobs();
        ReassignRecruitService reassign = new ReassignRecruitService(
                w.adapters.recruits(),
                w.ghl.contactDirectory(),
                w.ghl.opportunities(),
                w.adapters.opportunityMirror(),
                new TeamDirectory(w.ghl.recruiters(), w.clock),
                w.clock);

        Reassignment r = reassign.reassign(done, CARA);
        assertThat(r).isInstanceOf(Reassignment.Reassigned.class);
        Reassignment.Reassigned moved = (Reassignment.Reassigned) r;
        assertThat(moved.previous()).contains(ANA);
        assertThat(moved.contactChanged()).isTrue();
        assertThat(moved.opportunityChanged()).isTrue();
        ContactId contact = w.recruit(done).contactId().orElseThrow();
        assertThat(w.recruit(done).assignedUser()).contains(CARA);
        assertThat(w.ghl.contactDirectory().ownerOf(contact)).contains(CARA);
        assertThat(w.ghl.allOpportunities().get(0).assignedTo()).contains(CARA);
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .assignedTo())
                .contains(CARA);

        assertThat(reassign.reassign(done, new UserId("user_gone")))
                .isInstanceOfSatisfying(
                        Reassignment.UnknownUser.class,
                        u -> assertThat(u.reason()).contains("has no user user_gone"));
        assertThat(w.recruit(done).assignedUser()).as("unchanged").contains(CARA);
        assertThat(reassign.reassign(RecruitId.random(), CARA)).isInstanceOf(Reassignment.NotFound.class);

        // Before its intake ran: only stored, and the upsert and the opportunity carry the new user.
        RecruitId waiting = accept(w, intake, World.lead("Wes", "Waiting", "4075550401", null, "FL"));
        Reassignment early = reassign.reassign(waiting, ANA);
        assertThat(((Reassignment.Reassigned) early).contactChanged()).isFalse();
        assertThat(((Reassignment.Reassigned) early).opportunityChanged()).isFalse();
        w.runJobs();
        ContactId second = w.recruit(waiting).contactId().orElseThrow();
        assertThat(w.ghl.contactDirectory().ownerOf(second)).contains(ANA);
        assertThat(w.ghl.allOpportunities().get(1).assignedTo()).contains(ANA);
    }

    @Test
    void aReassignmentInGhlsOwnScreensReachesTheRecruit() {
        World w = new World("2026-02-12T14:00");
        team(w);
        IntakeRecruitService intake = routed(w, roundRobin());
        RecruitId id = accept(w, intake, World.lead("Gina", "Ghl", "4075550500", null, "FL"));
        w.runJobs();
        Recruit recruit = w.recruit(id);
        ContactId contact = recruit.contactId().orElseThrow();
        io.recruitflow.domain.pipeline.Opportunity held =
                w.adapters.opportunityMirror().findByContact(contact).orElseThrow();
        w.clock.advance(java.time.Duration.ofMinutes(1));

        io.recruitflow.application.applyghlevent.EventOutcome outcome =
                w.deliver(new io.recruitflow.application.applyghlevent.GhlEvent.OpportunityChanged(
                        World.eventId(),
                        InMemoryGhl.LOCATION,
                        w.clock.now(),
                        io.recruitflow.application.applyghlevent.GhlEvent.OpportunityChange.ASSIGNED,
                        held.id(),
                        contact,
                        InMemoryGhl.PIPELINE,
                        InMemoryGhl.STAGE_CONTACTED,
                        io.recruitflow.domain.pipeline.OpportunityStatus.OPEN,
                        java.math.BigDecimal.ZERO,
                        Optional.of(CARA)));

        assertThat(outcome).isInstanceOf(io.recruitflow.application.applyghlevent.EventOutcome.Applied.class);
        assertThat(w.recruit(id).assignedUser())
                .as("was " + recruit.assignedUser())
                .contains(CARA);
        assertThat(w.adapters.opportunityMirror().find(held.id()).orElseThrow().assignedTo())
                .contains(CARA);
    }

    @Test
    void tierAGoesFirstInItsLocationWhileAnotherLocationKeepsItsTurn() {
        World w = new World(
                "2026-02-12T14:00",
                RecruitingSettings.defaults()
                        .withCustomFieldIds(Map.of("licenseState", "cf_license_state", "tier", "cf_tier")));
        LocationsTakeTurnsTest.seedWest(w);
        RoutingSettings tiers =
                RoutingSettings.off().withTiers(TierRules.parse(List.of("A:source=Referral"), Optional.of("C")));
        IntakeRecruitService intake = routed(w, tiers);
        for (int i = 0; i < 8; i++) {
            accept(w, intake, lead("Cold" + i, "40755505" + (10 + i), "PropHog"));
        }
        RecruitId hot = accept(w, intake, lead("Hot", "4075550590", "Referral"));
        IntakeAcceptance west = intake.accept(new IntakeRecruitCommand(
                LocationsTakeTurnsTest.WEST, World.lead("Wendy", "West", "2135550100", null, "CA")));
        assertThat(west).isInstanceOf(IntakeAcceptance.Accepted.class);
        w.runJobs();

        Map<ContactId, String> firstNameOf =
                w.ghl.contacts().stream().collect(Collectors.toMap(Contact::id, Contact::firstName));
        List<String> texted = w.ghl.sentMessages().stream()
                .map(ConversationMessage::contact)
                .map(firstNameOf::get)
                .toList();
        assertThat(texted).hasSize(10);
        // The tier-A lead came ninth, and is texted right after the first lead already in line (same position, older).
        assertThat(texted.indexOf("Hot")).isEqualTo(1);
        assertThat(texted.indexOf("Wendy"))
                .as("the other location's lead keeps its turn")
                .isLessThanOrEqualTo(2);

        Contact hotContact = w.ghl.contactDirectory()
                .find(w.recruit(hot).contactId().orElseThrow())
                .orElseThrow();
        assertThat(hotContact.tags()).contains("Tier-A");
        assertThat(hotContact.customFields()).contains(new CustomFieldValue("cf_tier", "A"));
        assertThat(w.ghl.contacts())
                .filteredOn(c -> c.firstName().startsWith("Cold"))
                .allSatisfy(c -> assertThat(c.tags()).contains("Tier-C"));
    }

    static LeadInput lead(String first, String phone, String source) {
        return new LeadInput(first, "Lead", null, phone, "NY", "W1", List.of(), source, Map.of());
    }

    static RecruitId accept(World w, IntakeRecruitService intake, LeadInput lead) {
        IntakeAcceptance a = intake.accept(new IntakeRecruitCommand(InMemoryGhl.LOCATION, lead));
        if (a instanceof IntakeAcceptance.Accepted accepted) {
            return accepted.recruit();
        }
        return ((IntakeAcceptance.AlreadyKnown) a).recruit();
    }

    static void team(World w) {
        w.ghl.recruiters().add(InMemoryGhl.LOCATION, new Recruiter(ANA, "Ana Reyes"));
        w.ghl.recruiters().add(InMemoryGhl.LOCATION, new Recruiter(BEN, "Ben Carter"));
        w.ghl.recruiters().add(InMemoryGhl.LOCATION, new Recruiter(CARA, "Cara Lind"));
    }

    static RoutingSettings roundRobin() {
        return new RoutingSettings(
                List.of(RoutingSettings.Strategy.ROUND_ROBIN),
                List.of(ANA, BEN, CARA),
                Map.of(),
                new HashMap<>(),
                Optional.empty(),
                TierRules.none());
    }

    /** The world's saga, accepting through sequential admissions that route by {@code settings}. */
    static IntakeRecruitService routed(World w, RoutingSettings settings) {
        return new IntakeRecruitService(
                World.PHONES,
                w.adapters.intakeJournal(),
                w.saga,
                w.settings,
                w.clock,
                new SequentialAdmissions(
                        w.adapters.recruits(),
                        w.adapters.intakeJournal(),
                        w.adapters.jobQueue(),
                        new InMemoryRoundRobinTurns()),
                new Router(settings));
    }
}
