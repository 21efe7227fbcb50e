package io.recruitflow.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recruitflow.adapter.inmemory.InMemoryGhl;
import io.recruitflow.application.applyghlevent.GhlEvent;
import io.recruitflow.application.intakerecruit.IntakeSaga;
import io.recruitflow.application.outreach.DeliveryReports;
import io.recruitflow.application.recruitingfunnel.Funnel;
import io.recruitflow.application.recruitingfunnel.FunnelQuery;
import io.recruitflow.domain.message.Channel;
import io.recruitflow.domain.message.Delivery;
import io.recruitflow.domain.message.DeliveryStatus;
import io.recruitflow.domain.message.MessageId;
import io.recruitflow.domain.message.MessageRecord;
import io.recruitflow.domain.message.SendState;
import io.recruitflow.domain.pipeline.RecruitingStage;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.ContactId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12 item 8 and issue 13's caps: what GHL reports of each text's delivery, and what follows from it. */
class DeliveryStatusTest {
    World w;
    RecruitId id;
    ContactId contact;

    @BeforeEach
    void aRecruitWhoseIntroWasSent() {
        w = new World("2026-02-12T10:00");
        id = w.accept(World.lead("John", "Smith", "4075551234", null, "NY"));
        w.runJobs();
        contact = w.recruit(id).contactId().orElseThrow();
        assertThat(intro().state()).isEqualTo(SendState.SENT);
    }

    MessageRecord intro() {
        return w.adapters.messageLog().find(IntakeSaga.introKey(id)).orElseThrow();
    }

    GhlEvent.MessageSent report(MessageId messageId, String body, Optional<Delivery> delivery) {
        return new GhlEvent.MessageSent(
                World.eventId(),
                InMemoryGhl.LOCATION,
                w.clock.now(),
                contact,
                Optional.empty(),
                Channel.SMS,
                body,
                Optional.of(messageId),
                delivery);
    }

    GhlEvent.MessageSent reportOfIntro(Delivery delivery) {
        return report(intro().messageId().orElseThrow(), intro().body(), Optional.of(delivery));
    }

    Delivery failed(String reason, boolean retryable) {
        return Delivery.failed(reason, retryable, w.clock.now());
    }

    RecruitingStage stage() {
        return w.adapters
                .opportunityMirror()
                .findByContact(contact)
                .orElseThrow()
                .stage();
    }

