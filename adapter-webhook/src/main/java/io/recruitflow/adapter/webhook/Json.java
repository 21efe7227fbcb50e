package io.recruitflow.adapter.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * JSON of the admin API through Moshi's generic adapter: responses are built as maps and lists so the
 * wire format is explicit here, not derived from domain classes.
 */
final class Json {
    private Json() {}

    private static final JsonAdapter<Object> ANY =
            new Moshi.Builder().build().adapter(Object.class).serializeNulls();

    static String write(Object value) {
        return ANY.toJson(value);
    }

    /** Parses a JSON document; empty when it is not well-formed JSON. */
    static Optional<Object> read(String text) {
        try {
            return Optional.ofNullable(ANY.fromJson(text));
        } catch (JsonDataException | IOException e) {
            return Optional.empty();
        }
    }

    /** A small ordered-map builder: {@code Json.obj("a", 1, "b", "x")}. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static String error(String code, String message) {
        return write(obj("error", code, "message", message));
    }
}
