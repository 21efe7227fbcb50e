package io.recruitflow.adapter.ghl;

import io.recruitflow.adapter.ghl.ContactDtos.ContactsSearchSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.CreateContactsSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.GetContectByIdSchema;
import io.recruitflow.adapter.ghl.ContactDtos.SearchBodyV2DTO;
import io.recruitflow.adapter.ghl.ContactDtos.SearchContactsV2ResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.SearchFilterDto;
import io.recruitflow.adapter.ghl.ContactDtos.TagsDTO;
import io.recruitflow.adapter.ghl.ContactDtos.UpdateContactsSuccessfulResponseDto;
import io.recruitflow.adapter.ghl.ContactDtos.UpsertContactsSuccessfulResponseDto;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GHL's contacts API. As the core's {@link ContactDirectory} it upserts, reads the location's duplicate
 * setting, creates a contact of the lead's own and completes a contact's identifiers; the rest of the API is here for
 * embedders: create, read, update, delete, tags, search and the reconciling look-up by phone or email. Every
 * call names the location whose token it uses. Failures are {@link ExternalFailure}s with a {@link
 * GhlHttpError} cause.
 *
 * <p>Search is {@code POST /contacts/search} (page/pageLimit, continuing with {@code searchAfter} when GHL gives
 * one); with a v1 API key it is the deprecated {@code GET /contacts/} and its startAfterId/startAfter cursor.
 */
public final class GhlContacts implements ContactDirectory, io.recruitflow.domain.recruit.ContactTags {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final ContactsApi api;
    private final LocationsApi locations;
    private final boolean legacySearch;
    private final CustomFieldTypes fieldTypes;

    GhlContacts(GhlCalls calls, ContactsApi api, LocationsApi locations, boolean legacySearch) {
        this.calls = calls;
        this.api = api;
        this.locations = locations;
        this.legacySearch = legacySearch;
        this.fieldTypes = new CustomFieldTypes(calls, locations);
    }

    /**
     * {@code POST /contacts/upsert}: idempotent, GHL finds a duplicate by the location's rule. Custom fields
     * take the shape their type asks for (the location's definitions are read once: {@link CustomFieldTypes}).
     */
    @Override
    public Upserted upsert(ContactDraft draft) {
        CustomFieldTypes.Fields types = typesFor(draft.location(), draft.customFields());
        GhlCall call = GhlCall.idempotent("POST /contacts/upsert", calls.as(draft.location()));
        UpsertContactsSuccessfulResponseDto dto =
                calls.call(call, auth -> api.upsertContact(auth, ContactMapper.upsert(draft, types)));
        if (dto == null || dto.contact() == null || dto.contact().id() == null) {
            throw GhlFailures.unusableAnswer(call, "the answer names no contact", dto == null ? null : dto.traceId());
        }
        Contact contact = ContactMapper.contact(dto.contact(), draft.location());
        return new Upserted(contact, Boolean.TRUE.equals(dto.created()));
    }

    /**
     * The location's "Allow Duplicate Contact" ({@code GET /locations/{id}}, {@code settings}). Off when GHL does
     * not say, and when the token may not read the location: off is GHL's default, and the caller then only
     * tries to complete the matched contact, which GHL refuses if that would duplicate another.
     */
    @Override
    public boolean allowsDuplicates(LocationId location) {
        try {
            var dto = calls.call(
                    GhlCall.idempotent("GET /locations/{id}", calls.as(location)),
                    auth -> locations.getLocation(auth, location.value()));
            var settings = dto == null || dto.location() == null
                    ? null
                    : dto.location().settings();
            return settings != null && Boolean.TRUE.equals(settings.allowDuplicateContact());
        } catch (ExternalFailure.AccessDenied e) {
            return false;
        }
    }

    /**
     * A contact of the draft's own, although others share its email or phone: the one with both the draft's
     * phone and email if GHL already holds it (an earlier attempt made it), else {@code POST /contacts/}, which
     * GHL allows where the location allows duplicates. The create is not idempotent; after {@link
     * ExternalFailure.OutcomeUnknown} calling this again finds what it made.
     */
    @Override
    public Contact createSeparate(ContactDraft draft) {
        Optional<Contact> made = findCarrying(draft.location(), draft.phone(), draft.email());
        return made.orElseGet(() -> create(draft));
    }

    /** {@code PUT /contacts/{id}} with the draft's email and phone. Idempotent. */
    @Override
    public Contact addIdentifiers(ContactId contact, ContactDraft draft) {
        ContactChanges identifiers = new ContactChanges(
                Optional.empty(),
                Optional.empty(),
                draft.email(),
                draft.phone(),
                Optional.empty(),
                List.of(),
                Optional.empty());
        return update(draft.location(), contact, identifiers);
    }

    /** {@code PUT /contacts/{id}} with {@code assignedTo} alone: the contact's owner. Idempotent. */
    @Override
    public void assign(LocationId location, ContactId contact, UserId user) {
        calls.call(
                GhlCall.idempotent("PUT /contacts/{id}", calls.as(location)),
                auth -> api.updateContact(
                        auth,
                        contact.value(),
                        new ContactDtos.UpdateContactDto(
                                null, null, null, null, null, null, null, null, null, null, user.value())));
    }