    @Test
    void a_permanent_failure_is_recorded_with_ghls_reason_never_retried_and_the_recruit_not_contacted() {
        // The intake placed the recruit at Contacted when GHL accepted the intro; the report takes that back.
        assertThat(stage()).isEqualTo(RecruitingStage.CONTACTED);

        w.deliver(reportOfIntro(failed("unregistered sender (A2P 10DLC) (GHL: error 30034)", false)));
        w.clock.advance(Duration.ofHours(2));
        w.runJobs();

        assertThat(intro().state()).isEqualTo(SendState.SENT);
        assertThat(intro().delivery().orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(intro().delivery().orElseThrow().reason())
                .contains("unregistered sender (A2P 10DLC) (GHL: error 30034)");
        assertThat(w.ghl.sentMessages()).hasSize(1);
        assertThat(stage()).isEqualTo(RecruitingStage.first());
    }

    @Test
    void a_delivered_text_contacts_the_recruit_and_a_late_sent_does_not_regress_it() {
        w.deliver(reportOfIntro(Delivery.of(DeliveryStatus.DELIVERED, w.clock.now())));
        Instant earlier = w.clock.now().minusSeconds(5);
        w.deliver(reportOfIntro(Delivery.of(DeliveryStatus.SENT, earlier)));
        w.deliver(
                reportOfIntro(Delivery.of(DeliveryStatus.PENDING, w.clock.now().plusSeconds(5))));

        assertThat(intro().delivery().orElseThrow().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(stage()).isEqualTo(RecruitingStage.CONTACTED);
    }

    @Test
    void a_temporary_failure_is_sent_again_after_a_backoff_once_however_often_ghl_reports_it() {
        MessageId first = intro().messageId().orElseThrow();
        GhlEvent.MessageSent failure = reportOfIntro(failed("carrier network congestion (GHL: error 30017)", true));

        w.deliver(failure);
        // GHL reports the same failure again (another webhook), before and after the retry.
        w.deliver(reportOfIntro(failed("carrier network congestion (GHL: error 30017)", true)));
        assertThat(intro().state()).isEqualTo(SendState.PLANNED);
        w.runJobs();
        assertThat(w.ghl.sentMessages()).hasSize(1);

        w.clock.advance(Duration.ofMinutes(10));
        w.runJobs();
        w.deliver(report(first, intro().body(), Optional.of(failed("carrier network congestion", true))));
        w.runJobs();
        w.clock.advance(Duration.ofHours(1));
        w.runJobs();

        assertThat(w.ghl.sentMessages()).hasSize(2);
        assertThat(intro().state()).isEqualTo(SendState.SENT);
        assertThat(intro().attempts()).isEqualTo(2);
        assertThat(intro().messageId()).isPresent().isNotEqualTo(Optional.of(first));
        assertThat(intro().delivery()).isEmpty();
    }

    @Test
    void a_temporary_failure_is_retried_at_most_until_the_attempts_run_out() {
        for (int i = 0; i < 5; i++) {
            w.deliver(reportOfIntro(failed("carrier network congestion", true)));
            w.clock.advance(Duration.ofHours(2));
            w.runJobs();
        }

        assertThat(w.ghl.sentMessages()).hasSize(DeliveryReports.MAX_ATTEMPTS);
        assertThat(intro().attempts()).isEqualTo(DeliveryReports.MAX_ATTEMPTS);
        assertThat(intro().notDelivered()).isTrue();
    }

    @Test
    void texts_ghl_sent_itself_count_in_the_caps_and_our_own_text_echoed_back_counts_once() {
        Instant since = w.clock.now().minus(Duration.ofHours(24));
        assertThat(w.adapters.messageLog().possiblySentSince(contact, Channel.SMS, since))
                .hasSize(1);

        w.deliver(reportOfIntro(Delivery.of(DeliveryStatus.DELIVERED, w.clock.now())));
        w.deliver(report(
                new MessageId("wf_msg_1"),
                "A workflow text",
                Optional.of(Delivery.of(DeliveryStatus.SENT, w.clock.now()))));
        w.deliver(report(new MessageId("wf_msg_2"), "Another workflow text", Optional.empty()));
        w.deliver(report(
                new MessageId("wf_msg_2"),
                "Another workflow text",
                Optional.of(Delivery.of(DeliveryStatus.DELIVERED, w.clock.now()))));

        assertThat(w.adapters.messageLog().possiblySentSince(contact, Channel.SMS, since))
                .hasSize(3);
        assertThat(w.adapters
                        .messageLog()
                        .findByMessageId(new MessageId("wf_msg_2"))
                        .orElseThrow()
                        .delivery())
                .map(Delivery::status)
                .contains(DeliveryStatus.DELIVERED);
        // Not ours: the funnel's message counts are ours only.
        assertThat(w.funnel.funnel(new FunnelQuery(Optional.empty())).messages())
                .containsEntry(SendState.SENT, 1L);
    }

    @Test
    void a_text_ghl_never_delivered_counts_in_no_cap() {
        Instant since = w.clock.now().minus(Duration.ofHours(24));

        w.deliver(report(new MessageId("wf_failed"), "A workflow text", Optional.of(failed("invalid number", false))));

        assertThat(w.adapters.messageLog().possiblySentSince(contact, Channel.SMS, since))
                .hasSize(1);
    }

    @Test
    void a_report_of_our_own_text_still_in_flight_waits_for_the_send_to_be_recorded() {
        MessageRecord sending = w.adapters
                .messageLog()
                .plan(MessageRecord.planned(
                                new io.recruitflow.domain.message.MessageKey("follow-up/1"),
                                intro().toOutgoing(),
                                Optional.empty(),
                                w.clock.now())
                        .sending(w.clock.now()));

        assertThatThrownBy(() -> w.deliver(report(new MessageId("msg_in_flight"), sending.body(), Optional.empty())))
                .isInstanceOf(DeliveryReports.SendInFlight.class)
                .hasMessageNotContaining("4075551234");
        assertThat(w.adapters.messageLog().findByMessageId(new MessageId("msg_in_flight")))
                .isEmpty();
    }

    @Test
    void the_funnel_counts_texts_not_delivered_apart_from_the_delivered_ones_and_lists_them() {
        w.deliver(reportOfIntro(failed("unregistered sender (A2P 10DLC)", false)));

        Funnel f = w.funnel.funnel(new FunnelQuery(Optional.of(InMemoryGhl.LOCATION)));

        assertThat(f.deliveries()).containsEntry(DeliveryStatus.FAILED, 1L).containsEntry(DeliveryStatus.DELIVERED, 0L);
        assertThat(f.notDelivered()).singleElement().satisfies(t -> {
            assertThat(t.key()).isEqualTo(IntakeSaga.introKey(id));
            assertThat(t.reason()).isEqualTo("unregistered sender (A2P 10DLC)");
            assertThat(t.retrying()).isFalse();
        });
    }

    @Test
    void a_report_of_a_retry_still_in_flight_waits_too_although_the_record_carries_the_failed_attempts_id() {
        w.deliver(reportOfIntro(failed("carrier network congestion", true)));
        MessageRecord planned = intro();
        MessageRecord sending = planned.sending(w.clock.now());
        w.adapters.messageLog().transition(planned.key(), SendState.PLANNED, sending);
        assertThat(sending.messageId()).isPresent();

        assertThatThrownBy(() -> w.deliver(report(
                        new MessageId("msg_retry"),
                        sending.body(),
                        Optional.of(Delivery.of(DeliveryStatus.DELIVERED, w.clock.now())))))
                .isInstanceOf(DeliveryReports.SendInFlight.class);
        assertThat(w.adapters.messageLog().findByMessageId(new MessageId("msg_retry")))
                .isEmpty();
    }
}
