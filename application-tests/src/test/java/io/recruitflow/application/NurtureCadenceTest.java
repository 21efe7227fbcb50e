package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.nurture.NurtureNotice;
import io.recruitflow.application.nurture.NurtureSettings;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Direction;
import io.recruitflow.domain.nurture.NurtureStep;
import io.recruitflow.domain.nurture.StepStatus;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.recruit.RecruitId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The playbook's cadence in the in-memory world: +4 h, +1 d, +3 d, +7 d, then rest; a reply stops it. */
class NurtureCadenceTest {
    static final String DANA = "2125550101";

    static List<ConversationMessage> textsTo(World w, RecruitId id) {
        var contact = w.recruit(id).contactId().orElseThrow();
        return w.ghl.sentMessages().stream()
                .filter(m -> m.direction() == Direction.OUTBOUND)
                .filter(m -> m.channel() == Channel.SMS)
                .filter(m -> w.ghl.sentMessages().contains(m))
                .filter(m -> w.adapters.messageLog().ofContact(contact).stream()
                        .anyMatch(r -> r.messageId().filter(m.id()::equals).isPresent()))
                .toList();
    }

    static List<NurtureStep> steps(World w, RecruitId id) {
        return w.nurture.stepsOf(id);
    }

    static void passTime(World w, Duration total) {
        Instant end = w.clock.now().plus(total);
        while (w.clock.now().isBefore(end)) {
            w.clock.advance(Duration.ofMinutes(30));
            w.runJobs();
        }
    }

