package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactChanges;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.GhlException;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * GHL contacts in memory. {@link #upsert} follows the usual duplicate rule of a location (an existing
 * contact with the same email, else the same phone, is updated: names and identifiers given replace,
 * tags and custom fields are merged); {@link #create} always creates, as GHL does when duplicates are
 * allowed.
 */
public final class InMemoryContacts implements ContactDirectory {
    private final Clock clock;
    private final GhlFaults faults;
    private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();
    private long sequence;

    public InMemoryContacts(Clock clock) {
        this(clock, new GhlFaults());
    }

    InMemoryContacts(Clock clock, GhlFaults faults) {
        this.clock = clock;
        this.faults = faults;
    }

    static GhlException notFound(String what) {
        return new GhlException(GhlException.Kind.NOT_FOUND, 404, what + " not found", null);
    }

    @Override
    public synchronized Upserted upsert(ContactDraft draft) {
        RuntimeException pending = faults.before(Operation.CONTACT_UPSERT);
        Optional<Contact> existing = findByEmailThenPhone(draft.location(), draft.phone(), draft.email());
        Upserted result;
        if (existing.isPresent()) {
            Contact c = existing.get();
            Set<String> tags = new LinkedHashSet<>(c.tags());
            tags.addAll(draft.tags());
            Contact updated = new Contact(
                    c.id(),
                    c.location(),
                    draft.firstName().isBlank() ? c.firstName() : draft.firstName(),
                    draft.lastName().isBlank() ? c.lastName() : draft.lastName(),
                    draft.email().or(c::email),
                    draft.phone().or(c::phone),
                    tags,
                    merge(c.customFields(), draft.customFields()),
                    c.timeZone(),
                    c.dnd(),
                    draft.source().or(c::source),
                    c.dateAdded(),
                    Optional.of(clock.now()));
            contacts.put(c.id(), updated);
            result = new Upserted(updated, false);
        } else {
            result = new Upserted(insert(draft), true);
        }
        return GhlFaults.after(pending, result);
    }

    @Override
    public synchronized Contact create(ContactDraft draft) {
        RuntimeException pending = faults.before(Operation.CONTACT_CREATE);
        return GhlFaults.after(pending, insert(draft));
    }

    private Contact insert(ContactDraft draft) {
        ContactId id = new ContactId(String.format("cont_%06d", ++sequence));
        Contact c = new Contact(
                id,
                draft.location(),
                draft.firstName(),
                draft.lastName(),
                draft.email(),
                draft.phone(),
                draft.tags(),
                draft.customFields(),
                Optional.empty(),
                false,
                draft.source(),
                Optional.of(clock.now()),
                Optional.of(clock.now()));
        contacts.put(id, c);
        return c;
    }

    private static List<CustomFieldValue> merge(List<CustomFieldValue> current, List<CustomFieldValue> changes) {
        Map<String, CustomFieldValue> byId = new LinkedHashMap<>();
        current.forEach(f -> byId.put(f.fieldId(), f));
        changes.forEach(f -> byId.put(f.fieldId(), f));
        return new ArrayList<>(byId.values());
    }

    @Override
    public synchronized Optional<Contact> find(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }

    private Contact require(ContactId id) {
        Contact c = contacts.get(id);
        if (c == null) {
            throw notFound("Contact");
        }
        return c;
    }

    @Override
    public synchronized Contact update(ContactId id, ContactChanges changes) {
        RuntimeException pending = faults.before(Operation.CONTACT_UPDATE);
        Contact c = require(id);
        Contact updated = new Contact(
                c.id(),
                c.location(),
                changes.firstName().orElse(c.firstName()),
                changes.lastName().orElse(c.lastName()),
                changes.email().or(c::email),
                changes.phone().or(c::phone),
                changes.tags().orElse(c.tags()),
                merge(c.customFields(), changes.customFields()),
                c.timeZone(),
                changes.dnd().orElse(c.dnd()),
                c.source(),
                c.dateAdded(),
                Optional.of(clock.now()));
        contacts.put(id, updated);
        return GhlFaults.after(pending, updated);
    }

    @Override
    public synchronized void delete(ContactId id) {
        require(id);
        contacts.remove(id);
    }

    @Override
    public synchronized Set<String> addTags(ContactId id, Set<String> tags) {
        Contact c = require(id);
        Set<String> all = new LinkedHashSet<>(c.tags());
        all.addAll(tags);
        return update(id, ContactChanges.none().withTags(all)).tags();
    }

    @Override
    public synchronized Set<String> removeTags(ContactId id, Set<String> tags) {
        Contact c = require(id);
        Set<String> rest = new LinkedHashSet<>(c.tags());
        rest.removeAll(tags);
        return update(id, ContactChanges.none().withTags(rest)).tags();
    }

    /** Case-insensitive substring match on names, email and phone; a blank query matches every contact. */
    @Override
    public synchronized Stream<Contact> search(LocationId location, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return contacts.values().stream()
                .filter(c -> c.location().equals(location))
                .filter(c -> q.isEmpty()
                        || (c.firstName() + " " + c.lastName())
                                .toLowerCase(Locale.ROOT)
                                .contains(q)
                        || c.email().map(e -> e.value().contains(q)).orElse(false)
                        || c.phone().map(p -> p.e164().contains(q)).orElse(false))
                .toList()
                .stream();
    }

    @Override
    public synchronized Optional<Contact> findByPhoneOrEmail(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        return findByEmailThenPhone(location, phone, email);
    }

    private Optional<Contact> findByEmailThenPhone(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        Stream<Contact> inLocation =
                contacts.values().stream().filter(c -> c.location().equals(location));
        List<Contact> candidates = inLocation.toList();
        Optional<Contact> byEmail = email.flatMap(e -> candidates.stream()
                .filter(c -> c.email().equals(Optional.of(e)))
                .findFirst());
        return byEmail.or(() -> phone.flatMap(p -> candidates.stream()
                .filter(c -> c.phone().equals(Optional.of(p)))
                .findFirst()));
    }

    /** Every contact, in creation order. */
    public synchronized List<Contact> all() {
        return List.copyOf(contacts.values());
    }
}
