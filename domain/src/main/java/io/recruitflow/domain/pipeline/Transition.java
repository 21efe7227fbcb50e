package io.recruitflow.domain.pipeline;

import java.util.Objects;

/** The outcome of applying a {@link StageChange} to an {@link Opportunity}. */
public sealed interface Transition {

    /** The opportunity moved (stage and/or status changed). */
    record Moved(Opportunity before, Opportunity after) implements Transition {
        public Moved {
            Objects.requireNonNull(before);
            Objects.requireNonNull(after);
        }
    }

    /** Nothing to do: it is already there. */
    record Unchanged(Opportunity opportunity) implements Transition {}

    /** The rules forbid the move; {@code reason} says which. */
    record Refused(Opportunity opportunity, String reason) implements Transition {}
}
