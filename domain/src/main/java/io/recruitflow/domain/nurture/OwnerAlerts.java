package io.recruitflow.domain.nurture;

import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.util.List;
import java.util.Optional;

/** The owner's alerts, kept. */
public interface OwnerAlerts {
    /** Records the alert unless its id is known; returns whether it was new. */
    boolean record(OwnerAlert alert);

    /** The latest alerts, newest first, of one location or of all. */
    List<OwnerAlert> recent(Optional<LocationId> location, int limit);

    /** The recruit's alerts, newest first. */
    List<OwnerAlert> ofRecruit(RecruitId recruit);
}
