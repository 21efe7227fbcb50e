package io.recruitflow.adapter.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.util.Optional;

/** Reads an answer as plain JSON values (maps, lists, strings, doubles), as any client would. */
final class TestJson {
    private TestJson() {}

    private static final JsonAdapter<Object> ANY = new Moshi.Builder().build().adapter(Object.class);

    /** The JSON value; empty when the text is not well-formed JSON. */
    static Optional<Object> read(String text) {
        try {
            return Optional.ofNullable(ANY.fromJson(text));
        } catch (JsonDataException | IOException e) {
            return Optional.empty();
        }
    }
}
