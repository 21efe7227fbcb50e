package io.recruitflow.domain.message;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the CRM last reported of a text's delivery: its {@link DeliveryStatus}, and for a text that did not
 * reach the phone the CRM's reason (e.g. {@code "unregistered sender (A2P 10DLC): ... (error 30034)"}) and
 * whether that reason can pass (a temporary carrier error) so that sending again may help.
 *
 * @param reportedAt when the CRM says the status changed
 */
public record Delivery(DeliveryStatus status, Optional<String> reason, boolean retryable, Instant reportedAt) {
    public Delivery {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reportedAt, "reportedAt");
        if (!status.notDelivered()) {
            reason = Optional.empty();
            retryable = false;
        }
    }

    public static Delivery of(DeliveryStatus status, Instant at) {
        return new Delivery(status, Optional.empty(), false, at);
    }

    public static Delivery failed(String reason, boolean retryable, Instant at) {
        return new Delivery(DeliveryStatus.FAILED, Optional.of(reason), retryable, at);
    }

    public static Delivery undelivered(String reason, boolean retryable, Instant at) {
        return new Delivery(DeliveryStatus.UNDELIVERED, Optional.of(reason), retryable, at);
    }

    /** The text did not reach the phone. */
    public boolean notDelivered() {
        return status.notDelivered();
    }

    /**
     * What to keep when {@code next} is reported after this one, whatever order the reports arrive in: a later
     * stage wins ({@code sent} after {@code pending}, an outcome after {@code sent}, {@code read} after
     * {@code delivered}); a final outcome is never replaced by an earlier stage ({@code delivered} stays when a
     * late {@code sent} arrives) nor by another outcome; within a non-final stage the newer report wins.
     */
    public Delivery then(Delivery next) {
        Objects.requireNonNull(next, "next");
        if (next.status.rank() > status.rank()) {
            return next;
        }
        if (next.status.rank() == status.rank() && !status.isFinal() && next.reportedAt.isAfter(reportedAt)) {
            return next;
        }
        return this;
    }

    /** {@code "failed: <reason>"}, {@code "delivered"}. */
    public String describe() {
        return status.name().toLowerCase(java.util.Locale.ROOT)
                + reason.map(r -> ": " + r).orElse("");
    }
}
