package io.recruitflow.domain.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryTest {
    private static final Instant T = Instant.parse("2026-12-01T10:00:00Z");

    private static Instant t(int seconds) {
        return T.plusSeconds(seconds);
    }

    @Test
    void a_later_stage_replaces_an_earlier_one() {
        Delivery pending = Delivery.of(DeliveryStatus.PENDING, t(0));
        Delivery sent = Delivery.of(DeliveryStatus.SENT, t(1));
        Delivery delivered = Delivery.of(DeliveryStatus.DELIVERED, t(2));
        Delivery read = Delivery.of(DeliveryStatus.READ, t(3));

        assertThat(pending.then(sent)).isEqualTo(sent);
        assertThat(sent.then(delivered)).isEqualTo(delivered);
        assertThat(delivered.then(read)).isEqualTo(read);
    }

    @Test
    void a_late_sent_never_overwrites_delivered_nor_failed() {
        Delivery delivered = Delivery.of(DeliveryStatus.DELIVERED, t(2));
        Delivery failed = Delivery.failed("invalid number", false, t(2));
        Delivery lateSent = Delivery.of(DeliveryStatus.SENT, t(1));
        Delivery lateButNewerSent = Delivery.of(DeliveryStatus.SENT, t(5));

        assertThat(delivered.then(lateSent)).isEqualTo(delivered);
        assertThat(delivered.then(lateButNewerSent)).isEqualTo(delivered);
        assertThat(failed.then(lateSent)).isEqualTo(failed);
        assertThat(failed.then(Delivery.of(DeliveryStatus.PENDING, t(9)))).isEqualTo(failed);
    }

    @Test
    void the_first_outcome_stays() {
        Delivery failed = Delivery.failed("invalid number", false, t(2));
        Delivery delivered = Delivery.of(DeliveryStatus.DELIVERED, t(3));

        assertThat(failed.then(delivered)).isEqualTo(failed);
        assertThat(delivered.then(failed)).isEqualTo(delivered);
    }

    @Test
    void only_a_text_that_did_not_arrive_has_a_reason() {
        Delivery delivered = new Delivery(DeliveryStatus.DELIVERED, java.util.Optional.of("x"), true, t(0));

        assertThat(delivered.reason()).isEmpty();
        assertThat(delivered.retryable()).isFalse();
        assertThat(Delivery.undelivered("carrier congestion", true, t(0)).describe())
                .isEqualTo("undelivered: carrier congestion");
    }
}
