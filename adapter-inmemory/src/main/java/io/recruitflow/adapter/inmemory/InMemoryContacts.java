package io.recruitflow.adapter.inmemory;

import io.recruitflow.adapter.inmemory.GhlFaults.Operation;
import io.recruitflow.domain.recruit.Contact;
import io.recruitflow.domain.recruit.ContactDirectory;
import io.recruitflow.domain.recruit.ContactDraft;
import io.recruitflow.domain.recruit.CustomFieldValue;
import io.recruitflow.domain.recruit.DoNotDisturb;
import io.recruitflow.domain.shared.Clock;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.ExternalFailure;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GHL contacts in memory. {@link #upsert} follows the usual duplicate rule of a location (an existing
 * contact with the same email, else the same phone, is updated: names and identifiers given replace,
 * tags and custom fields are merged).
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

    static ExternalFailure notFound(String what) {
        return new ExternalFailure.Rejected(what + " not found");
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
                DoNotDisturb.NONE,
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

    /** A contact GHL already holds (made in GHL, by a form or an earlier import): no duplicate check. */
    public synchronized Contact add(ContactDraft draft) {
        return insert(draft);
    }

    /** A user (or the contact, by replying STOP to GHL) sets the contact's do-not-disturb in GHL. */
    public synchronized Contact setDnd(ContactId id, DoNotDisturb dnd) {
        Contact c = find(id).orElseThrow(() -> notFound("Contact"));
        Contact changed = new Contact(
                c.id(),
                c.location(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.phone(),
                c.tags(),
                c.customFields(),
                c.timeZone(),
                dnd,
                c.source(),
                c.dateAdded(),
                Optional.of(clock.now()));
        contacts.put(id, changed);
        return changed;
    }

    /** The contact with this id, if there is one. */
    public synchronized Optional<Contact> find(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }

    private Optional<Contact> findByEmailThenPhone(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        List<Contact> candidates = contacts.values().stream()
                .filter(c -> c.location().equals(location))
                .toList();
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
