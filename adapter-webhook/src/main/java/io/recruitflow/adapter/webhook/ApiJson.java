package io.recruitflow.adapter.webhook;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.recruitflow.adapter.webhook.ApiBodies.ErrorBody;
import io.recruitflow.adapter.webhook.ApiBodies.Extra;
import io.recruitflow.adapter.webhook.ApiBodies.LicenseTypes;
import io.recruitflow.adapter.webhook.ApiBodies.Text;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;

/**
 * The JSON of every body this adapter answers or reads (admin API, health, webhook answers): the typed
 * records of {@link ApiBodies} through one Moshi. Responses write {@code null}s (a field the API documents is
 * always there); requests read a field that accepts text leniently (a number or boolean is its text) and
 * report a field of the wrong shape instead of failing on it, so that one answer names every bad field.
 */
final class ApiJson {
    private ApiJson() {}

    private static final Moshi MOSHI = new Moshi.Builder()
            .add(new TextAdapter())
            .add(new LicenseTypesAdapter())
            .add(new ExtraAdapter())
            .build();

    private static final Map<Class<?>, JsonAdapter<Object>> WRITERS = new ConcurrentHashMap<>();

    /** The JSON of a response body, one of {@link ApiBodies}' records. */
    static String write(Object body) {
        return WRITERS.computeIfAbsent(body.getClass(), ApiJson::writer).toJson(body);
    }

    @SuppressWarnings("unchecked")
    private static JsonAdapter<Object> writer(Class<?> type) {
        return (JsonAdapter<Object>) MOSHI.adapter(type).serializeNulls();
    }

    /** {@code {"error": code, "message": message}}. */
    static String error(String code, String message) {
        return write(new ErrorBody(code, message));
    }

    /** Why a request body could not be read at all. */
    enum Unreadable {
        NOT_JSON,
        NOT_AN_OBJECT
    }

    /** A request body read as {@code type}, or why it could not be. */
    record Read<T>(Optional<T> body, Optional<Unreadable> failure) {}

    /** Reads a request body: a JSON object, into {@code type}. */
    static <T> Read<T> read(String text, Class<T> type) {
        try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(text))) {
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                reader.skipValue();
                return failure(
                        reader.peek() == JsonReader.Token.END_DOCUMENT
                                ? Unreadable.NOT_AN_OBJECT
                                : Unreadable.NOT_JSON);
            }
            T body = MOSHI.adapter(type).fromJson(reader);
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                return failure(Unreadable.NOT_JSON);
            }
            return new Read<>(Optional.of(body), Optional.empty());
        } catch (JsonDataException | IOException e) {
            return failure(Unreadable.NOT_JSON);
        }
    }

    private static <T> Read<T> failure(Unreadable why) {
        return new Read<>(Optional.empty(), Optional.of(why));
    }

    // ---- lenient request fields (a JSON null is an absent field: the record component stays null)

    /** A string; a number or a boolean is taken as its text (12345 stays "12345", not "12345.0"). */
    static final class TextAdapter {
        @FromJson
        Text fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                return reader.nextNull();
            }
            if (isScalar(reader.peek())) {
                String text = scalar(reader);
                return new Text(text.isBlank() ? null : text, true);
            }
            reader.skipValue();
            return new Text(null, false);
        }
    }

    /** A list of strings, or one comma-, semicolon- or bar-separated string. */
    static final class LicenseTypesAdapter {
        @FromJson
        LicenseTypes fromJson(JsonReader reader) throws IOException {
            List<String> types = new ArrayList<>();
            switch (reader.peek()) {
                case NULL -> {
                    return reader.nextNull();
                }
                case STRING -> {
                    for (String part : reader.nextString().split("[,;|]")) {
                        if (!part.isBlank()) {
                            types.add(part.strip());
                        }
                    }
                    return new LicenseTypes(types, null);
                }
                case BEGIN_ARRAY -> {
                    boolean allStrings = true;
                    reader.beginArray();
                    while (reader.hasNext()) {
                        String s = reader.peek() == JsonReader.Token.STRING ? reader.nextString() : null;
                        if (s == null) {
                            reader.skipValue();
                        }
                        if (s == null || s.isBlank()) {
                            allStrings = false;
                        } else {
                            types.add(s.strip());
                        }
                    }
                    reader.endArray();
                    return allStrings
                            ? new LicenseTypes(types, null)
                            : new LicenseTypes(List.of(), "licenseTypes must hold strings");
                }
                default -> {
                    reader.skipValue();
                    return new LicenseTypes(
                            List.of(), "licenseTypes must be a list of strings or a comma-separated string");
                }
            }
        }
    }

    /** An object of strings (numbers and booleans as their text); a null value is left out. */
    static final class ExtraAdapter {
        @FromJson
        Extra fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                return reader.nextNull();
            }
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                reader.skipValue();
                return new Extra(Map.of(), List.of("extra must be an object of strings"));
            }
            Map<String, String> values = new LinkedHashMap<>();
            List<String> problems = new ArrayList<>();
            reader.beginObject();
            while (reader.hasNext()) {
                String name = reader.nextName();
                if (isScalar(reader.peek())) {
                    values.put(name, scalar(reader));
                } else {
                    if (reader.peek() != JsonReader.Token.NULL) {
                        problems.add("extra." + name + " must be a string");
                    }
                    reader.skipValue();
                }
            }
            reader.endObject();
            return new Extra(values, problems);
        }
    }

    private static boolean isScalar(JsonReader.Token token) {
        return token == JsonReader.Token.STRING
                || token == JsonReader.Token.NUMBER
                || token == JsonReader.Token.BOOLEAN;
    }

    /** The text of a string, number or boolean. */
    private static String scalar(JsonReader reader) throws IOException {
        return switch (reader.peek()) {
            case NUMBER -> number(reader.nextString());
            case BOOLEAN -> String.valueOf(reader.nextBoolean());
            default -> reader.nextString();
        };
    }

    private static String number(String literal) {
        try {
            return new BigDecimal(literal).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return literal;
        }
    }
}
