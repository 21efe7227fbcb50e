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

    /**
     * As {@link #update(Recruits, RecruitId, UnaryOperator)}, applied first to a copy the caller has just read: the
     * stored recruit is read again only when that copy turns out stale (another update came first) or the change
     * leaves it as it was (the stored one may differ), so a step that read the recruit moments ago saves a read.
     */
    public static Optional<Recruit> update(Recruits recruits, Recruit known, UnaryOperator<Recruit> change) {
        Recruit changed = change.apply(known);
        if (!changed.equals(known)) {
            try {
                return Optional.of(recruits.update(changed));
            } catch (Recruits.ConcurrentUpdateException e) {
                // stale: re-read and re-apply below
            }
        }
        return update(recruits, known.id(), change);
    }

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