    @Test
    void aSilentRecruitGetsEveryStepThenRests() {
        World w = new World("2026-02-09T10:00", NurtureSettings.playbook()); // a Monday in New York
        RecruitId id = w.accept(World.lead("Dana", "Reyes", DANA, null, "NY", "Life"));
        w.runJobs();
        assertThat(textsTo(w, id)).hasSize(1); // the intro
        assertThat(steps(w, id)).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.PLANNED);
            assertThat(s.index()).isEqualTo(1);
        });

        passTime(w, Duration.ofDays(11));

        assertThat(textsTo(w, id)).hasSize(5);
        assertThat(steps(w, id))
                .extracting(NurtureStep::status)
                .containsExactly(StepStatus.SENT, StepStatus.SENT, StepStatus.SENT, StepStatus.SENT, StepStatus.DONE);
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(w.recruit(id).contactId().orElseThrow())
                        .orElseThrow()
                        .status())
                .isEqualTo(OpportunityStatus.ABANDONED);
        assertThat(w.notices)
                .anySatisfy(n -> assertThat(n)
                        .isInstanceOfSatisfying(
                                NurtureNotice.CadenceEnded.class,
                                e -> assertThat(e.ending()).isEqualTo(NurtureNotice.Ending.RESTED)));
        assertThat(w.notices.stream().filter(n -> n instanceof NurtureNotice.StepSent))
                .hasSize(4);
    }

    @Test
    void aNumberGhlCannotDeliverToGetsNoMoreFollowUps() {
        World w = new World("2026-02-09T10:00", NurtureSettings.playbook());
        RecruitId id = w.accept(World.lead("Dana", "Reyes", DANA, null, "NY", "Life"));
        w.runJobs();
        passTime(w, Duration.ofHours(5)); // step 1 went at 14:00
        assertThat(textsTo(w, id)).hasSize(2);
        var first = w.adapters
                .messageLog()
                .find(new io.recruitflow.domain.message.MessageKey(
                        steps(w, id).get(0).key()))
                .orElseThrow();
        // GHL reports the follow-up failed for good (the number became a landline: 30006 does not pass on a retry).
        w.deliver(new GhlEvent.MessageSent(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                w.recruit(id).contactId().orElseThrow(),
                Optional.empty(),
                Channel.SMS,
                first.body(),
                first.messageId(),
                Optional.of(io.recruitflow.domain.message.Delivery.failed(
                        "30006 landline or unreachable carrier", false, w.clock.now()))));

        passTime(w, Duration.ofDays(11));

        assertThat(textsTo(w, id)).as("the intro and the first follow-up only").hasSize(2);
        List<NurtureStep> later = steps(w, id).stream()
                .filter(s -> s.action().equals(NurtureStep.SEND) && s.index() > 1)
                .toList();
        assertThat(later).hasSize(3).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(s.reason()).hasValueSatisfying(r -> assertThat(r).contains("could not deliver"));
        });
    }

    @Test
    void aReplyStopsTheCadenceAndAlertsTheOwner() {
        World w = new World("2026-02-09T10:00", NurtureSettings.playbook());
        RecruitId id = w.accept(World.lead("Dana", "Reyes", DANA, null, "NY", "Life"));
        w.runJobs();
        passTime(w, Duration.ofHours(5)); // step 1 went at 14:00
        assertThat(textsTo(w, id)).hasSize(2);

        w.deliver(new GhlEvent.MessageReceived(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                w.recruit(id).contactId().orElseThrow(),
                Optional.empty(),
                Channel.SMS,
                "Sure, tell me more"));
        passTime(w, Duration.ofDays(10));

        assertThat(textsTo(w, id)).hasSize(2);
        assertThat(steps(w, id)).extracting(NurtureStep::status).containsExactly(StepStatus.SENT, StepStatus.CANCELLED);
        assertThat(steps(w, id).get(1).reason())
                .hasValueSatisfying(r -> assertThat(r).contains("replied"));
        assertThat(w.adapters.ownerAlerts().ofRecruit(id))
                .singleElement()
                .satisfies(a -> assertThat(a.kind()).isEqualTo("replied"));
        assertThat(w.notices).anySatisfy(n -> assertThat(n).isInstanceOf(NurtureNotice.Replied.class));
        var view = w.view.view(id).orElseThrow();
        assertThat(view.followUps())
                .extracting(NurtureStep::status)
                .containsExactly(StepStatus.SENT, StepStatus.CANCELLED);
        assertThat(view.alerts()).hasSize(1);
        assertThat(w.view.alerts(Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void aReplyArrivingWhileTheStepWaitsForItsPermitStopsIt() {
        World w = new World("2026-02-09T10:00", NurtureSettings.playbook());
        RecruitId id = w.accept(World.lead("Dana", "Reyes", DANA, null, "NY", "Life"));
        w.runJobs();
        var contact = w.recruit(id).contactId().orElseThrow();
        java.util.concurrent.atomic.AtomicBoolean replied = new java.util.concurrent.atomic.AtomicBoolean();
        w.whileWaitingForPermit = message -> {
            if (!replied.getAndSet(true)) {
                // The webhook of the recruit's reply is applied while the follow-up waits for its permit.
                w.deliver(new GhlEvent.MessageReceived(
                        World.eventId(),
                        InMemoryGhl.LOCATION,
                        w.clock.now(),
                        contact,
                        Optional.empty(),
                        Channel.SMS,
                        "Yes, call me"));
            }
        };
        passTime(w, Duration.ofHours(5));

        assertThat(replied).isTrue();
        assertThat(textsTo(w, id)).hasSize(1); // the intro only
        NurtureStep step = steps(w, id).get(0);
        assertThat(step.status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(w.adapters
                        .messageLog()
                        .find(new io.recruitflow.domain.message.MessageKey(step.key()))
                        .orElseThrow()
                        .state())
                .isEqualTo(io.recruitflow.domain.message.SendState.REFUSED);
        assertThat(w.adapters.complianceRecord().forRecruit(id, 50))
                .anySatisfy(e -> assertThat(e.verdict().reasons())
                        .anySatisfy(r -> assertThat(r.rule())
                                .isEqualTo(io.recruitflow.application.outreach.MessageSender.CANCELLED_RULE)));
    }

    @Test
    void withTheWorkflowTriggerNoneNoOneIsEnrolledInGhlsWorkflow() {
        World w = new World(
                "2026-02-09T10:00",
                io.recruitflow.application.setup.RecruitingSettings.defaults()
                        .withWorkflowTrigger(new io.recruitflow.application.setup.WorkflowTrigger.None()),
                (adapters, advance, messages) -> java.util.Set.of(),
                io.recruitflow.application.replies.ReplySettings.defaults(),
                NurtureSettings.playbook());
        RecruitId id = w.accept(World.lead("Dana", "Reyes", DANA, null, "NY", "Life"));
        w.runJobs();
        assertThat(w.ghl.enrollments()).isEmpty();
        assertThat(w.adapters.intakeJournal().steps(id))
                .filteredOn(st -> st.step() == io.recruitflow.domain.recruit.IntakeStep.ENROLL_WORKFLOW)
                .singleElement()
                .satisfies(st -> {
                    assertThat(st.state()).isEqualTo(io.recruitflow.domain.recruit.StepState.DONE);
                    assertThat(st.detail())
                            .hasValueSatisfying(d -> assertThat(d).contains("not enrolled"));
                });
        assertThat(steps(w, id)).hasSize(1);
    }

    @Test
    void offByDefaultNothingIsPlanned() {
        World w = new World("2026-02-09T10:00");
        RecruitId id = w.accept(World.lead("Dana", "Reyes", DANA, null, "NY", "Life"));
        w.runJobs();
        passTime(w, Duration.ofDays(2));
        assertThat(steps(w, id)).isEmpty();
        assertThat(textsTo(w, id)).hasSize(1);
    }
}
