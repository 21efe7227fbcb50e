package io.recruitflow.sandbox;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/** Untyped JSON (maps, lists, strings, numbers, booleans) on Moshi; numbers that are integral become longs. */
final class Json {
    private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

    private Json() {}

    /**
     * Serialises maps, lists, strings, numbers and booleans; null map entries are omitted, as GHL omits
     * absent fields. Walks the value itself onto Moshi's streaming {@link JsonWriter} (which does the
     * escaping): it is on every request's path, and Moshi's untyped adapter looks up an adapter (under a
     * lock) for every value it writes.
     */
    static byte[] write(Object value) {
        Buffer buffer = new Buffer();
        try (JsonWriter writer = JsonWriter.of(buffer)) {
            append(writer, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory buffer does not fail
        }
        return buffer.readByteArray();
    }

    private static void append(JsonWriter out, Object value) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String s) {
            out.value(s);
        } else if (value instanceof Map<?, ?> map) {
            out.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() != null) {
                    out.name(String.valueOf(entry.getKey()));
                    append(out, entry.getValue());
                }
            }
            out.endObject();
        } else if (value instanceof Iterable<?> items) {
            out.beginArray();
            for (Object item : items) {
                append(out, item);
            }
            out.endArray();
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
                out.value((long) d);
            } else {
                out.value(d);
            }
        } else if (value instanceof Boolean b) {
            out.value(b);
        } else if (value instanceof Number n) {
            out.value(n);
        } else {
            out.value(value.toString());
        }
    }

    static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /** Parses a request body; a blank body is an empty object. Malformed JSON answers 400 like GHL. */
    static Map<String, Object> parseObject(String body) {
        if (body == null || body.isBlank()) {
            return new LinkedHashMap<>();
        }
        Object parsed;
        try {
            parsed = normalize(ANY.fromJson(body));
        } catch (IOException | JsonDataException e) {
            throw ApiException.badRequest("Unexpected token in JSON body");
        }
        if (!(parsed instanceof Map)) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) parsed;
        return map;
    }

    static Object parse(String json) {
        try {
            return normalize(ANY.fromJson(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Moshi reads every number as a double; GHL ids and counts are integers on the wire. */
    static Object normalize(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
            return d.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(normalize(v)));
            return copy;
        }
        return value;
    }

    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value instanceof String s ? s : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null) {
                    result.add(String.valueOf(item));
                }
            }
        } else if (value instanceof String s) {
            result.add(s);
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Object value) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map) {
                    result.add((Map<String, Object>) item);
                }
            }
        }
        return result;
    }

    /** Builds a map from alternating keys and values, skipping null values (GHL omits absent fields). */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
