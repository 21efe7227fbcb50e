package io.recruitflow.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored GHL object (contact, opportunity, message, ...) as an immutable snapshot of its wire
 * fields. Updates copy, change and replace the snapshot, so readers never see a half-made change.
 *
 * @param seq creation order, for GHL's cursor paging
 * @param fields the wire fields; the Doc takes ownership of the map, callers hand over a fresh one
 */
record Doc(String id, String locationId, long seq, Map<String, Object> fields) {
    Doc {
        fields = Collections.unmodifiableMap(fields);
    }

    String str(String key) {
        return Json.string(fields, key);
    }

    Object get(String key) {
        return fields.get(key);
    }

    Map<String, Object> mutableCopy() {
        return new LinkedHashMap<>(fields);
    }

    Doc with(Map<String, Object> newFields) {
        return new Doc(id, locationId, seq, newFields);
    }
}
