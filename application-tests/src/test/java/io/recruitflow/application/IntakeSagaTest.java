package io.recruitflow.application;

import static io.recruitflow.adapter.inmemory.GhlFaults.Operation.CONTACT_UPSERT;
import static io.recruitflow.adapter.inmemory.GhlFaults.Operation.MESSAGE_SEND;
import static io.recruitflow.adapter.inmemory.GhlFaults.Operation.OPPORTUNITY_CREATE;
import static io.recruitflow.adapter.inmemory.GhlFaults.Operation.WORKFLOW_ENROLL;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.GhlFaults;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.adapter.inmemory.InMemoryOpportunities;
import io.recruitflow.application.intakerecruit.IntakeAcceptance;
import io.recruitflow.application.intakerecruit.IntakeRecruitCommand;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.IntakeStep;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.StepRecord;
import io.recruitflow.domain.recruit.StepState;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.SuspendedLocations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IntakeSagaTest {
    /** A Thursday afternoon in New York: inside every quiet-hours window. */
    static final String AFTERNOON = "2026-02-12T14:00";

    static void assertExactlyOnce(World w, RecruitId id) {
        assertThat(w.ghl.contacts()).hasSize(1);
        assertThat(w.ghl.allOpportunities()).hasSize(1);
        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(w.ghl.enrollments()).hasSize(1);
        assertThat(w.adapters.intakeJournal().steps(id))
                .extracting(StepRecord::state)
                .containsOnly(StepState.DONE);
    }

    @Test
    void runsTheReferenceFlowForANewLead() {
        World w = new World(AFTERNOON);
        RecruitId id =
                w.accept(World.lead("John", "Smith", "(407) 555-1234", "john@example.com", "FL", "Life", "Health"));
        w.runJobs();

        Contact contact = w.ghl.contacts().get(0);
        assertThat(contact.tags())
                .containsExactlyInAnyOrder("Licensed", "PropHog-Lead", "Life-Licensed", "Health-Licensed");
        assertThat(contact.customFields())
                .contains(
                        new CustomFieldValue("cf_license_state", "FL"),
                        new CustomFieldValue("cf_license_type", "Health, Life"));
        assertThat(contact.source()).contains("PropHog");

        InMemoryOpportunities.Stored opportunity = w.ghl.allOpportunities().get(0);
        assertThat(opportunity.name()).isEqualTo("John Smith - Agent Recruit");
        // The intro went out before the opportunity was made: it starts at Contacted, and no move follows.
        assertThat(opportunity.stage()).isEqualTo(InMemoryGhl.STAGE_CONTACTED);
        assertThat(opportunity.status()).isEqualTo(OpportunityStatus.OPEN);

        ConversationMessage intro = w.ghl.sentMessages().get(0);
        assertThat(intro.channel()).isEqualTo(Channel.SMS);
        assertThat(intro.body())
                .startsWith(
                        "Hi John, this is Gary from OOC Unlimited. I noticed you're a licensed agent " + "in Florida.");
        assertThat(w.ghl.enrollments())
                .singleElement()
                .satisfies(e -> assertThat(e.workflow()).isEqualTo(InMemoryGhl.WF_SPEED_TO_LEAD));
        assertExactlyOnce(w, id);
        assertThat(w.recruit(id).contactId()).contains(contact.id());
        assertThat(w.recruit(id).speedToLead()).contains(Duration.ZERO);
    }

    @Test
    void aLeadWithOnlyAnEmailGetsTheIntroByEmail() {
        World w = new World(AFTERNOON);
        w.accept(World.lead("Ann", "Lee", null, "ann@example.com", "TX", "Life"));
        w.runJobs();
        assertThat(w.ghl.sentMessages()).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.EMAIL);
            assertThat(m.body()).contains("Hi Ann,");
        });
    }

    @Test
    void aKnownLeadCostsNoGhlCallAndIsNotDoneTwice() {
        World w = new World(AFTERNOON);
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "FL"));
        w.runJobs();
        IntakeAcceptance again = w.intake.accept(new IntakeRecruitCommand(
                InMemoryGhl.LOCATION, World.lead("Johnny", "Smith", "+1 (407) 555-1234", null, "FL")));
        assertThat(again).isEqualTo(new IntakeAcceptance.AlreadyKnown(id));
        assertThat(w.runJobs()).isZero();
        assertExactlyOnce(w, id);
    }

    /**
     * The upsert step links the recruit it read before its call; an opt-out stored while the call was in flight is
     * kept (the link goes onto the stored recruit, not over it), and the intro step, reading it afresh, sends nothing.
     */
    @Test
    void anOptOutStoredDuringTheContactUpsertIsKeptAndNoIntroGoesOut() {
        World w = new World(AFTERNOON);
        RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "FL"));
        w.ghl.faults().meanwhileNext(GhlFaults.Operation.CONTACT_UPSERT, () -> {
            Recruit before = w.recruit(id);
            w.adapters.recruits().update(before.withConsent(before.consent().optOut(w.clock.now())));
        });

        w.runJobs();

        Recruit after = w.recruit(id);
        assertThat(after.consent().optedOut()).isTrue();
        assertThat(after.contactId())
                .as("linked all the same")
                .contains(w.ghl.contacts().get(0).id());
        assertThat(w.ghl.sentMessages()).isEmpty();
    }

    @Nested
    class CrashAfterEachGhlCall {
        /**
         * The GHL call takes effect, then the process dies before the journal records it. The job is run again
         * (as the durable queue would after a restart): nothing is created or sent twice.
         */
        @ParameterizedTest
        @EnumSource(
                value = GhlFaults.Operation.class,
                names = {"CONTACT_UPSERT", "OPPORTUNITY_CREATE", "MESSAGE_SEND", "WORKFLOW_ENROLL"})
        void rerunningAfterTheCrashDoesNothingTwice(GhlFaults.Operation operation) {
            World w = new World(AFTERNOON);
            w.ghl.faults().failAfterNext(operation, new IllegalStateException("process killed"));
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", "john@example.com", "NY", "Life"));
            w.runJobs();
            // Restart: the job comes back after its backoff; a SENDING intro waits until it cannot still be in flight.
            for (int i = 0; i < 5; i++) {
                w.clock.advance(Duration.ofMinutes(2));
                w.runJobs();
            }
            assertExactlyOnce(w, id);
        }

        @Test
        void aCrashBeforeTheCallSimplyRunsTheStepAgain() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failNext(OPPORTUNITY_CREATE, new IllegalStateException("process killed"));
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            assertThat(w.ghl.allOpportunities()).isEmpty();
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            assertExactlyOnce(w, id);
        }
    }

    @Nested
    class OutcomeUnknown {
        static ExternalFailure timeout() {
            return new ExternalFailure.OutcomeUnknown("read timed out");
        }

        @Test
        void anOpportunityCreatedDespiteATimeoutIsFoundNotCreatedAgain() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failAfterNext(OPPORTUNITY_CREATE, timeout());
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            assertThat(w.adapters.intakeJournal().find(id, IntakeStep.CREATE_OPPORTUNITY))
                    .map(StepRecord::state)
                    .contains(StepState.UNKNOWN);
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            assertExactlyOnce(w, id);
        }

        @Test
        void ghlsQuirk422ButCreatedIsReconciled() {
            // The GHL adapter reports a create's 422 as an unknown outcome (GHL may have created it anyway).
            World w = new World(AFTERNOON);
            w.ghl.faults()
                    .failAfterNext(
                            OPPORTUNITY_CREATE,
                            new ExternalFailure.OutcomeUnknown("POST /opportunities/: 422 duplicate opportunity"));
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            assertExactlyOnce(w, id);
        }

        @Test
        void aTextGhlReceivedDespiteATimeoutIsFoundInTheConversationNotResent() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failAfterNext(MESSAGE_SEND, timeout());
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            MessageRecord intro = w.adapters
                    .messageLog()
                    .find(io.recruitflow.application.intakerecruit.IntakeSaga.introKey(id))
                    .orElseThrow();
            assertThat(intro.state()).isEqualTo(SendState.UNKNOWN);
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            assertExactlyOnce(w, id);
            assertThat(w.adapters.messageLog().find(intro.key()).orElseThrow().state())
                    .isEqualTo(SendState.SENT);
        }

        @Test
        void aTextGhlNeverGotIsSentAgainOnce() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failNext(MESSAGE_SEND, timeout());
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            assertThat(w.ghl.sentMessages()).isEmpty();
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            assertExactlyOnce(w, id);
        }
    }

    @Nested
    class Failures {
        @Test
        void aRateLimitedCallIsRetriedLater() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failNext(CONTACT_UPSERT, new ExternalFailure.Unavailable("slow down"));
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            assertThat(w.adapters
                            .intakeJournal()
                            .find(id, IntakeStep.UPSERT_CONTACT)
                            .orElseThrow()
                            .state())
                    .isEqualTo(StepState.PENDING);
            w.clock.advance(Duration.ofMinutes(1));
            w.runJobs();
            assertExactlyOnce(w, id);
        }

        @Test
        void aPermanentRefusalFailsTheStepWithGhlsReasonAndStopsTheSaga() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failNext(CONTACT_UPSERT, new ExternalFailure.Rejected("phone must be a valid phone number"));
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            w.runJobs();
            w.clock.advance(Duration.ofHours(1));
            w.runJobs();
            StepRecord upsert = w.adapters
                    .intakeJournal()
                    .find(id, IntakeStep.UPSERT_CONTACT)
                    .orElseThrow();
            assertThat(upsert.state()).isEqualTo(StepState.FAILED);
            assertThat(upsert.detail())
                    .hasValueSatisfying(d -> assertThat(d).contains("phone must be a valid phone number"));
            assertThat(w.ghl.allOpportunities()).isEmpty();
            assertThat(w.ghl.sentMessages()).isEmpty();
        }

        @Test
        void anIntroTheCrmRefusesFailsLikeAnyStepAndTheEnrollmentIsSkipped() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failNext(MESSAGE_SEND, new ExternalFailure.Rejected("carrier rejected the number"));
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            for (int i = 0; i < 3; i++) {
                w.runJobs();
                w.clock.advance(Duration.ofMinutes(1));
            }
            assertThat(w.adapters.intakeJournal().find(id, IntakeStep.SEND_INTRO))
                    .map(StepRecord::state)
                    .contains(StepState.FAILED);
            assertThat(w.adapters.intakeJournal().find(id, IntakeStep.ENROLL_WORKFLOW))
                    .map(StepRecord::state)
                    .contains(StepState.SKIPPED);
            MessageRecord intro = w.adapters
                    .messageLog()
                    .find(io.recruitflow.application.intakerecruit.IntakeSaga.introKey(id))
                    .orElseThrow();
            assertThat(intro.state()).isEqualTo(SendState.FAILED);
            assertThat(intro.detail()).contains("carrier rejected the number");
            assertThat(w.ghl.enrollments()).isEmpty();
            assertThat(w.intake.isComplete(id)).isTrue();
        }

        @Test
        void aTextTheCrmCannotTakeIsRetriedUnderTheSamePolicyCountingItsOwnAttempts() {
            World w = new World(AFTERNOON);
            for (int i = 0; i < 2; i++) {
                w.ghl.faults().failNext(MESSAGE_SEND, new ExternalFailure.Unavailable("503 service unavailable"));
            }
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            for (int i = 0; i < 4; i++) {
                w.runJobs();
                w.clock.advance(Duration.ofMinutes(1));
            }
            assertExactlyOnce(w, id);
            MessageRecord intro = w.adapters
                    .messageLog()
                    .find(io.recruitflow.application.intakerecruit.IntakeSaga.introKey(id))
                    .orElseThrow();
            assertThat(intro.state()).isEqualTo(SendState.SENT);
            assertThat(intro.attempts()).isEqualTo(3);
        }

        @Test
        void aRefusedRefreshTokenParksTheIntakeUntilTheReinstallInsteadOfBurningItsRetries() {
            World w = new World(AFTERNOON);
            w.ghl.faults().failNext(CONTACT_UPSERT, () -> {
                // What the GHL adapter does when the token endpoint answers invalid_grant.
                w.suspended.suspend(InMemoryGhl.LOCATION, SuspendedLocations.REINSTALL_REQUIRED);
                return new ExternalFailure.AccessDenied(
                        "GHL POST /oauth/token: grant refused (HTTP 400): invalid_grant");
            });
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            // An hour: far longer than the eight attempts of the retry policy would last.
            for (int i = 0; i < 12; i++) {
                w.runJobs();
                w.clock.advance(Duration.ofMinutes(5));
            }
            StepRecord upsert = w.adapters
                    .intakeJournal()
                    .find(id, IntakeStep.UPSERT_CONTACT)
                    .orElseThrow();
            assertThat(upsert.state()).isEqualTo(StepState.PENDING);
            assertThat(upsert.attempts()).isEqualTo(1);
            assertThat(upsert.detail()).contains("location suspended: reinstall required");
            assertThat(w.ghl.contacts()).isEmpty();

            w.suspended.resume(InMemoryGhl.LOCATION); // the app installed again
            for (int i = 0; i < 3; i++) {
                w.clock.advance(Duration.ofMinutes(5));
                w.runJobs();
            }
            assertExactlyOnce(w, id);
        }

        @Test
        void anUnreachableGhlIsRetriedWithBackoffAndNothingIsLost() {
            World w = new World(AFTERNOON);
            for (int i = 0; i < 3; i++) {
                w.ghl.faults().failNext(WORKFLOW_ENROLL, new ExternalFailure.Unavailable("connection refused"));
            }
            RecruitId id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
            for (int i = 0; i < 6; i++) {
                w.runJobs();
                w.clock.advance(Duration.ofMinutes(1));
            }
            assertExactlyOnce(w, id);
            assertThat(w.adapters
                            .intakeJournal()
                            .find(id, IntakeStep.ENROLL_WORKFLOW)
                            .orElseThrow()
                            .attempts())
                    .isEqualTo(4);
        }
    }

    @Test
    void firstTextsRunBeforeOtherLeadsFollowUpSteps() {
        World w = new World(AFTERNOON);
        for (int i = 0; i < 5; i++) {
            w.accept(World.lead("Lead" + i, "Bulk", "40755512" + (10 + i), null, "NY"));
        }
        w.runJobs();
        // All five intros went out before any enrollment (enrollment is the bulk follow-up).
        List<java.time.Instant> sends = w.ghl.sentMessages().stream()
                .map(ConversationMessage::dateAdded)
                .toList();
        assertThat(sends).hasSize(5);
        Map<Boolean, Long> order = w.ghl.enrollments().stream()
                .collect(Collectors.partitioningBy(
                        e -> !e.at().isBefore(sends.get(sends.size() - 1)), Collectors.counting()));
        assertThat(order.get(true)).isEqualTo(5);
    }
}
