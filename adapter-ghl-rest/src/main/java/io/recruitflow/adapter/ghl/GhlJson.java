package io.recruitflow.adapter.ghl;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import java.io.IOException;
import java.math.BigDecimal;
import okio.BufferedSink;

/**
 * The one Moshi set-up of the GHL side: reflective record adapters, GHL's two irregular shapes, and decimal
 * numbers read from their own digits. Public only for the webhook decoder
 * ({@code io.recruitflow.adapter.ghl.webhook}), which reads GHL's JSON with the same set-up; not API.
 */
public final class GhlJson {
    private GhlJson() {}

    public static Moshi moshi() {
        return new Moshi.Builder()
                .add(new FreeSlotsAdapter())
                .add(new MessagesPageAdapter())
                .add(new BigDecimalAdapter())
                .build();
    }

    /** Monetary values are read from the JSON number's own digits: no binary floating point on the way. */
    static final class BigDecimalAdapter {
        @FromJson
        BigDecimal fromJson(JsonReader reader) throws IOException {
            if (reader.peek() == JsonReader.Token.NULL) {
                return reader.nextNull();
            }
            String path = reader.getPath();
            try {
                return new BigDecimal(reader.nextString().strip());
            } catch (NumberFormatException e) {
                throw new JsonDataException("expected a number at path " + path);
            }
        }

        /** A JSON number in plain notation ({@code 1500.00}, never {@code 1.5E+3}). */
        @ToJson
        void toJson(JsonWriter writer, BigDecimal value) throws IOException {
            try (BufferedSink sink = writer.valueSink()) {
                sink.writeUtf8(value.toPlainString());
            }
        }
    }
}
