package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.LOCATION;
import static io.recruitflow.contracts.Fixtures.OTHER_LOCATION;
import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.plannedSms;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.message.SentMessage;
import io.recruitflow.domain.shared.ContactId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageLog} must do. A text's send instant (for {@link MessageLog#possiblySentSince}) is the
 * {@code updatedAt} of its {@code SENT} record.
 */
public abstract class MessageLogContract {

    /** A new, empty log; called once per test. */
    protected abstract MessageLog newMessageLog();

    private MessageLog log;
    private final ContactId contact = new ContactId("ct_msg_1");

    @BeforeEach
    void createLog() {
        log = newMessageLog();
    }

    private MessageRecord sentAt(String key, ContactId to, Channel channel, Instant sent) {
        MessageRecord planned = plannedSms(key, LOCATION, to, sent.minusSeconds(60), Optional.empty());
        if (channel == Channel.EMAIL) {
            planned = new MessageRecord(
                    planned.key(),
                    planned.location(),
                    to,
                    Channel.EMAIL,
                    "<p>Hi</p>",
                    Optional.of("Hello"),
                    SendState.PLANNED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    planned.createdAt(),
                    planned.updatedAt());
        }
        log.plan(planned);
        MessageRecord sending = planned.sending(sent.minusSeconds(1));
        assertThat(log.transition(planned.key(), SendState.PLANNED, sending)).isTrue();
        MessageRecord sentRecord =
                sending.sent(new SentMessage(new MessageId("msg_" + key), new ConversationId("conv_1")), sent);
        assertThat(log.transition(planned.key(), SendState.SENDING, sentRecord)).isTrue();
        return sentRecord;
    }

    @Test
    void plan_stores_a_new_record_and_returns_it() {
        MessageRecord planned = plannedSms("intro/1", LOCATION, contact, at(0), Optional.empty());

        assertThat(log.plan(planned)).isEqualTo(planned);

        assertThat(log.find(planned.key())).contains(planned);
        assertThat(log.find(new MessageKey("intro/none"))).isEmpty();
    }

    @Test
    void plan_of_a_known_key_returns_the_stored_record_and_changes_nothing() {
        MessageRecord planned = plannedSms("intro/1", LOCATION, contact, at(0), Optional.empty());
        log.plan(planned);
        MessageRecord sending = planned.sending(at(1));
        log.transition(planned.key(), SendState.PLANNED, sending);
        MessageRecord other = new MessageRecord(
                planned.key(),
                LOCATION,
                contact,
                Channel.SMS,
                "a different body",
                Optional.empty(),
                SendState.PLANNED,
                Optional.of(at(9)),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                0,
                at(2),
                at(2));

        assertThat(log.plan(other)).isEqualTo(sending);

        assertThat(log.find(planned.key())).contains(sending);
    }

