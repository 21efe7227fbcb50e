package io.recruitflow.adapter.ghl;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.recruitflow.adapter.ghl.ConversationDtos.GetMessagesByConversationResponseDto;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Set;

/**
 * Reads a page of messages in either shape GHL uses: the spec's flat {@code {lastMessageId, nextPage,
 * messages: [...]}} or the wrapped {@code {messages: {lastMessageId, nextPage, messages: [...]}}} seen in
 * production answers.
 */
final class MessagesPageAdapter implements JsonAdapter.Factory {

    @Override
    public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
        if (!annotations.isEmpty() || Types.getRawType(type) != GetMessagesByConversationResponseDto.class) {
            return null;
        }
        JsonAdapter<GetMessagesByConversationResponseDto> delegate = moshi.nextAdapter(this, type, annotations);
        return new JsonAdapter<GetMessagesByConversationResponseDto>() {
            @Override
            public GetMessagesByConversationResponseDto fromJson(JsonReader reader) throws IOException {
                Object value = reader.readJsonValue();
                if (value instanceof Map<?, ?> outer && outer.get("messages") instanceof Map<?, ?> inner) {
                    value = inner;
                }
                return delegate.fromJsonValue(value);
            }

            @Override
            public void toJson(JsonWriter writer, GetMessagesByConversationResponseDto page) throws IOException {
                delegate.toJson(writer, page);
            }
        };
    }
}
