package io.recruitflow.domain.shared;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * Phone-number knowledge the domain needs but must not hand-roll: parsing what a person typed into
 * E.164, and the time zones a number may ring in (a US area code can span two zones).
 */
public interface PhoneNumbers {

    /**
     * Parses a number as typed ({@code (407) 555-1234}, {@code +1 407 555 1234}); numbers without a
     * country code are read in the default region (US). Empty when it is not a valid number.
     */
    Optional<PhoneNumber> parse(String raw);

    /** The time zones the number may be in; empty when unknown. */
    Set<ZoneId> timeZones(PhoneNumber number);
}
