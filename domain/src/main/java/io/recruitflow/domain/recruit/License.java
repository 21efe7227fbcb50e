package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.UsState;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A resident insurance license as licensing data gives it: the state that issued it, its number (if known),
 * its lines, the producer's National Producer Number ({@link Npn}, the producer's identity across states and
 * license numbers) and the date the license expires, when the data has them.
 */
public record License(
        UsState state,
        Optional<String> number,
        Set<LicenseType> types,
        Optional<Npn> npn,
        Optional<LocalDate> expires) {
    public License {
        Objects.requireNonNull(state, "state");
        number = number.map(String::strip).filter(s -> !s.isEmpty());
        types = Set.copyOf(types);
        Objects.requireNonNull(npn, "npn");
        Objects.requireNonNull(expires, "expires");
    }

    /** A license without NPN or expiration date. */
    public License(UsState state, Optional<String> number, Set<LicenseType> types) {
        this(state, number, types, Optional.empty(), Optional.empty());
    }
}