    /** The contact of the location with exactly this phone and this email (those given), if GHL holds one. */
    public Optional<Contact> findCarrying(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        if (phone.isEmpty() && email.isEmpty()) {
            return Optional.empty();
        }
        Stream<Contact> hits;
        if (legacySearch) {
            hits = search(
                            location,
                            phone.map(PhoneNumber::e164)
                                    .orElseGet(() -> email.get().value()))
                    .limit(PAGE);
        } else {
            List<SearchFilterDto> all = new ArrayList<>();
            phone.ifPresent(p -> all.add(new SearchFilterDto(null, "phone", "eq", p.e164(), null)));
            email.ifPresent(e -> all.add(new SearchFilterDto(null, "email", "eq", e.value(), null)));
            hits = searchV2(location, null, all).limit(PAGE);
        }
        // GHL's matching is fuzzy: only exact matches count.
        return hits.filter(c -> c.carries(phone, email)).findFirst();
    }

    /**
     * {@code POST /contacts/}. Not idempotent, and GHL may create the contact even when it answers 422: any
     * failure that leaves this open is {@link ExternalFailure.OutcomeUnknown}; look the contact up ({@link
     * #findByPhoneOrEmail}) before creating it again, or use {@link #upsert}.
     */
    public Contact create(ContactDraft draft) {
        CustomFieldTypes.Fields types = typesFor(draft.location(), draft.customFields());
        GhlCall call = GhlCall.create("POST /contacts/", calls.as(draft.location()));
        CreateContactsSuccessfulResponseDto dto =
                calls.call(call, auth -> api.createContact(auth, ContactMapper.create(draft, types)));
        if (dto == null || dto.contact() == null || dto.contact().id() == null) {
            // GHL says it worked but not what it made: the caller must look the contact up.
            throw GhlFailures.unusableAnswer(call, "the answer names no contact", dto == null ? null : dto.traceId());
        }
        return ContactMapper.contact(dto.contact(), draft.location());
    }

