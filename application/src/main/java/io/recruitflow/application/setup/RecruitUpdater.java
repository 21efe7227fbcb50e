package io.recruitflow.application.setup;

import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Applies a change to a stored recruit, re-reading and re-applying when another update came first. */
public final class RecruitUpdater {
    private static final int ATTEMPTS = 5;

    private RecruitUpdater() {}

    /** The updated recruit, or empty when it does not exist. */
    public static Optional<Recruit> update(Recruits recruits, RecruitId id, UnaryOperator<Recruit> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Recruit> current = recruits.find(id);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Recruit changed = change.apply(current.get());
            if (changed.equals(current.get())) {
                return current;
            }
            try {
                return Optional.of(recruits.update(changed));
            } catch (Recruits.ConcurrentUpdateException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
