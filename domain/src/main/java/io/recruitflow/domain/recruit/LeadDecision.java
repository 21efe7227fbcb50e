package io.recruitflow.domain.recruit;

import java.util.Objects;

/** What the lead rules made of a {@link LeadInput}: an accepted {@link Lead} or a rejection with its reason. */
public sealed interface LeadDecision {

    record Accepted(Lead lead) implements LeadDecision {
        public Accepted {
            Objects.requireNonNull(lead, "lead");
        }
    }

    /** The lead cannot be used; {@code reason} says why in words a person can act on. */
    record Rejected(String reason) implements LeadDecision {
        public Rejected {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a rejection needs a reason");
            }
        }
    }
}
