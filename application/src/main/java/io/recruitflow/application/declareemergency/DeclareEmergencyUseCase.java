package io.recruitflow.application.declareemergency;

import io.recruitflow.domain.message.DeclaredEmergency;
import io.recruitflow.domain.shared.UsState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Declared emergencies for operators (admin API, CLI): a suspension of every text into a state until an end,
 * honoured like a holiday by every compliance decision from the next one on.
 */
public interface DeclareEmergencyUseCase {

    /**
     * Declares a suspension of texts into {@code state} from {@code from} (default: now) until {@code until}.
     *
     * @throws IllegalArgumentException when it would end before it begins or has already ended, or the reason
     *     is too long or not one line
     */
    DeclaredEmergency declare(UsState state, Optional<Instant> from, Instant until, Optional<String> reason);

    /** Every suspension in force or announced, by state, then start. */
    List<DeclaredEmergency> inForceOrAnnounced();

    /** Ends every suspension of {@code state} now; returns those that were in force or announced. */
    List<DeclaredEmergency> end(UsState state);
}
