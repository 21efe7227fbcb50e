package io.recruitflow.domain.message;

import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a recipient may be, as far as the law of texting cares: the states whose rules apply
 * (jurisdictions) and the time zones the recipient's clock may show, each with why it is there. Every rule
 * of every jurisdiction applies in every zone.
 *
 * <ul>
 *   <li>Jurisdictions: the state of the phone's area code (Florida and Oklahoma presume a number with their
 *       area code is a resident's), the contact's address state and the license state, together.
 *   <li>Zones: the contact's own zone and the zones of the phone's area code, together. With none known,
 *       every zone of the contiguous United States. A territory's area code brings its own zone.
 * </ul>
 *
 * @param jurisdictions the states, each with why (e.g. {@code FL -> "area code 305"})
 * @param zones the zones, each with why
 */
public record Whereabouts(Map<UsState, String> jurisdictions, Map<ZoneId, String> zones) {
    /** Eastern, Central, Mountain, Mountain without daylight saving (Arizona), Pacific. */
    public static final List<ZoneId> CONTIGUOUS_US = List.of(
            ZoneId.of("America/New_York"),
            ZoneId.of("America/Chicago"),
            ZoneId.of("America/Denver"),
            ZoneId.of("America/Phoenix"),
            ZoneId.of("America/Los_Angeles"));

    public Whereabouts {
        Map<UsState, String> states = new EnumMap<>(UsState.class);
        states.putAll(jurisdictions);
        jurisdictions = java.util.Collections.unmodifiableMap(states);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a recipient is in at least one zone");
        }
        Map<ZoneId, String> sorted = new TreeMap<>(Comparator.comparing(ZoneId::getId));
        sorted.putAll(zones);
        zones = java.util.Collections.unmodifiableMap(sorted);
    }

    /** Resolves the recipient from what we know of them; any part may be unknown. */
    public static Whereabouts of(
            Optional<PhoneNumber> phone,
            Optional<UsState> licenseState,
            Optional<UsState> contactState,
            Optional<ZoneId> contactZone) {
        Objects.requireNonNull(phone, "phone");
        Map<UsState, List<String>> states = new EnumMap<>(UsState.class);
        Map<ZoneId, List<String>> zones = new LinkedHashMap<>();
        Optional<AreaCodes.AreaCode> areaCode = phone.flatMap(AreaCodes::of);
        areaCode.ifPresent(ac -> {
            states.computeIfAbsent(ac.state(), s -> new ArrayList<>()).add("area code " + ac.code());
            for (ZoneId zone : ac.zones()) {
                zones.computeIfAbsent(zone, z -> new ArrayList<>()).add("area code " + ac.code());
            }
        });
        contactState.ifPresent(
                s -> states.computeIfAbsent(s, k -> new ArrayList<>()).add("contact address"));
        licenseState.ifPresent(
                s -> states.computeIfAbsent(s, k -> new ArrayList<>()).add("license"));
        contactZone.ifPresent(
                z -> zones.computeIfAbsent(z, k -> new ArrayList<>()).add("contact time zone"));
        if (zones.isEmpty()) {
            for (ZoneId zone : CONTIGUOUS_US) {
                zones.put(zone, List.of("no zone known: every zone of the contiguous United States"));
            }
        }
        return new Whereabouts(joined(states), joined(zones));
    }

    /** Jurisdictions and zones already resolved elsewhere (the older {@link Recipient}). */
    public static Whereabouts resolved(Collection<UsState> states, Collection<ZoneId> zones, String why) {
        Map<UsState, String> s = new EnumMap<>(UsState.class);
        states.forEach(state -> s.put(state, why));
        Map<ZoneId, String> z = new LinkedHashMap<>();
        zones.forEach(zone -> z.put(zone, why));
        return new Whereabouts(s, z);
    }

    public List<UsState> states() {
        return List.copyOf(jurisdictions.keySet());
    }

    public List<ZoneId> zoneIds() {
        return List.copyOf(zones.keySet());
    }

    private static <K> Map<K, String> joined(Map<K, List<String>> why) {
        Map<K, String> out = new LinkedHashMap<>();
        why.forEach((k, v) -> out.put(k, v.stream().distinct().collect(Collectors.joining(", "))));
        return out;
    }
}
