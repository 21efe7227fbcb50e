package io.recruitflow.domain.message;

import java.util.Objects;

/** What became of a message handed to {@link Conversations#send}: sent, or withheld by its {@link SendGate}. */
public sealed interface Dispatch {
    /** The CRM accepted the message. */
    record Sent(SentMessage message) implements Dispatch {
        public Sent {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The gate said no at the last moment; nothing reached the CRM. */
    record Withheld(ComplianceDecision decision) implements Dispatch {
        public Withheld {
            if (decision instanceof ComplianceDecision.SendNow) {
                throw new IllegalArgumentException("a message withheld needs a decision other than send-now");
            }
        }
    }
}
