package io.recruitflow.application.schedulepresentation;

import io.recruitflow.domain.recruit.RecruitId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Book a presentation for a recruit: at {@code start} if given (it must be a free slot), else the next free slot. */
public record SchedulePresentationCommand(RecruitId recruit, Optional<Instant> start) {
    public SchedulePresentationCommand {
        Objects.requireNonNull(recruit, "recruit is required");
        Objects.requireNonNull(start, "start must be present or empty, not null");
    }
}
