package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.GhlFaults;
import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.EventOutcome;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.application.replies.ReplyAnswers;
import io.recruitflow.application.replies.ReplySettings;
import io.recruitflow.application.replies.ReviewRepliesUseCase;
import io.recruitflow.application.sendrecruitmessage.SendRecruitMessageCommand;
import io.recruitflow.application.setup.RecruitUpdater;
import io.recruitflow.application.setup.RecruitingSettings;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.RecruitReply;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.OpportunityStatus;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.ExternalFailure;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies that touch consent: the opt-out and its one confirmation (within five minutes, exactly once), the
 * reply held for a person's review, START and HELP.
 */
class RepliesTest {
    static final String CONFIRMATION = ReplySettings.DEFAULT_CONFIRMATION;

    World w;
    RecruitId id;
    ContactId contact;

    @BeforeEach
    void aContactedRecruit() {
        w = new World("2026-02-12T10:00");
        start();
    }

    private void start() {
        id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();
        contact = w.recruit(id).contactId().orElseThrow();
    }

    GhlEvent.MessageReceived reply(String body) {
        w.clock.advance(Duration.ofMinutes(1));
        return new GhlEvent.MessageReceived(
                World.eventId(), InMemoryGhl.LOCATION, w.clock.now(), contact, Optional.empty(), Channel.SMS, body);
    }

    List<String> textsTo() {
        return w.ghl.sentMessages().stream()
                .filter(m -> m.contact().equals(contact))
                .map(ConversationMessage::body)
                .toList();
    }

    long confirmations() {
        return textsTo().stream().filter(CONFIRMATION::equals).count();
    }

    SendOutcome followUp(String key) {
        return w.messages.send(new SendRecruitMessageCommand(
                id, Channel.SMS, "Following up on my text", Optional.empty(), new MessageKey(key)));
    }

    // ---- the opt-out and its confirmation

    @Test
    void pleaseStopTextingMeOptsOutAndGetsExactlyOneConfirmationWithNothingElse() {
        GhlEvent.MessageReceived stop = reply("Please stop texting me");
        assertThat(w.deliver(stop)).isInstanceOf(EventOutcome.Applied.class);
        w.runJobs();

        assertThat(w.recruit(id).consent().optedOut()).isTrue();
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .status())
                .isEqualTo(OpportunityStatus.LOST);
        assertThat(textsTo()).hasSize(2).last().isEqualTo(CONFIRMATION);
        RecruitReply recorded = w.adapters.recruitReplies().find(stop.eventId()).orElseThrow();
        assertThat(recorded.kind()).isEqualTo(RecruitReply.Kind.OPT_OUT);
        assertThat(recorded.body())
                .as("the text of a clear opt-out is not kept")
                .isEmpty();
        assertThat(recorded.answer()).hasValueSatisfying(a -> assertThat(a).startsWith("sent at"));

