package io.recruitflow.adapter.ghl;

import io.recruitflow.domain.shared.CompanyId;
import io.recruitflow.domain.shared.LocationId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Whose token (and rate budget) a call uses.
 *
 * <p>With a static token there is one owner for everything: the default location, or a fixed key. With
 * OAuth, a location's calls use the location's token and an agency's calls the company's. Port methods
 * that take only a record id ({@code find(ContactId)}, {@code move(OpportunityId, ...)}, {@code
 * messages(ConversationId)}, ...) use the location that record was last seen in through this client (a
 * bounded in-memory map fed by every create, upsert, read and search), else the configured default
 * location, else fail with {@link IllegalStateException} naming the fix.
 */
final class Owners {
    /** The kinds of record whose location we remember. */
    enum Record {
        CONTACT,
        OPPORTUNITY,
        CONVERSATION,
        CALENDAR,
        APPOINTMENT,
        USER
    }

    private static final int MAX_REMEMBERED = 20_000;

    private final boolean oauth;
    private final Optional<LocationId> defaultLocation;
    private final TokenOwner staticOwner;
    private final Map<Record, Map<String, LocationId>> seen = new EnumMap<>(Record.class);

    Owners(GhlClientConfig config) {
        this.oauth = config.oauth();
        this.defaultLocation = config.defaultLocation();
        this.staticOwner = defaultLocation
                .map(TokenOwner::location)
                .orElse(new TokenOwner(TokenOwner.Type.LOCATION, "static-token"));
        for (Record r : Record.values()) {
            seen.put(r, Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, LocationId> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            }));
        }
    }

    TokenOwner of(LocationId location) {
        return oauth ? TokenOwner.location(location) : staticOwner;
    }

    TokenOwner of(CompanyId company) {
        return oauth ? TokenOwner.company(company) : staticOwner;
    }

    /** The owner for a call about a record known only by id. */
    TokenOwner of(Record kind, String id) {
        return oauth ? TokenOwner.location(locationOf(kind, id)) : staticOwner;
    }

    /** The location of a record: last seen, else the default; fails when neither is known. */
    LocationId locationOf(Record kind, String id) {
        LocationId known = seen.get(kind).get(id);
        if (known != null) {
            return known;
        }
        return defaultLocation.orElseThrow(
                () -> new IllegalStateException("the location of " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " " + id + " is unknown to this client: read or search it "
                        + "through the client first, or configure a default location"));
    }

    Optional<LocationId> knownLocation(Record kind, String id) {
        return Optional.ofNullable(seen.get(kind).get(id)).or(() -> defaultLocation);
    }

    void remember(Record kind, String id, LocationId location) {
        if (id != null && location != null) {
            seen.get(kind).put(id, location);
        }
    }

    void forget(Record kind, String id) {
        seen.get(kind).remove(id);
    }
}
