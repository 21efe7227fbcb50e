package io.recruitflow.adapter.ghl;

import com.squareup.moshi.FromJson;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.ToJson;
import io.recruitflow.adapter.ghl.CalendarDtos.FreeSlotsResponse;
import io.recruitflow.adapter.ghl.CalendarDtos.SlotDto;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads GHL's free-slots answer: {@code {"2026-02-12": {"slots": ["2026-02-12T09:00:00-05:00", ...]}, ...,
 * "traceId": "..."}}. The {@code traceId} key, and on real answers a {@code _dates_} key, sit among the
 * dates: only keys shaped {@code YYYY-MM-DD} are days, every other key is metadata and skipped. A slot is a
 * start time (the spec) or an object {@code {start, end}} (the reference); anything else is skipped.
 */
final class FreeSlotsAdapter {

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @FromJson
    FreeSlotsResponse fromJson(JsonReader reader) throws IOException {
        Object value = reader.readJsonValue();
        Map<String, List<SlotDto>> days = new LinkedHashMap<>();
        String traceId = null;
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (key.equals("traceId")) {
                    traceId = e.getValue() instanceof String s ? s : null;
                } else if (!DAY.matcher(key).matches()) {
                    continue; // "_dates_" and any other metadata beside the days
                } else if (e.getValue() instanceof Map<?, ?> day) {
                    days.put(key, slots(day.get("slots")));
                } else if (e.getValue() instanceof List<?> list) { // the reference's shape: date -> [slots]
                    days.put(key, slots(list));
                }
            }
        }
        return new FreeSlotsResponse(days, traceId);
    }

    private static List<SlotDto> slots(Object raw) {
        List<SlotDto> out = new ArrayList<>();
        if (raw instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof String start) {
                    out.add(new SlotDto(start, null));
                } else if (item instanceof Map<?, ?> m && m.get("start") instanceof String start) {
                    out.add(new SlotDto(start, m.get("end") instanceof String end ? end : null));
                }
            }
        }
        return out;
    }

    @ToJson
    void toJson(JsonWriter writer, FreeSlotsResponse response) throws IOException {
        writer.beginObject();
        for (Map.Entry<String, List<SlotDto>> day : response.days().entrySet()) {
            writer.name(day.getKey()).beginObject().name("slots").beginArray();
            for (SlotDto slot : day.getValue()) {
                if (slot.end() == null) {
                    writer.value(slot.start());
                } else {
                    writer.beginObject()
                            .name("start")
                            .value(slot.start())
                            .name("end")
                            .value(slot.end())
                            .endObject();
                }
            }
            writer.endArray().endObject();
        }
        if (response.traceId() != null) {
            writer.name("traceId").value(response.traceId());
        }
        writer.endObject();
    }
}