        // Nothing else goes out afterwards, and a second STOP gets no second confirmation.
        assertThat(followUp("follow-up/after-stop")).isInstanceOf(SendOutcome.Refused.class);
        w.deliver(reply("STOP"));
        w.runJobs();
        assertThat(confirmations()).isEqualTo(1);
    }

    @Test
    void aDuplicateWebhookOfTheOptOutSendsOneConfirmation() {
        GhlEvent.MessageReceived stop = reply("stop");
        w.deliver(stop);
        // The same event again (GHL's retry) and the same message under another event id.
        w.deliver(stop);
        w.deliver(new GhlEvent.MessageReceived(
                "other-" + stop.eventId(),
                stop.location(),
                stop.occurredAt(),
                contact,
                Optional.empty(),
                Channel.SMS,
                stop.body()));
        w.runJobs();
        w.runJobs();
        assertThat(confirmations()).isEqualTo(1);
    }

    @Test
    void aCrashAfterGhlTookTheConfirmationDoesNotSendASecond() {
        w.ghl.faults()
                .failAfterNext(GhlFaults.Operation.MESSAGE_SEND, new ExternalFailure.OutcomeUnknown("read timed out"));
        w.deliver(reply("STOP"));
        w.runJobs();
        // The job runs again after the in-flight window and finds the message in the conversation.
        w.clock.advance(Duration.ofSeconds(61));
        w.runJobs();
        w.clock.advance(Duration.ofSeconds(61));
        w.runJobs();
        assertThat(confirmations()).isEqualTo(1);
        assertThat(w.adapters.messageLog().find(confirmationKey()).orElseThrow().state())
                .isEqualTo(SendState.SENT);
    }

    @Test
    void aFailedConfirmationIsRetriedWithinTheFiveMinutes() {
        w.ghl.faults().failNext(GhlFaults.Operation.MESSAGE_SEND, new ExternalFailure.Unavailable("503"));
        w.deliver(reply("STOP"));
        w.runJobs();
        w.clock.advance(Duration.ofSeconds(30));
        w.runJobs();
        assertThat(confirmations()).isEqualTo(1);
    }

    @Test
    void moreThanFiveMinutesLateTheConfirmationIsSkippedAndRecorded() {
        GhlEvent.MessageReceived stop = reply("STOP");
        w.deliver(stop);
        // The job queue was down: it runs six minutes after the recruit's STOP.
        w.clock.advance(Duration.ofMinutes(6));
        w.runJobs();

        assertThat(confirmations()).isZero();
        assertThat(w.recruit(id).consent().optedOut()).isTrue();
        MessageRecord record = w.adapters.messageLog().find(confirmationKey()).orElseThrow();
        assertThat(record.state()).isEqualTo(SendState.REFUSED);
        assertThat(record.detail()).hasValueSatisfying(d -> assertThat(d).contains("64.1200(a)(12)"));
        assertThat(w.adapters
                        .recruitReplies()
                        .find(stop.eventId())
                        .orElseThrow()
                        .answer())
                .hasValueSatisfying(a -> assertThat(a).startsWith("skipped: "));
    }

    @Test
    void theFiveMinutesAreCheckedAtTheMomentOfSendingAfterTheRateLimitWait() {
        GhlEvent.MessageReceived stop = reply("STOP");
        w.deliver(stop);
        // The permit comes five minutes later: the gate, asked after the wait, withholds the text.
        MessageSender sender = w.senderWaiting(() -> w.clock.advance(Duration.ofMinutes(5)));
        ReplyAnswers answers =
                new ReplyAnswers(w.adapters.recruitReplies(), w.adapters.recruits(), sender, w.replySettings);
        answers.run(new JobPayload.AnswerReply(stop.eventId(), id));
        assertThat(confirmations()).isZero();
        assertThat(w.adapters.messageLog().find(confirmationKey()).orElseThrow().state())
                .isEqualTo(SendState.REFUSED);
    }

    @Test
    void theConfirmationGoesOutAtNightItIsNoSolicitation() {
        w = new World("2026-02-12T22:30");
        start();
        w.deliver(reply("Remove me from your list"));
        w.runJobs();
        assertThat(confirmations()).isEqualTo(1);
    }

    @Test
    void doNotDisturbInGhlSkipsTheConfirmationAndSaysWhy() {
        RecruitUpdater.update(
                w.adapters.recruits(), id, r -> r.withConsent(r.consent().dndReported(true, true, w.clock.now())));
        GhlEvent.MessageReceived stop = reply("STOP");
        w.deliver(stop);
        w.runJobs();
        assertThat(confirmations()).isZero();
        assertThat(w.adapters
                        .recruitReplies()
                        .find(stop.eventId())
                        .orElseThrow()
                        .answer())
                .hasValueSatisfying(a -> assertThat(a).contains("do-not-disturb"));
    }

    @Test
    void confirmationsSwitchedOffSendNone() {
        w = new World(
                "2026-02-12T10:00",
                RecruitingSettings.defaults(),
                new ReplySettings(false, CONFIRMATION, ReplySettings.DEFAULT_HELP));
        start();
        GhlEvent.MessageReceived stop = reply("STOP");
        w.deliver(stop);
        w.runJobs();
        assertThat(confirmations()).isZero();
        assertThat(w.recruit(id).consent().optedOut()).isTrue();
        assertThat(w.adapters
                        .recruitReplies()
                        .find(stop.eventId())
                        .orElseThrow()
                        .answer())
                .hasValueSatisfying(a -> assertThat(a).startsWith("off"));
    }

    // ---- a reply held for review

    @Test
    void anUnclearReplyHoldsEveryTextUntilAPersonReleasesIt() {
        GhlEvent.MessageReceived unclear = reply("Not interested");
        assertThat(w.deliver(unclear)).isInstanceOf(EventOutcome.Applied.class);
        RecruitReply held = w.adapters.recruitReplies().holding(id).orElseThrow();
        assertThat(held.body()).contains("Not interested");
        assertThat(held.why()).isNotBlank();
        assertThat(w.recruit(id).consent().optedOut()).isFalse();

        SendOutcome outcome = followUp("follow-up/held");
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Deferred.class, d -> assertThat(d.reason()).contains("review"));
        assertThat(textsTo()).hasSize(1);

        ReviewRepliesUseCase.Resolution resolution = w.replies.resolve(unclear.eventId(), false, "admin");
        assertThat(resolution).isInstanceOf(ReviewRepliesUseCase.Resolution.Decided.class);
        RecruitReply decided =
                w.adapters.recruitReplies().find(unclear.eventId()).orElseThrow();
        assertThat(decided.decision()).hasValueSatisfying(d -> {
            assertThat(d.optOut()).isFalse();
            assertThat(d.decidedBy()).isEqualTo("admin");
        });
        w.clock.advance(MessageSender.HOLD_RECHECK);
        w.runJobs();
        assertThat(textsTo()).contains("Following up on my text");
        assertThat(w.replies.resolve(unclear.eventId(), true, "admin"))
                .isInstanceOf(ReviewRepliesUseCase.Resolution.AlreadyDecided.class);
    }

    @Test
    void aReviewDecidedAsAnOptOutWithdrawsConsentAndConfirmsWithinTheFiveMinutes() {
        GhlEvent.MessageReceived unclear = reply("Wrong number");
        w.deliver(unclear);
        w.clock.advance(Duration.ofMinutes(2));
        w.replies.resolve(unclear.eventId(), true, "admin");
        w.runJobs();
        assertThat(w.recruit(id).consent().optedOut()).isTrue();
        assertThat(w.adapters.recruitReplies().holding(id)).isEmpty();
        assertThat(confirmations()).isEqualTo(1);
    }

    @Test
    void aReviewDecidedAsAnOptOutAfterTheFiveMinutesIsNotConfirmed() {
        GhlEvent.MessageReceived unclear = reply("Wrong number");
        w.deliver(unclear);
        w.clock.advance(Duration.ofHours(2));
        w.replies.resolve(unclear.eventId(), true, "admin");
        w.runJobs();
        assertThat(w.recruit(id).consent().optedOut()).isTrue();
        assertThat(confirmations()).isZero();
        assertThat(w.adapters
                        .recruitReplies()
                        .find(unclear.eventId())
                        .orElseThrow()
                        .answer())
                .hasValueSatisfying(a -> assertThat(a).startsWith("skipped: "));
    }

    @Test
    void theHoldIsCheckedAgainAtTheMomentOfSending() {
        // The unclear reply arrives while the follow-up waits for its rate-limit permit.
        MessageSender sender = w.senderWaiting(() -> w.deliver(reply("No thanks")));
        Recruit recruit = w.recruit(id);
        SendOutcome outcome = sender.send(
                recruit, new MessageKey("follow-up/race"), OutgoingMessage.sms(InMemoryGhl.LOCATION, contact, "Hi?"));
        assertThat(outcome).isInstanceOf(SendOutcome.Deferred.class);
        assertThat(textsTo()).doesNotContain("Hi?");
    }

    @Test
    void aClearOptOutAfterAnUnclearReplyClosesTheReview() {
        GhlEvent.MessageReceived unclear = reply("No thanks");
        w.deliver(unclear);
        w.deliver(reply("STOP"));
        w.runJobs();
        assertThat(w.adapters.recruitReplies().holding(id)).isEmpty();
        assertThat(w.adapters
                        .recruitReplies()
                        .find(unclear.eventId())
                        .orElseThrow()
                        .decision())
                .hasValueSatisfying(d -> assertThat(d.optOut()).isTrue());
        assertThat(confirmations()).isEqualTo(1);
    }

    // ---- START and HELP

    @Test
    void startAfterAnOptOutGrantsConsentAgainAndIsRecordedWithItsReason() {
        w.deliver(reply("STOP"));
        w.runJobs();
        GhlEvent.MessageReceived start = reply("START");
        w.deliver(start);
        assertThat(w.recruit(id).consent().optedOut()).isFalse();
        RecruitReply recorded =
                w.adapters.recruitReplies().find(start.eventId()).orElseThrow();
        assertThat(recorded.kind()).isEqualTo(RecruitReply.Kind.OPT_IN);
        assertThat(recorded.why()).contains("CTIA");
        assertThat(followUp("follow-up/after-start")).isInstanceOf(SendOutcome.Sent.class);
    }

    @Test
    void startNeverClearsDoNotDisturbSetInGhl() {
        w.deliver(reply("STOP"));
        RecruitUpdater.update(
                w.adapters.recruits(), id, r -> r.withConsent(r.consent().dndReported(true, true, w.clock.now())));
        w.deliver(reply("UNSTOP"));
        assertThat(w.recruit(id).consent().optedOut()).isFalse();
        assertThat(w.recruit(id).consent().dnd()).isTrue();
        assertThat(followUp("follow-up/dnd")).isInstanceOf(SendOutcome.Refused.class);
    }

    @Test
    void aStartOlderThanTheOptOutChangesNothing() {
        GhlEvent.MessageReceived start = reply("START");
        GhlEvent.MessageReceived stop = reply("STOP");
        // GHL delivers in no particular order: the later STOP first.
        w.deliver(stop);
        w.deliver(start);
        assertThat(w.recruit(id).consent().optedOut()).isTrue();
    }

    @Test
    void helpIsAnsweredOncePerHelpMessageAndTheAnswerCountsTowardsTheCaps() {
        GhlEvent.MessageReceived help = reply("HELP");
        w.deliver(help);
        w.deliver(help);
        w.runJobs();
        assertThat(textsTo()).filteredOn(ReplySettings.DEFAULT_HELP::equals).hasSize(1);
        w.deliver(reply("help"));
        w.runJobs();
        assertThat(textsTo()).filteredOn(ReplySettings.DEFAULT_HELP::equals).hasSize(2);
        assertThat(w.adapters
                        .messageLog()
                        .possiblySentSince(contact, Channel.SMS, w.clock.now().minus(Duration.ofHours(1))))
                .as("the intro and both help texts")
                .hasSize(3);
        // HELP is not interest: the recruit stays where they were.
        assertThat(w.adapters
                        .opportunityMirror()
                        .findByContact(contact)
                        .orElseThrow()
                        .stage())
                .isNotEqualTo(RecruitingStage.INTERESTED);
    }

    @Test
    void helpIsAnsweredEvenAfterAnOptOut() {
        w.deliver(reply("STOP"));
        w.deliver(reply("HELP"));
        w.runJobs();
        assertThat(textsTo()).contains(ReplySettings.DEFAULT_HELP);
    }

    private MessageKey confirmationKey() {
        RecruitReply optOut = w.adapters.recruitReplies().all().stream()
                .filter(r -> r.kind() == RecruitReply.Kind.OPT_OUT)
                .findFirst()
                .orElseThrow();
        return ReplyAnswers.keyOf(optOut);
    }
}
