package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.outreach.MessageSender;
import io.recruitflow.application.outreach.SendOutcome;
import io.recruitflow.domain.message.ConversationMessage;
import io.recruitflow.domain.message.Conversations;
import io.recruitflow.domain.message.Dispatch;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.OutgoingMessage;
import io.recruitflow.domain.message.SendGate;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules are applied again at the moment a text would leave: a text allowed at 20:57 whose hand-over is
 * held up past the end of the window (a rate-limit permit, a slow queue) is deferred, not sent late.
 */
class DecideAtTheMomentOfSendingTest {
    @Test
    void aTextHeldUpPastTheWindowIsDeferredNotSentLate() {
        World w = new World("2026-02-12T20:50"); // Thursday, New York
        var id = w.accept(World.lead("Dana", "Reyes", "2125550101", null, "NY", "Life"));
        w.runJobs(); // the intake: contact, opportunity, intro at 20:50
        w.clock.advance(Duration.ofMinutes(6));
        Recruit recruit = w.recruit(id);
        // Stands for the GHL adapter: the hand-over waits three minutes for its permit, then asks the gate.
        Conversations slow = new Conversations() {
            @Override
            public Dispatch send(OutgoingMessage message, SendGate gate) {
                w.clock.advance(Duration.ofMinutes(3));
                return w.ghl.conversations().send(message, gate);
            }

            @Override
            public Stream<ConversationMessage> messagesWith(LocationId location, ContactId of) {
                return w.ghl.conversations().messagesWith(location, of);
            }
        };
        MessageSender sender = new MessageSender(
                w.adapters.messageLog(),
                slow,
                w.recipients,
                w.settings,
                w.adapters.jobQueue(),
                w.suspended,
                w.adapters.recruitReplies(),
                w.clock);
        Instant decidedAt = w.clock.now();

        SendOutcome outcome = sender.send(
                recruit,
                new MessageKey("check-in/held"),
                OutgoingMessage.sms(InMemoryGhl.LOCATION, recruit.contactId().orElseThrow(), "Still there?"));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        SendOutcome.Deferred.class,
                        d -> assertThat(d.until()).isAfter(decidedAt.plus(Duration.ofHours(10))));
        assertThat(w.ghl.sentMessages()).noneMatch(m -> m.body().equals("Still there?"));
        assertThat(w.adapters
                        .messageLog()
                        .find(new MessageKey("check-in/held"))
                        .orElseThrow()
                        .state())
                .isEqualTo(SendState.PLANNED);
    }
}
