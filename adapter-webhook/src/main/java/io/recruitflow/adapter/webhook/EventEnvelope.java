package io.recruitflow.adapter.webhook;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import okio.Buffer;

/**
 * The few fields of a webhook body the receiver needs before storing it: GHL's {@code webhookId},
 * {@code type}, {@code timestamp}, and the location and contact (to order a contact's events). Read
 * in one streaming pass that also checks the whole body is well-formed JSON; the full decoding into a
 * {@code GhlEvent} happens later, in the dispatcher.
 */
record EventEnvelope(
        Optional<String> webhookId,
        Optional<String> type,
        Optional<Instant> timestamp,
        Optional<String> locationId,
        Optional<String> contactId) {

    /** The body is not one well-formed JSON object, or a known field has the wrong shape. */
    static final class MalformedBodyException extends Exception {
        MalformedBodyException(String message) {
            super(message, null, false, false);
        }
    }

    private static final JsonReader.Options TOP =
            JsonReader.Options.of("webhookId", "type", "timestamp", "locationId", "contactId", "id", "appointment");
    private static final JsonReader.Options APPOINTMENT = JsonReader.Options.of("contactId");

    static EventEnvelope read(byte[] body) throws MalformedBodyException {
        try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
            if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
                throw new MalformedBodyException("the body is not a JSON object");
            }
            String webhookId = null;
            String type = null;
            Instant timestamp = null;
            String locationId = null;
            String contactId = null;
            String id = null;
            String appointmentContactId = null;
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.selectName(TOP)) {
                    case 0 -> webhookId = stringOrNull(reader);
                    case 1 -> type = stringOrNull(reader);
                    case 2 -> timestamp = instantOrNull(reader);
                    case 3 -> locationId = stringOrNull(reader);
                    case 4 -> contactId = stringOrNull(reader);
                    case 5 -> id = stringOrNull(reader);
                    case 6 -> appointmentContactId = nestedContactId(reader);
                    default -> {
                        reader.skipName();
                        reader.skipValue();
                    }
                }
            }
            reader.endObject();
            if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
                throw new MalformedBodyException("trailing content after the JSON object");
            }
            // Contact webhooks carry the contact's id as "id", appointment webhooks nest it under
            // "appointment", the others name it "contactId".
            String contact = type != null && type.startsWith("Contact")
                    ? id
                    : type != null && type.startsWith("Appointment") ? appointmentContactId : contactId;
            return new EventEnvelope(
                    present(webhookId),
                    present(type),
                    Optional.ofNullable(timestamp),
                    present(locationId),
                    present(contact));
        } catch (JsonDataException | IOException e) {
            throw new MalformedBodyException("malformed JSON");
        }
    }

    private static String nestedContactId(JsonReader reader) throws IOException {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
            reader.skipValue();
            return null;
        }
        String contactId = null;
        reader.beginObject();
        while (reader.hasNext()) {
            if (reader.selectName(APPOINTMENT) == 0) {
                contactId = stringOrNull(reader);
            } else {
                reader.skipName();
                reader.skipValue();
            }
        }
        reader.endObject();
        return contactId;
    }

    /** Ids are strings; a number is taken as its text, and any other shape as absent (an unknown type may differ). */
    private static String stringOrNull(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case STRING:
            case NUMBER:
                return reader.nextString();
            default:
                reader.skipValue();
                return null;
        }
    }

    /** GHL sends ISO-8601 strings; epoch milliseconds are tolerated. */
    private static Instant instantOrNull(JsonReader reader) throws IOException, MalformedBodyException {
        switch (reader.peek()) {
            case NULL:
                return reader.nextNull();
            case NUMBER:
                return Instant.ofEpochMilli(reader.nextLong());
            case STRING:
                return parseInstant(reader.nextString())
                        .orElseThrow(() -> new MalformedBodyException("timestamp is not an ISO-8601 instant"));
            default:
                throw new MalformedBodyException("timestamp is not an ISO-8601 instant");
        }
    }

    /** Parses {@code 2025-01-28T14:35:00Z} or {@code 2023-09-25T16:00:00+05:30}. */
    static Optional<Instant> parseInstant(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(raw.strip()).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> present(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
    }
}
