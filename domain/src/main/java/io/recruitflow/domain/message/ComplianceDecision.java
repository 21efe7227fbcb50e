package io.recruitflow.domain.message;

import java.time.Instant;
import java.util.Objects;

/** Whether a message may go: now, not before an instant, or not at all. */
public sealed interface ComplianceDecision {

    record SendNow() implements ComplianceDecision {}

    /** Not now; the earliest allowed instant and why. */
    record DeferUntil(Instant notBefore, String reason) implements ComplianceDecision {
        public DeferUntil {
            Objects.requireNonNull(notBefore, "notBefore");
        }
    }

    /** Never (until something changes, such as an opt-in). */
    record Refuse(String reason) implements ComplianceDecision {}
}
