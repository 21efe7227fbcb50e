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
import io.recruitflow.adapter.ghl.Owners.Record;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.GhlOutcomeUnknownException;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@link ContactDirectory} on GHL's contacts API. Search is {@code POST /contacts/search} (page/pageLimit,
 * continuing with {@code searchAfter} when GHL gives one); with a v1 API key it is the deprecated
 * {@code GET /contacts/} and its startAfterId/startAfter cursor.
 */
final class GhlContacts implements ContactDirectory {
    static final int PAGE = 100;

    private final GhlCalls calls;
    private final Owners owners;
    private final ContactsApi api;
    private final boolean legacySearch;

    GhlContacts(GhlCalls calls, Owners owners, ContactsApi api, boolean legacySearch) {
        this.calls = calls;
        this.owners = owners;
        this.api = api;
        this.legacySearch = legacySearch;
    }

    @Override
    public Upserted upsert(ContactDraft draft) {
        UpsertContactsSuccessfulResponseDto dto = calls.call(
                GhlCall.idempotent("POST /contacts/upsert", owners.of(draft.location())),
                auth -> api.upsertContact(auth, ContactMapper.upsert(draft)));
        Contact contact = seen(required(dto == null ? null : dto.contact(), "upsert"), draft.location());
        return new Upserted(contact, dto != null && Boolean.TRUE.equals(dto.created()));
    }

    @Override
    public Contact create(ContactDraft draft) {
        CreateContactsSuccessfulResponseDto dto = calls.call(
                GhlCall.create("POST /contacts/", owners.of(draft.location())),
                auth -> api.createContact(auth, ContactMapper.create(draft)));
        if (dto == null || dto.contact() == null || dto.contact().id() == null) {
            // GHL says it worked but not what it made: the caller must look the contact up.
            throw new GhlOutcomeUnknownException(200, "POST /contacts/: the answer names no contact", null, null);
        }
        return seen(dto.contact(), draft.location());
    }

    @Override
    public Optional<Contact> find(ContactId id) {
        try {
            var dto = calls.call(
                    GhlCall.idempotent("GET /contacts/{id}", owners.of(Record.CONTACT, id.value())),
                    auth -> api.getContact(auth, id.value()));
            return dto == null || dto.contact() == null
                    ? Optional.empty()
                    : Optional.of(seen(dto.contact(), owners.locationOf(Record.CONTACT, id.value())));
        } catch (GhlException e) {
            if (e.kind() == GhlException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Contact update(ContactId id, ContactChanges changes) {
        UpdateContactsSuccessfulResponseDto dto = calls.call(
                GhlCall.idempotent("PUT /contacts/{id}", owners.of(Record.CONTACT, id.value())),
                auth -> api.updateContact(auth, id.value(), ContactMapper.update(changes)));
        if (dto != null && dto.contact() != null) {
            return seen(dto.contact(), owners.locationOf(Record.CONTACT, id.value()));
        }
        return find(id).orElseThrow(() -> new GhlException(
                GhlException.Kind.NOT_FOUND, 404, "contact " + id + " vanished after its update", null));
    }

    @Override
    public void delete(ContactId id) {
        calls.call(
                GhlCall.idempotent("DELETE /contacts/{id}", owners.of(Record.CONTACT, id.value())),
                auth -> api.deleteContact(auth, id.value()));
        owners.forget(Record.CONTACT, id.value());
    }

    @Override
    public Set<String> addTags(ContactId id, Set<String> tags) {
        // Adding a tag twice leaves one tag: safe to repeat.
        var dto = calls.call(
                GhlCall.idempotent("POST /contacts/{id}/tags", owners.of(Record.CONTACT, id.value())),
                auth -> api.addTags(auth, id.value(), new TagsDTO(List.copyOf(tags))));
        return dto == null || dto.tags() == null ? Set.of() : Set.copyOf(dto.tags());
    }

    @Override
    public Set<String> removeTags(ContactId id, Set<String> tags) {
        var dto = calls.call(
                GhlCall.idempotent("DELETE /contacts/{id}/tags", owners.of(Record.CONTACT, id.value())),
                auth -> api.removeTags(auth, id.value(), new TagsDTO(List.copyOf(tags))));
        return dto == null || dto.tags() == null ? Set.of() : Set.copyOf(dto.tags());
    }

    @Override
    public Stream<Contact> search(LocationId location, String query) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return legacySearch ? legacySearch(location, q) : searchV2(location, q, null);
    }

    @Override
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
                    GhlCall.idempotent("POST /contacts/search", owners.of(location)),
                    auth -> api.searchContacts(auth, body));
            List<GetContectByIdSchema> raw = dto == null || dto.contacts() == null ? List.of() : dto.contacts();
            List<Contact> items = raw.stream()
                    .filter(Objects::nonNull)
                    .map(c -> seen(c, location))
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
                    GhlCall.idempotent("GET /contacts/", owners.of(location)),
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
                            .map(c -> seen(c, location))
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

    private Contact seen(GetContectByIdSchema dto, LocationId fallback) {
        Contact contact = ContactMapper.contact(dto, fallback);
        owners.remember(Record.CONTACT, contact.id().value(), contact.location());
        return contact;
    }

    private static GetContectByIdSchema required(GetContectByIdSchema contact, String what) {
        if (contact == null) {
            throw new GhlException(
                    GhlException.Kind.SERVER_ERROR, 200, "GHL's " + what + " answer has no contact", null);
        }
        return contact;
    }
}
