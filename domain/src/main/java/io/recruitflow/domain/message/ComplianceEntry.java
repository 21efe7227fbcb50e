package io.recruitflow.domain.message;

import io.recruitflow.domain.recruit.RecruitId;
import java.util.Objects;

/**
 * One compliance decision on the record: which text to which recruit, on which channel, and the decision
 * with everything that explains it (send, defer until an instant, refuse; the rules by id and source, the
 * jurisdictions, zones and texts counted). No personal data: a reason names rules, instants, zones and
 * states, never the recipient's number, name or address.
 *
 * @param recruit the recruit the text is for
 * @param message the text's idempotency key
 * @param channel SMS or email
 * @param verdict the decision and its inputs; {@link ComplianceVerdict#decidedAt()} is when it was taken
 */
public record ComplianceEntry(RecruitId recruit, MessageKey message, Channel channel, ComplianceVerdict verdict) {
    public ComplianceEntry {
        Objects.requireNonNull(recruit, "recruit");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(verdict, "verdict");
    }
}
