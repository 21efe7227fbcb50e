package io.recruitflow.adapter.leadfile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.PhoneNumbers;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link PhoneNumbers} with Google's libphonenumber: numbers are read in the US region unless they carry
 * a country code, and only numbers libphonenumber considers valid (a real area code and exchange) are
 * accepted. Time zones come from its geocoding data, which knows that e.g. Idaho's 208 rings in both
 * Mountain and Pacific time; a non-geographic number (toll-free) has no known zone. Thread-safe.
 */
final class LibPhoneNumbers implements PhoneNumbers {
    private static final String DEFAULT_REGION = "US";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

    LibPhoneNumbers() {}

    @Override
    public Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = util.parse(raw, DEFAULT_REGION);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(new PhoneNumber(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164)));
        } catch (NumberParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public Set<ZoneId> timeZones(PhoneNumber number) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = util.parse(number.e164(), DEFAULT_REGION);
        } catch (NumberParseException e) {
            return Set.of();
        }
        // A toll-free or other non-geographic number "maps" to every zone of its country: that says nothing.
        if (!util.isNumberGeographical(parsed)) {
            return Set.of();
        }
        Set<ZoneId> result = new LinkedHashSet<>();
        for (String id : zones.getTimeZonesForNumber(parsed)) {
            // The mapper answers "Etc/Unknown" when it does not know; that is no zone at all.
            if (id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                continue;
            }
            try {
                result.add(ZoneId.of(id));
            } catch (DateTimeException e) {
                // A zone id this JDK does not know: leave it out rather than fail the lead.
            }
        }
        return Set.copyOf(result);
    }
}
