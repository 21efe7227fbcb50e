package io.recruitflow.application.port;

import io.recruitflow.domain.recruit.Recruit;
import java.util.List;

/**
 * Who each newly stored recruit is assigned to, decided while a {@link RecruitAdmissions} stores them: only
 * recruits actually stored are assigned (a lead repeating a known one takes no round-robin turn), and the turns
 * are taken in the same commit as the recruits.
 */
@FunctionalInterface
public interface RecruitAssigner {
    /** Assigns nobody. */
    RecruitAssigner NONE = (stored, turns) -> stored;

    /**
     * The recruits as assigned, one per recruit given, in the same order and with the same ids; a recruit no rule
     * applies to is returned as it is. May take turns from {@code turns}, and does nothing else.
     */
    List<Recruit> assign(List<Recruit> stored, RoundRobinTurns turns);
}
