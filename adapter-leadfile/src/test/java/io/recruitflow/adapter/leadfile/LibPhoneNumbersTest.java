package io.recruitflow.adapter.leadfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.recruitflow.domain.shared.PhoneNumber;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

// 555-0100..0199 is the range reserved for fictional use in every US area code; libphonenumber accepts it.
class LibPhoneNumbersTest {
    private final LibPhoneNumbers numbers = new LibPhoneNumbers();

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "(407) 555-0123",
                "407-555-0123",
                "407.555.0123",
                "4075550123",
                "+1 407 555 0123",
                "1-407-555-0123",
                "+14075550123",
                " (407)555-0123 ",
                "407 555 0123 ext. 12",
                "tel:+1-407-555-0123"
            })
    void numbers_as_people_type_them_become_e164(String typed) {
        assertThat(numbers.parse(typed)).contains(new PhoneNumber("+14075550123"));
    }

    @Test
    void a_number_with_a_country_code_keeps_it() {
        assertThat(numbers.parse("+44 20 7946 0958")).contains(new PhoneNumber("+442079460958"));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "12345",
                "abc",
                "(999) 555-0123",
                "+1 123 456 7890",
                "407-555-012",
                "(407) 555-01234",
                "not a phone: call me"
            })
    void what_is_not_a_valid_number_is_empty(String typed) {
        assertThat(numbers.parse(typed)).isEmpty();
    }

    @ParameterizedTest(name = "{0} rings in {1}")
    @CsvSource({
        "+14075550123, America/New_York",
        "+13125550123, America/Chicago",
        "+19155550150, America/Denver",
        "+14155550114, America/Los_Angeles"
    })
    void a_number_maps_to_the_time_zone_of_its_area_code(String e164, String zone) {
        assertThat(numbers.timeZones(new PhoneNumber(e164))).containsExactly(ZoneId.of(zone));
    }

    @Test
    void an_area_code_spanning_two_zones_maps_to_both() {
        // Idaho's 208 covers Mountain time in the south and Pacific time in the panhandle.
        assertThat(numbers.timeZones(numbers.parse("(208) 555-0127").orElseThrow()))
                .containsExactlyInAnyOrder(ZoneId.of("America/Boise"), ZoneId.of("America/Los_Angeles"));
        // South Dakota's 605 covers Mountain and Central time.
        assertThat(numbers.timeZones(numbers.parse("605-555-0140").orElseThrow()))
                .containsExactlyInAnyOrder(ZoneId.of("America/Denver"), ZoneId.of("America/North_Dakota/Center"));
    }

    @Test
    void a_number_of_unknown_place_has_no_zone() {
        // Valid E.164 shape, but no such area code: the mapper answers "Etc/Unknown".
        assertThat(numbers.timeZones(new PhoneNumber("+19995550123"))).isEmpty();
        // Toll-free numbers ring anywhere: the mapper lists every zone of the country, which means nothing.
        assertThat(numbers.timeZones(numbers.parse("+1 800 555 0199").orElseThrow()))
                .isEmpty();
    }
}