    @Test
    void concurrent_plans_of_one_key_store_one_record_and_all_get_it() {
        List<MessageRecord> results = Concurrently.run(
                8, i -> () -> log.plan(plannedSms("intro/race", LOCATION, contact, at(i), Optional.empty())));

        MessageRecord stored = log.find(new MessageKey("intro/race")).orElseThrow();
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(stored));
    }

    @Test
    void transition_is_compare_and_set_on_the_state() {
        MessageRecord planned = plannedSms("intro/1", LOCATION, contact, at(0), Optional.empty());
        log.plan(planned);
        MessageRecord sending = planned.sending(at(1));

        assertThat(log.transition(planned.key(), SendState.PLANNED, sending)).isTrue();
        assertThat(log.find(planned.key())).contains(sending);

        assertThat(log.transition(planned.key(), SendState.PLANNED, planned.sending(at(2))))
                .isFalse();
        assertThat(log.find(planned.key())).contains(sending);

        MessageRecord sent = sending.sent(new SentMessage(new MessageId("msg_1"), new ConversationId("conv_1")), at(3));
        assertThat(log.transition(planned.key(), SendState.SENDING, sent)).isTrue();
        assertThat(log.find(planned.key())).contains(sent);
    }

    @Test
    void transition_of_an_unknown_key_does_nothing() {
        MessageRecord ghost = plannedSms("intro/ghost", LOCATION, contact, at(0), Optional.empty());

        assertThat(log.transition(ghost.key(), SendState.PLANNED, ghost.sending(at(1))))
                .isFalse();

        assertThat(log.find(ghost.key())).isEmpty();
    }

    @Test
    void of_concurrent_transitions_from_the_same_state_exactly_one_wins() {
        MessageRecord planned = plannedSms("intro/1", LOCATION, contact, at(0), Optional.empty());
        log.plan(planned);

        List<Boolean> won = Concurrently.run(
                8, i -> () -> log.transition(planned.key(), SendState.PLANNED, planned.sending(at(i + 1))));

        assertThat(won).filteredOn(Boolean::booleanValue).hasSize(1);
        int winner = won.indexOf(true);
        assertThat(log.find(planned.key())).contains(planned.sending(at(winner + 1)));
    }

    @Test
    void possiblySentSince_lists_the_texts_that_may_have_reached_the_contact_since_an_instant() {
        sentAt("t1", contact, Channel.SMS, at(10));
        sentAt("t2", contact, Channel.SMS, at(20));
        sentAt("t0", contact, Channel.SMS, at(1));
        sentAt("e1", contact, Channel.EMAIL, at(15));
        sentAt("o1", new ContactId("ct_other"), Channel.SMS, at(15));
        log.plan(plannedSms("planned", LOCATION, contact, at(12), Optional.empty()));
        MessageRecord failing = plannedSms("failed", LOCATION, contact, at(13), Optional.empty());
        log.plan(failing);
        log.transition(failing.key(), SendState.PLANNED, failing.failed("GHL 400", at(14)));

        MessageRecord inFlight = plannedSms("in-flight", LOCATION, contact, at(16), Optional.empty());
        log.plan(inFlight);
        log.transition(inFlight.key(), SendState.PLANNED, inFlight.sending(at(17)));
        MessageRecord timedOut = plannedSms("timed-out", LOCATION, contact, at(18), Optional.empty());
        log.plan(timedOut);
        log.transition(timedOut.key(), SendState.PLANNED, timedOut.sending(at(18)));
        log.transition(
                timedOut.key(), SendState.SENDING, timedOut.sending(at(18)).unknown("timeout", at(19)));

        // Sent, being sent and of unknown outcome all count; planned and failed do not.
        assertThat(log.possiblySentSince(contact, Channel.SMS, at(5)))
                .containsExactlyInAnyOrder(at(10), at(17), at(19), at(20));
        assertThat(log.possiblySentSince(contact, Channel.SMS, at(0)))
                .containsExactlyInAnyOrder(at(1), at(10), at(17), at(19), at(20));
        assertThat(log.possiblySentSince(contact, Channel.EMAIL, at(0))).containsExactly(at(15));
        assertThat(log.possiblySentSince(contact, Channel.SMS, at(30))).isEmpty();
    }

    @Test
    void due_lists_planned_messages_whose_time_has_come_oldest_first() {
        MessageRecord immediate = plannedSms("m1", LOCATION, contact, at(0), Optional.empty());
        MessageRecord deferredPast = plannedSms("m2", LOCATION, contact, at(1), Optional.of(at(5)));
        MessageRecord deferredExactlyNow = plannedSms("m3", LOCATION, contact, at(2), Optional.of(at(10)));
        MessageRecord deferredFuture = plannedSms("m4", LOCATION, contact, at(3), Optional.of(at(11)));
        MessageRecord sending = plannedSms("m5", LOCATION, contact, at(0), Optional.empty());
        for (MessageRecord r : List.of(deferredFuture, deferredExactlyNow, sending, deferredPast, immediate)) {
            log.plan(r);
        }
        log.transition(sending.key(), SendState.PLANNED, sending.sending(at(1)));

        assertThat(log.due(at(10), 10)).containsExactly(immediate, deferredPast, deferredExactlyNow);
        assertThat(log.due(at(10), 2)).containsExactly(immediate, deferredPast);
        assertThat(log.due(at(4), 10)).containsExactly(immediate);
        assertThat(log.due(at(11), 10)).containsExactly(immediate, deferredPast, deferredExactlyNow, deferredFuture);
    }

    @Test
    void a_replanned_message_is_due_again_at_its_new_time() {
        MessageRecord planned = plannedSms("m1", LOCATION, contact, at(0), Optional.empty());
        log.plan(planned);
        MessageRecord sending = planned.sending(at(1));
        log.transition(planned.key(), SendState.PLANNED, sending);
        assertThat(log.due(at(2), 10)).isEmpty();

        log.transition(planned.key(), SendState.SENDING, sending.replanned(at(60), "quiet hours", at(2)));

        assertThat(log.due(at(59), 10)).isEmpty();
        assertThat(log.due(at(60), 10)).extracting(MessageRecord::key).containsExactly(planned.key());
    }

    @Test
    void countByState_has_every_state_and_filters_by_location() {
        assertThat(log.countByState(Optional.empty()))
                .containsOnlyKeys(SendState.values())
                .allSatisfy((s, n) -> assertThat(n).isZero());
        log.plan(plannedSms("a", LOCATION, contact, at(0), Optional.empty()));
        log.plan(plannedSms("b", OTHER_LOCATION, contact, at(0), Optional.empty()));
        sentAt("c", contact, Channel.SMS, at(3));

        Map<SendState, Long> inA = log.countByState(Optional.of(LOCATION));
        assertThat(inA).containsOnlyKeys(SendState.values());
        assertThat(inA)
                .containsEntry(SendState.PLANNED, 1L)
                .containsEntry(SendState.SENT, 1L)
                .containsEntry(SendState.FAILED, 0L);
        assertThat(log.countByState(Optional.empty())).containsEntry(SendState.PLANNED, 2L);
    }
}
