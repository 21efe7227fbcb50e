package io.recruitflow.adapter.ghl;

import com.squareup.moshi.Json;
import java.util.List;

/**
 * Moshi DTOs of openapi/contacts.json, named as in the spec (typos included: {@code GetContectByIdSchema},
 * {@code succeded}). Unknown fields are ignored; absent fields are null and are not written. The records are
 * public because Moshi's record adapter insists, and the holder because the contact webhooks
 * ({@code io.recruitflow.adapter.ghl.webhook}) carry the same contact and are read into the same DTO: one set
 * of GHL contact DTOs. Neither is API: nothing outside this module refers to them.
 */
public final class ContactDtos {
    private ContactDtos() {}

    /**
     * A custom field as GHL takes it on input: by {@code id} or by {@code key}, with {@code field_value} — a
     * string ({@code customFieldsInputStringSchema}) or, for multi-select and checkbox fields, an array of
     * strings ({@code customFieldsInputArraySchema}): see {@link CustomFieldTypes}. (GHL answers with
     * {@code {id, value}}: see {@link CustomFieldSchema}.)
     */
    public record CustomFieldInputDto(
            String id,
            String key,
            @Json(name = "field_value") Object fieldValue) {}

    /** A custom field as GHL answers it. The value may be a string, a number, a list or an object. */
    public record CustomFieldSchema(String id, Object value) {}

    public record CreateContactDto(
            String firstName,
            String lastName,
            String name,
            String email,
            String locationId,
            String phone,
            String timezone,
            Boolean dnd,
            List<String> tags,
            List<CustomFieldInputDto> customFields,
            String source,
            String companyName,
            String assignedTo) {}

    public record UpsertContactDto(
            String firstName,
            String lastName,
            String name,
            String email,
            String locationId,
            String phone,
            String timezone,
            Boolean dnd,
            List<String> tags,
            List<CustomFieldInputDto> customFields,
            String source,
            String companyName,
            String assignedTo,
            Boolean createNewIfDuplicateAllowed) {}

    public record UpdateContactDto(
            String firstName,
            String lastName,
            String name,
            String email,
            String phone,
            String timezone,
            Boolean dnd,
            List<String> tags,
            List<CustomFieldInputDto> customFields,
            String source,
            String assignedTo) {}

    /**
     * The body of {@code POST /contacts/search}. The spec leaves it empty; GHL answers 422 without
     * {@code locationId} and {@code pageLimit}. {@code searchAfter} is the last hit's sort values.
     */
    public record SearchBodyV2DTO(
            String locationId,
            Integer page,
            Integer pageLimit,
            String query,
            List<SearchFilterDto> filters,
            List<Object> searchAfter) {}

    /** A filter, or an AND/OR {@code group} of {@code filters}. */
    public record SearchFilterDto(
            String group, String field, String operator, Object value, List<SearchFilterDto> filters) {}

    /**
     * A contact as GHL answers it (get, upsert, update; create and search answer compatible subsets), and as
     * the contact webhooks (ContactCreate, ContactUpdate, ContactDelete, ContactDndUpdate, ContactTagUpdate)
     * send it, where {@code type} is the webhook's event type rather than the contact's.
     */
    public record GetContectByIdSchema(
            String id,
            String name,
            String locationId,
            String firstName,
            String lastName,
            String email,
            String timezone,
            String state,
            String companyName,
            String phone,
            Boolean dnd,
            DndSettingsSchema dndSettings,
            String type,
            String source,
            String assignedTo,
            List<String> tags,
            String dateAdded,
            String dateUpdated,
            List<CustomFieldSchema> customFields,
            List<Object> searchAfter) {}

    /**
     * Do-not-disturb per channel; the wire names are GHL's channel names. {@code all} is not in the spec's
     * schema but is GHL's name for every channel at once (as in {@code inboundDndSettings}); it is read when
     * present.
     */
    public record DndSettingsSchema(
            @Json(name = "all") DndSettingSchema all,
            @Json(name = "Call") DndSettingSchema call,
            @Json(name = "Email") DndSettingSchema email,
            @Json(name = "SMS") DndSettingSchema sms,
            @Json(name = "WhatsApp") DndSettingSchema whatsApp,
            @Json(name = "GMB") DndSettingSchema gmb,
            @Json(name = "FB") DndSettingSchema fb) {}

    /** One channel's do-not-disturb: {@code status} is {@code active}, {@code inactive} or {@code permanent}. */
    public record DndSettingSchema(String status, String message, String code) {}

    public record CreateContactsSuccessfulResponseDto(GetContectByIdSchema contact, String traceId) {}

    /** {@code new} is a Java keyword. */
    public record UpsertContactsSuccessfulResponseDto(
            @Json(name = "new") Boolean created, GetContectByIdSchema contact, String traceId) {}

    /** The deprecated {@code GET /contacts/}: the spec lists contacts and count; GHL also sends {@code meta}. */
    public record ContactsSearchSuccessfulResponseDto(
            List<GetContectByIdSchema> contacts, Long count, SearchMetaDto meta) {}

    /** The startAfter/startAfterId cursor shared by the legacy contact list and the opportunity search. */
    public record SearchMetaDto(
            Long total,
            String nextPageUrl,
            String startAfterId,
            Long startAfter,
            Integer currentPage,
            Integer nextPage,
            Integer prevPage) {}

    /** {@code POST /contacts/search} answers {@code {contacts, total}} (undocumented in the spec). */
    public record SearchContactsV2ResponseDto(List<GetContectByIdSchema> contacts, Long total, String traceId) {}

    public record ContactsByIdSuccessfulResponseDto(GetContectByIdSchema contact) {}

    /** {@code succeded} (sic) is the wire name. */
    public record UpdateContactsSuccessfulResponseDto(Boolean succeded, GetContectByIdSchema contact) {}

    public record DeleteContactsSuccessfulResponseDto(Boolean succeded) {}

    public record TagsDTO(List<String> tags) {}

    public record CreateAddTagSuccessfulResponseDto(List<String> tags) {}

    public record CreateDeleteTagSuccessfulResponseDto(List<String> tags) {}

    public record CreateWorkflowDto(String eventStartTime) {}

    public record ContactsWorkflowSuccessfulResponseDto(Boolean succeded) {}
}
