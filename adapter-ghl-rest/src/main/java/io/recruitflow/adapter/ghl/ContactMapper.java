package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.CreateContactDto;
import io.recruitflow.adapter.ghl.ContactDtos.CustomFieldInputDto;
import io.recruitflow.adapter.ghl.ContactDtos.CustomFieldSchema;
import io.recruitflow.adapter.ghl.ContactDtos.GetContectByIdSchema;
import io.recruitflow.adapter.ghl.ContactDtos.UpdateContactDto;
import io.recruitflow.adapter.ghl.ContactDtos.UpsertContactDto;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UserId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Contacts: domain drafts to GHL DTOs and GHL answers to domain contacts. */
final class ContactMapper {
    private ContactMapper() {}

    static CreateContactDto create(ContactDraft d, CustomFieldTypes.Fields types) {
        return new CreateContactDto(
                nullIfBlank(d.firstName()),
                nullIfBlank(d.lastName()),
                null,
                d.email().map(EmailAddress::value).orElse(null),
                d.location().value(),
                d.phone().map(PhoneNumber::e164).orElse(null),
                null,
                null,
                List.copyOf(d.tags()),
                customFields(d.customFields(), types),
                d.source().orElse(null),
                null,
                d.assignedTo().map(UserId::value).orElse(null));
    }

    static UpsertContactDto upsert(ContactDraft d, CustomFieldTypes.Fields types) {
        return new UpsertContactDto(
                nullIfBlank(d.firstName()),
                nullIfBlank(d.lastName()),
                null,
                d.email().map(EmailAddress::value).orElse(null),
                d.location().value(),
                d.phone().map(PhoneNumber::e164).orElse(null),
                null,
                null,
                List.copyOf(d.tags()),
                customFields(d.customFields(), types),
                d.source().orElse(null),
                null,
                d.assignedTo().map(UserId::value).orElse(null),
                null);
    }

    static UpdateContactDto update(ContactChanges c, CustomFieldTypes.Fields types) {
        return new UpdateContactDto(
                c.firstName().orElse(null),
                c.lastName().orElse(null),
                null,
                c.email().map(EmailAddress::value).orElse(null),
                c.phone().map(PhoneNumber::e164).orElse(null),
                null,
                c.dnd().orElse(null),
                c.tags().map(List::copyOf).orElse(null),
                c.customFields().isEmpty() ? null : customFields(c.customFields(), types),
                null,
                null);
    }

    /**
     * Custom fields are written {@code {id, key, field_value}}: a {@code contact.xxx} name is a field key,
     * anything else a field id; the value is an array of options for the location's multi-select and checkbox
     * fields, else a string ({@link CustomFieldTypes}).
     */
    static List<CustomFieldInputDto> customFields(List<CustomFieldValue> fields, CustomFieldTypes.Fields types) {
        return fields.stream()
                .map(f -> {
                    Object value = types.inputOf(f.fieldId(), f.value());
                    return f.fieldId().startsWith("contact.")
                            ? new CustomFieldInputDto(null, f.fieldId(), value)
                            : new CustomFieldInputDto(f.fieldId(), null, value);
                })
                .toList();
    }

    /**
     * GHL's contact, with its do-not-disturb ({@code dnd} and {@code dndSettings}, see {@link GhlDnd});
     * {@code fallbackLocation} when the answer omits {@code locationId}.
     */
    static Contact contact(GetContectByIdSchema c, LocationId fallbackLocation) {
        if (c == null || c.id() == null) {
            throw new IllegalArgumentException("GHL answered without a contact id");
        }
        LocationId location =
                c.locationId() != null && !c.locationId().isBlank() ? new LocationId(c.locationId()) : fallbackLocation;
        String first = c.firstName();
        String last = c.lastName();
        if (first == null && last == null && c.name() != null) { // search hits may carry only the full name
            int space = c.name().indexOf(' ');
            first = space < 0 ? c.name() : c.name().substring(0, space);
            last = space < 0 ? "" : c.name().substring(space + 1);
        }
        List<CustomFieldValue> fields = c.customFields() == null
                ? List.of()
                : c.customFields().stream()
                        .filter(f -> f != null && f.id() != null && !f.id().isBlank())
                        .map(ContactMapper::customField)
                        .toList();
        return new Contact(
                new ContactId(c.id()),
                location,
                first,
                last,
                Wire.email(c.email()),
                Wire.phone(c.phone()),
                c.tags() == null
                        ? Set.of()
                        : Set.copyOf(c.tags().stream().filter(t -> t != null).toList()),
                fields,
                Wire.zone(c.timezone()),
                Wire.state(c.state()),
                GhlDnd.of(c.dnd(), c.dndSettings()),
                Optional.ofNullable(c.source()),
                Wire.instant(c.dateAdded()),
                Wire.instant(c.dateUpdated()));
    }

    private static CustomFieldValue customField(CustomFieldSchema f) {
        return new CustomFieldValue(f.id(), Wire.text(f.value()));
    }

    private static String nullIfBlank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
