package io.recruitflow.application.viewrecruit;

import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import java.util.Optional;

/** Reads recruits for operators (admin API, CLI). */
public interface ViewRecruitUseCase {
    Optional<RecruitView> view(RecruitId id);

    /** Recruits in acceptance order; {@code limit} is clamped to 1..500. */
    Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit);

    /** The owner's latest alerts (a recruit replied, ...), newest first, of one location or of all; none by default. */
    default java.util.List<io.recruitflow.domain.nurture.OwnerAlert> alerts(Optional<LocationId> location, int limit) {
        return java.util.List.of();
    }
}
