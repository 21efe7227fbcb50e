package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.google.i18n.phonenumbers.geocoding.PhoneNumberOfflineGeocoder;
import io.recruitflow.domain.message.AreaCodes;
import io.recruitflow.domain.message.AreaCodes.AreaCode;
import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Keeps the curated area-code table ({@link AreaCodes}, the reference) and libphonenumber in step: every
 * geographic US and territory area code libphonenumber knows is in the table, with the same state, and
 * every zone libphonenumber gives it is among the table's zones. Where libphonenumber is wrong the table
 * says so in the row's note and this test lists the code.
 */
class AreaCodesAgainstLibphonenumberTest {
    private static final Set<String> US_REGIONS = Set.of("US", "PR", "VI", "GU", "MP", "AS");
    /** Rows where libphonenumber's zones are wrong, not just coarse (see the rows' notes). */
    private static final Set<Integer> LIBPHONENUMBER_ZONE_ERRORS = Set.of(689, 907);
    /** Rows where libphonenumber names no state. */
    private static final Set<Integer> LIBPHONENUMBER_NO_STATE = Set.of(728);

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final PhoneNumberOfflineGeocoder geocoder = PhoneNumberOfflineGeocoder.getInstance();
    private final PhoneNumberToTimeZonesMapper zones = PhoneNumberToTimeZonesMapper.getInstance();

    @Test
    void everyGeographicAreaCodeIsInTheTableWithItsStateAndZones() throws NumberParseException {
        Set<Integer> seen = new TreeSet<>();
        List<String> problems = new java.util.ArrayList<>();
        for (int npa = 200; npa <= 999; npa++) {
            Map<UsState, Integer> states = new HashMap<>();
            Set<ZoneId> libZones = new HashSet<>();
            boolean ours = false;
            for (int nxx = 200; nxx <= 999; nxx += 7) {
                Phonenumber.PhoneNumber number = util.parse("+1" + npa + nxx + "4567", "US");
                if (!util.isValidNumber(number)
                        || !US_REGIONS.contains(util.getRegionCodeForNumber(number))
                        || !util.isNumberGeographical(number)) {
                    continue;
                }
                ours = true;
                stateOf(geocoder.getDescriptionForNumber(number, Locale.ENGLISH))
                        .ifPresent(s -> states.merge(s, 1, Integer::sum));
                for (String id : zones.getTimeZonesForNumber(number)) {
                    libZones.add(canonical(ZoneId.of(id)));
                }
            }
            if (!ours || states.isEmpty() && !LIBPHONENUMBER_NO_STATE.contains(npa)) {
                continue;
            }
            seen.add(npa);
            Optional<AreaCode> row = AreaCodes.of(npa);
            if (row.isEmpty()) {
                problems.add(npa + " is missing from the table");
                continue;
            }
            if (!LIBPHONENUMBER_NO_STATE.contains(npa)) {
                UsState libState = states.entrySet().stream()
                        .max(Map.Entry.comparingByValue())
                        .orElseThrow()
                        .getKey();
                if (libState != row.get().state()) {
                    problems.add(npa + ": table " + row.get().state() + ", libphonenumber " + libState);
                }
            }
            if (!LIBPHONENUMBER_ZONE_ERRORS.contains(npa) && !row.get().zones().containsAll(libZones)) {
                problems.add(npa + ": table " + row.get().zones() + ", libphonenumber " + libZones);
            }
        }
        assertThat(problems).isEmpty();
        // Rows libphonenumber does not know (yet) would be listed here; today it knows them all.
        assertThat(AreaCodes.ALL.stream().map(AreaCode::code).filter(c -> !seen.contains(c)))
                .isEmpty();
    }

    private static ZoneId canonical(ZoneId zone) {
        return switch (zone.getId()) {
            case "America/Boise" -> ZoneId.of("America/Denver");
            case "America/North_Dakota/Center" -> ZoneId.of("America/Chicago");
            case "America/Juneau" -> ZoneId.of("America/Anchorage");
            default -> zone;
        };
    }

    private static Optional<UsState> stateOf(String description) {
        if (description.isEmpty()) {
            return Optional.empty();
        }
        String name =
                description.contains(", ") ? description.substring(description.lastIndexOf(", ") + 2) : description;
        return switch (name) {
            case "Washington State" -> Optional.of(UsState.WA);
            case "Washington D.C." -> Optional.of(UsState.DC);
            case "Philadelphia" -> Optional.of(UsState.PA);
            case "U.S. Virgin Islands", "VI" -> Optional.of(UsState.VI);
            case "Tamuning" -> Optional.of(UsState.GU);
            default -> UsState.parse(name);
        };
    }
}
