package io.recruitflow.adapter.persistence;

import com.github.kagkarlsson.scheduler.exceptions.SerializationException;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.ToJson;
import com.squareup.moshi.adapters.PolymorphicJsonAdapterFactory;
import io.recruitflow.application.port.JobPayload;
import io.recruitflow.domain.message.MessageKey;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.shared.LocationId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Stores job payloads in db-scheduler's {@code task_data} as JSON, e.g. {@code {"kind":"Intake",
 * "recruit":"…","phase":"FIRST"}}: readable in the database and stable across releases (the kind is the
 * payload record's name, the fields are its components). Every payload record is covered without a
 * change here, since the kinds are the sealed interface's permitted subclasses.
 */
final class JobPayloadSerializer implements Serializer {
    private final JsonAdapter<JobPayload> adapter;

    JobPayloadSerializer() {
        PolymorphicJsonAdapterFactory<JobPayload> kinds = PolymorphicJsonAdapterFactory.of(JobPayload.class, "kind");
        for (Class<?> kind : JobPayload.class.getPermittedSubclasses()) {
            kinds = kinds.withSubtype(kind.asSubclass(JobPayload.class), kind.getSimpleName());
        }
        this.adapter =
                new Moshi.Builder().add(kinds).add(new ValueAdapters()).build().adapter(JobPayload.class);
    }

    @Override
    public byte[] serialize(Object data) {
        if (data == null) {
            return null;
        }
        if (!(data instanceof JobPayload payload)) {
            throw new SerializationException(
                    "not a job payload: " + data.getClass().getName(), null);
        }
        return adapter.toJson(payload).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <T> T deserialize(Class<T> type, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return type.cast(adapter.fromJson(new String(data, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("unreadable job payload", e);
        }
    }

    /** Identifiers as their plain string form. */
    static final class ValueAdapters {
        @ToJson
        String recruit(RecruitId id) {
            return id.toString();
        }

        @FromJson
        RecruitId recruit(String id) {
            return RecruitId.parse(id);
        }

        @ToJson
        String location(LocationId id) {
            return id.value();
        }

        @FromJson
        LocationId location(String id) {
            return new LocationId(id);
        }

        @ToJson
        String message(MessageKey key) {
            return key.value();
        }

        @FromJson
        MessageKey message(String key) {
            return new MessageKey(key);
        }
    }
}
