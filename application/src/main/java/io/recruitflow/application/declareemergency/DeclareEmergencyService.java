package io.recruitflow.application.declareemergency;

import io.recruitflow.domain.message.DeclaredEmergencies;
import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.UsState;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Declares, lists and ends suspensions in the {@link DeclaredEmergencies} store the compliance rules read. */
@Singleton
public class DeclareEmergencyService implements DeclareEmergencyUseCase {
    /** Longest reason kept on the record. */
    public static final int MAX_REASON = 300;

    static final String DEFAULT_REASON = "declared state of emergency";

    private final DeclaredEmergencies emergencies;
    private final Clock clock;

    @Inject
    public DeclareEmergencyService(DeclaredEmergencies emergencies, Clock clock) {
        this.emergencies = Objects.requireNonNull(emergencies, "emergencies");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public DeclaredEmergency declare(UsState state, Optional<Instant> from, Instant until, Optional<String> reason) {
        Objects.requireNonNull(state, "state");
        Instant now = clock.now();
        Instant start = from.orElse(now);
        if (!until.isAfter(now)) {
            throw new IllegalArgumentException("the end " + until + " is not after now (" + now + ")");
        }
        if (!until.isAfter(start)) {
            throw new IllegalArgumentException("the end " + until + " is not after the start " + start);
        }
        String why = reason.map(String::strip).filter(r -> !r.isEmpty()).orElse(DEFAULT_REASON);
        if (why.length() > MAX_REASON) {
            throw new IllegalArgumentException("the reason is longer than " + MAX_REASON + " characters");
        }
        if (why.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("the reason must be one line of text");
        }
        DeclaredEmergency declared = new DeclaredEmergency(state, start, until, why);
        emergencies.declare(declared);
        return declared;
    }

    @Override
    public List<DeclaredEmergency> inForceOrAnnounced() {
        return emergencies.notEndedBy(clock.now());
    }

    @Override
    public List<DeclaredEmergency> end(UsState state) {
        Instant now = clock.now();
        List<DeclaredEmergency> before = emergencies.notEndedBy(state, now);
        emergencies.lift(state, now);
        return before;
    }
}
