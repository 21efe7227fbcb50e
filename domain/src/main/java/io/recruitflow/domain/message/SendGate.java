package io.recruitflow.domain.message;

import java.time.Instant;

/**
 * The last word on a message, asked by the adapter at the moment it would hand the message over — after any
 * wait for a rate-limit permit — so that a text decided at 20:59 cannot reach the CRM after 21:00.
 */
@FunctionalInterface
public interface SendGate {
    /** Lets every message through: for sends that no time rule governs. */
    SendGate OPEN = now -> new ComplianceDecision.SendNow();

    /** The decision for a send starting at {@code now}; anything but send-now withholds the message. */
    ComplianceDecision decide(Instant now);
}
