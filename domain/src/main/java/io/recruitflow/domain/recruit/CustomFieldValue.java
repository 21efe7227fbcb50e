package io.recruitflow.domain.recruit;

/** A GHL custom field value, by the field's id ({@code cf_license_state}) or key. */
public record CustomFieldValue(String fieldId, String value) {
    public CustomFieldValue {
        if (fieldId == null || fieldId.isBlank()) {
            throw new IllegalArgumentException("custom field id is blank");
        }
        value = value == null ? "" : value;
    }
}