    /** {@code GET /contacts/{id}}; empty when GHL answers 404. */
    public Optional<Contact> find(LocationId location, ContactId id) {
        try {
            var dto = calls.call(
                    GhlCall.idempotent("GET /contacts/{id}", calls.as(location)),
                    auth -> api.getContact(auth, id.value()));
            return dto == null || dto.contact() == null
                    ? Optional.empty()
                    : Optional.of(ContactMapper.contact(dto.contact(), location));
        } catch (ExternalFailure.Rejected e) {
            if (GhlFailures.notFound(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code PUT /contacts/{id}}: only the present fields change; tags given replace all tags. */
    public Contact update(LocationId location, ContactId id, ContactChanges changes) {
        CustomFieldTypes.Fields types = typesFor(location, changes.customFields());
        UpdateContactsSuccessfulResponseDto dto = calls.call(
                GhlCall.idempotent("PUT /contacts/{id}", calls.as(location)),
                auth -> api.updateContact(auth, id.value(), ContactMapper.update(changes, types)));
        if (dto != null && dto.contact() != null) {
            return ContactMapper.contact(dto.contact(), location);
        }
        // GHL answered without the contact: read it (a 404 now is a Rejected, as GHL says).
        GhlCall read = GhlCall.idempotent("GET /contacts/{id}", calls.as(location));
        var found = calls.call(read, auth -> api.getContact(auth, id.value()));
        if (found == null || found.contact() == null) {
            throw GhlFailures.unusableAnswer(read, "the answer names no contact", null);
        }
        return ContactMapper.contact(found.contact(), location);
    }

    /** {@code DELETE /contacts/{id}}. */
    public void delete(LocationId location, ContactId id) {
        calls.call(
                GhlCall.idempotent("DELETE /contacts/{id}", calls.as(location)),
                auth -> api.deleteContact(auth, id.value()));
    }

    /** {@code POST /contacts/{id}/tags}; returns the contact's tags afterwards. */
    @Override
    public Set<String> addTags(LocationId location, ContactId id, Set<String> tags) {
        // Adding a tag twice leaves one tag: safe to repeat.
        var dto = calls.call(
                GhlCall.idempotent("POST /contacts/{id}/tags", calls.as(location)),
                auth -> api.addTags(auth, id.value(), new TagsDTO(List.copyOf(tags))));
        return dto == null || dto.tags() == null ? Set.of() : Set.copyOf(dto.tags());
    }

    /** {@code DELETE /contacts/{id}/tags}; returns the contact's tags afterwards. */
    public Set<String> removeTags(LocationId location, ContactId id, Set<String> tags) {
        var dto = calls.call(
                GhlCall.idempotent("DELETE /contacts/{id}/tags", calls.as(location)),
                auth -> api.removeTags(auth, id.value(), new TagsDTO(List.copyOf(tags))));
        return dto == null || dto.tags() == null ? Set.of() : Set.copyOf(dto.tags());
    }

    /** Contacts of the location matching a free-text query, lazily over every page. */
    public Stream<Contact> search(LocationId location, String query) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return legacySearch ? legacySearch(location, q) : searchV2(location, q, null);
    }

    /**
     * The contact of the location with this phone, else with this email, if any: what reconciles an unknown
     * create. GHL's matching is fuzzy; only exact matches count.
     */
    public Optional<Contact> findByPhoneOrEmail(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        if (phone.isEmpty() && email.isEmpty()) {
            return Optional.empty();
        }
        List<SearchFilterDto> any = new ArrayList<>();
        phone.ifPresent(p -> any.add(new SearchFilterDto(null, "phone", "eq", p.e164(), null)));
        email.ifPresent(e -> any.add(new SearchFilterDto(null, "email", "eq", e.value(), null)));
        List<SearchFilterDto> filters = List.of(new SearchFilterDto("OR", null, null, null, any));
        Stream<Contact> hits = legacySearch
                ? Stream.concat(
                        phone.stream()
                                .flatMap(p -> legacySearch(location, p.e164()).limit(PAGE)),
                        email.stream()
                                .flatMap(e -> legacySearch(location, e.value()).limit(PAGE)))
                : searchV2(location, null, filters).limit(PAGE);
        List<Contact> found = hits.toList();
        // GHL's matching is fuzzy: keep exact matches, a phone match first.
        return found.stream()
                .filter(c -> phone.isPresent() && c.phone().equals(phone))
                .findFirst()
                .or(() -> found.stream()
                        .filter(c -> email.isPresent() && c.email().equals(email))
                        .findFirst());
    }

    /** The location's custom field types when there are custom fields to write; no GHL call otherwise. */
    private CustomFieldTypes.Fields typesFor(LocationId location, List<CustomFieldValue> fields) {
        return fields.isEmpty() ? CustomFieldTypes.Fields.NONE : fieldTypes.of(location);
    }

    /** How many times the custom field definitions were read (for tests: once per location). */
    int customFieldLoads() {
        return fieldTypes.loads();
    }

    private Stream<Contact> searchV2(LocationId location, String query, List<SearchFilterDto> filters) {
        record Cursor(int page, List<Object> searchAfter, long seen) {}
        return Pager.<Cursor, Contact>stream(cursor -> {
            Cursor at = cursor.orElse(new Cursor(1, null, 0));
            SearchBodyV2DTO body = new SearchBodyV2DTO(
                    location.value(),
                    at.searchAfter() == null ? at.page() : null,
                    PAGE,
                    query,
                    filters,
                    at.searchAfter());
            SearchContactsV2ResponseDto dto = calls.call(
                    GhlCall.idempotent("POST /contacts/search", calls.as(location)),
                    auth -> api.searchContacts(auth, body));
            List<GetContectByIdSchema> raw = dto == null || dto.contacts() == null ? List.of() : dto.contacts();
            List<Contact> items = raw.stream()
                    .filter(Objects::nonNull)
                    .map(c -> ContactMapper.contact(c, location))
                    .toList();
            long seenSoFar = at.seen() + items.size();
            // Stop on a short page when GHL gives no total, else when the total is reached.
            boolean more = !items.isEmpty() && (dto.total() == null ? items.size() >= PAGE : seenSoFar < dto.total());
            List<Object> after =
                    raw.isEmpty() ? null : Wire.cursor(raw.get(raw.size() - 1).searchAfter());
            return new Pager.PageOf<>(
                    items,
                    more
                            ? Optional.of(new Cursor(
                                    at.page() + 1, after == null || after.isEmpty() ? null : after, seenSoFar))
                            : Optional.empty());
        });
    }

    private Stream<Contact> legacySearch(LocationId location, String query) {
        record Cursor(String startAfterId, Long startAfter) {}
        return Pager.<Cursor, Contact>stream(cursor -> {
            ContactsSearchSuccessfulResponseDto dto = calls.call(
                    GhlCall.idempotent("GET /contacts/", calls.as(location)),
                    auth -> api.getContacts(
                            auth,
                            location.value(),
                            query,
                            PAGE,
                            cursor.map(Cursor::startAfterId).orElse(null),
                            cursor.map(Cursor::startAfter).orElse(null)));
            List<Contact> items = dto == null || dto.contacts() == null
                    ? List.of()
                    : dto.contacts().stream()
                            .filter(Objects::nonNull)
                            .map(c -> ContactMapper.contact(c, location))
                            .toList();
            var meta = dto == null ? null : dto.meta();
            boolean more = meta != null
                    && meta.startAfterId() != null
                    && !meta.startAfterId().isBlank()
                    && meta.nextPageUrl() != null
                    && !meta.nextPageUrl().isBlank()
                    && !items.isEmpty();
            return new Pager.PageOf<>(
                    items, more ? Optional.of(new Cursor(meta.startAfterId(), meta.startAfter())) : Optional.empty());
        });
    }
}
