package io.recruitflow.contracts;

import static io.recruitflow.contracts.Fixtures.LOCATION;
import static io.recruitflow.contracts.Fixtures.OTHER_LOCATION;
import static io.recruitflow.contracts.Fixtures.at;
import static io.recruitflow.contracts.Fixtures.plannedSms;
import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.ConversationId;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.message.MessageLog;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.message.SentMessage;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.LocationId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MessageLog} must do with delivery reports: store them, find a text by the CRM's message id,
 * count the texts the CRM sent on its own in the caps (once, never as well as our own report of the same text),
 * and count and list the texts that did not reach the phone apart from those sent.
 */
public abstract class MessageDeliveryContract {

    /** A new, empty log; called once per test. */
    protected abstract MessageLog newMessageLog();

    private MessageLog log;
    private final ContactId contact = new ContactId("ct_delivery_1");

    @BeforeEach
    void createLog() {
        log = newMessageLog();
    }

    private MessageRecord sent(String key, LocationId location, String messageId, Instant at) {
        MessageRecord planned = plannedSms(key, location, contact, at.minusSeconds(60), Optional.empty());
        log.plan(planned);
        MessageRecord sending = planned.sending(at.minusSeconds(1));
        assertThat(log.transition(planned.key(), SendState.PLANNED, sending)).isTrue();
        MessageRecord done = sending.sent(new SentMessage(new MessageId(messageId), new ConversationId("conv_1")), at);
        assertThat(log.transition(planned.key(), SendState.SENDING, done)).isTrue();
        return done;
    }

    private MessageRecord reported(String messageId, Instant at) {
        return MessageRecord.reportedByCrm(
                new MessageId(messageId),
                LOCATION,
                contact,
                Channel.SMS,
                "a workflow text",
                Optional.of(new ConversationId("conv_1")),
                at,
                Optional.of(Delivery.of(DeliveryStatus.DELIVERED, at)));
    }

    @Test
    void a_delivery_report_is_stored_and_read_back_and_keeps_the_send_instant() {
        MessageRecord sent = sent("intro/1", LOCATION, "msg_1", at(10));
        MessageRecord failed = sent.withDelivery(Delivery.failed("unregistered sender (error 30034)", false, at(12)));

        assertThat(log.transition(sent.key(), SendState.SENT, failed)).isTrue();

        MessageRecord stored = log.find(sent.key()).orElseThrow();
        assertThat(stored).isEqualTo(failed);
        assertThat(stored.delivery().orElseThrow().reason()).contains("unregistered sender (error 30034)");
        assertThat(stored.updatedAt()).isEqualTo(at(10));
        assertThat(log.possiblySentSince(contact, Channel.SMS, at(0))).containsExactly(at(10));
    }

    @Test
    void find_by_message_id_prefers_our_record_to_a_reported_one() {
        log.plan(reported("msg_1", at(9)));
        assertThat(log.findByMessageId(new MessageId("msg_1")).orElseThrow().reported())
                .isTrue();

        MessageRecord ours = sent("intro/1", LOCATION, "msg_1", at(10));

        assertThat(log.findByMessageId(new MessageId("msg_1"))).contains(ours);
        assertThat(log.findByMessageId(new MessageId("msg_none"))).isEmpty();
    }

    @Test
    void the_caps_count_texts_the_crm_sent_on_its_own_but_each_text_once() {
        sent("intro/1", LOCATION, "msg_ours", at(10));
        log.plan(reported("msg_workflow", at(20)));
        // The CRM's report of our own text, stored before our send was recorded: the same message id.
        log.plan(reported("msg_ours", at(10)));

        assertThat(log.possiblySentSince(contact, Channel.SMS, at(0))).containsExactly(at(10), at(20));
    }

    @Test
    void reported_texts_are_not_ours_in_the_counts() {
        sent("intro/1", LOCATION, "msg_1", at(10));
        log.plan(reported("msg_workflow", at(20)));

        assertThat(log.countByState(Optional.of(LOCATION))).containsEntry(SendState.SENT, 1L);
        assertThat(log.countByDelivery(Optional.of(LOCATION)))
                .containsEntry(DeliveryStatus.PENDING, 1L)
                .containsEntry(DeliveryStatus.DELIVERED, 0L);
        assertThat(log.ofContact(contact))
                .extracting(r -> r.key().value())
                .containsExactly("intro/1", "crm/msg_workflow");
    }

    @Test
    void deliveries_are_counted_by_status_and_failures_listed_newest_first() {
        MessageRecord a = sent("intro/a", LOCATION, "msg_a", at(10));
        MessageRecord b = sent("intro/b", LOCATION, "msg_b", at(11));
        MessageRecord c = sent("intro/c", LOCATION, "msg_c", at(12));
        MessageRecord d = sent("intro/d", OTHER_LOCATION, "msg_d", at(13));
        sent("intro/e", LOCATION, "msg_e", at(14));
        log.transition(a.key(), SendState.SENT, a.withDelivery(Delivery.of(DeliveryStatus.DELIVERED, at(20))));
        log.transition(b.key(), SendState.SENT, b.withDelivery(Delivery.failed("invalid number", false, at(21))));
        log.transition(
                c.key(), SendState.SENT, c.withDelivery(Delivery.undelivered("carrier congestion", true, at(22))));
        log.transition(d.key(), SendState.SENT, d.withDelivery(Delivery.failed("dnd", false, at(23))));

        assertThat(log.countByDelivery(Optional.of(LOCATION)))
                .containsEntry(DeliveryStatus.DELIVERED, 1L)
                .containsEntry(DeliveryStatus.FAILED, 1L)
                .containsEntry(DeliveryStatus.UNDELIVERED, 1L)
                .containsEntry(DeliveryStatus.PENDING, 1L)
                .containsEntry(DeliveryStatus.READ, 0L);
        assertThat(log.countByDelivery(Optional.empty())).containsEntry(DeliveryStatus.FAILED, 2L);
        assertThat(log.notDelivered(Optional.of(LOCATION), 10))
                .extracting(MessageRecord::key)
                .containsExactly(c.key(), b.key());
        assertThat(log.notDelivered(Optional.empty(), 1))
                .extracting(MessageRecord::key)
                .containsExactly(d.key());
    }

    @Test
    void a_failed_text_planned_again_keeps_its_report_until_it_is_sent_again() {
        MessageRecord sent = sent("intro/1", LOCATION, "msg_1", at(10));
        MessageRecord failed = sent.withDelivery(Delivery.undelivered("carrier congestion", true, at(12)));
        MessageRecord again = failed.replanned(at(20), "sending again", at(12));
        log.transition(sent.key(), SendState.SENT, again);

        assertThat(log.find(new MessageKey("intro/1")).orElseThrow().delivery())
                .contains(failed.delivery().get());
        assertThat(log.countByDelivery(Optional.of(LOCATION))).containsEntry(DeliveryStatus.UNDELIVERED, 1L);
        assertThat(log.possiblySentSince(contact, Channel.SMS, at(0))).isEmpty();
        assertThat(log.due(at(20), 10)).extracting(MessageRecord::key).containsExactly(sent.key());
    }
}
