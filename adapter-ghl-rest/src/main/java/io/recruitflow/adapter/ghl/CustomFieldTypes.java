package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.DirectoryDtos.Locations.CustomFieldSchema;
import io.recruitflow.adapter.ghl.DirectoryDtos.Locations.CustomFieldsListSuccessfulResponseDto;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What shape each custom field's value takes on input, learnt from the location's field definitions
 * ({@code GET /locations/{locationId}/customFields}, their {@code dataType}) once per location and kept for
 * the client's life. Multi-select ({@code MULTIPLE_OPTIONS}) and checkbox ({@code CHECKBOX}) fields take an
 * array of strings ({@code customFieldsInputArraySchema} of the contacts spec) — GHL refuses a plain string
 * for them — and every other field a string.
 *
 * <p>A value for an array field is split on commas, semicolons and vertical bars ({@code "Health, Life"} →
 * {@code ["Health", "Life"]}); an option containing one of these cannot be written. A field the location
 * does not define, and every field when the token may not read the definitions (the app lacks the
 * {@code locations/customFields.readonly} scope: logged once), is written as a string, as before. A failure
 * to read them otherwise ({@link ExternalFailure.Unavailable} ...) propagates, so the write is retried
 * rather than sent in a shape GHL may refuse, and nothing is cached.
 */
final class CustomFieldTypes {
    private static final Logger LOG = LoggerFactory.getLogger(CustomFieldTypes.class);
    /** The data types whose input is an array of strings. */
    static final Set<String> ARRAY_TYPES = Set.of("MULTIPLE_OPTIONS", "CHECKBOX");

    private final GhlCalls calls;
    private final LocationsApi api;
    private final Map<LocationId, Once> byLocation = new ConcurrentHashMap<>();

    CustomFieldTypes(GhlCalls calls, LocationsApi api) {
        this.calls = calls;
        this.api = api;
    }

    /** The location's fields by id and by key ({@code contact.xxx}); loads them at the first call. */
    Fields of(LocationId location) {
        return byLocation.computeIfAbsent(location, l -> new Once()).get(location);
    }

    /** How many times the definitions were read from GHL (for tests). */
    int loads() {
        return byLocation.values().stream().mapToInt(o -> o.loads).sum();
    }

    private Fields load(LocationId location) {
        CustomFieldsListSuccessfulResponseDto dto;
        try {
            dto = calls.call(
                    GhlCall.idempotent("GET /locations/{id}/customFields", calls.as(location)),
                    auth -> api.getCustomFields(auth, location.value(), "contact"));
        } catch (ExternalFailure.AccessDenied e) {
            LOG.warn(
                    "cannot read the custom field definitions of location {} ({}): custom fields are written as"
                            + " text; multi-select and checkbox fields need the locations/customFields.readonly scope",
                    location.value(),
                    e.getMessage());
            return Fields.NONE;
        }
        Map<String, String> types = new HashMap<>();
        List<CustomFieldSchema> fields = dto == null || dto.customFields() == null ? List.of() : dto.customFields();
        for (CustomFieldSchema f : fields) {
            if (f == null || f.dataType() == null) {
                continue;
            }
            String type = f.dataType().strip().toUpperCase(Locale.ROOT);
            if (f.id() != null) {
                types.put(f.id(), type);
            }
            if (f.fieldKey() != null) {
                types.put(f.fieldKey(), type);
            }
        }
        return new Fields(Map.copyOf(types));
    }

    /** The fields of one location by id and key, and the input shape of each. */
    record Fields(Map<String, String> dataTypes) {
        static final Fields NONE = new Fields(Map.of());

        /** Whether the field (by id or key) takes an array of strings. */
        boolean takesArray(String idOrKey) {
            String type = dataTypes.get(idOrKey);
            return type != null && ARRAY_TYPES.contains(type);
        }

        /** The value as the field takes it: a list of options for an array field, else the text. */
        Object inputOf(String idOrKey, String value) {
            return takesArray(idOrKey) ? options(value) : value;
        }
    }

    /** The options of a multi-valued text: split on {@code , ; |}, trimmed, blanks dropped. */
    static List<String> options(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split("[,;|]"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** Loads a location's fields once; a failed load is not kept, so the next call tries again. */
    private final class Once {
        private volatile Fields fields;
        private int loads;

        Fields get(LocationId location) {
            Fields known = fields;
            if (known != null) {
                return known;
            }
            synchronized (this) {
                if (fields == null) {
                    loads++;
                    fields = Objects.requireNonNull(load(location));
                }
                return fields;
            }
        }
    }
}
