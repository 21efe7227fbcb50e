package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.UsState;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A resident insurance license: the state that issued it, its number (if known) and its lines. */
public record License(UsState state, Optional<String> number, Set<LicenseType> types) {
    public License {
        Objects.requireNonNull(state, "state");
        number = number.map(String::strip).filter(s -> !s.isEmpty());
        types = Set.copyOf(types);
    }
}
