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
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GHL contacts in memory. {@link #upsert} follows the usual duplicate rule of a location (an existing
 * contact with the same email, else the same phone, is updated: names and identifiers given replace,
 * tags and custom fields are merged) and GHL's quirk: when the email matches one contact and the phone
 * another, the email's contact is updated and the phone silently dropped (highlevel-api-docs #37).
 */
public final class InMemoryContacts implements ContactDirectory, io.recruitflow.domain.recruit.ContactTags {
    private final Clock clock;
    private final GhlFaults faults;
    private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();
    private final Set<LocationId> allowingDuplicates = new HashSet<>();
    private final Map<ContactId, UserId> owners = new java.util.HashMap<>();
    private boolean dropNextUpsertPhone;
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
            // GHL (highlevel-api-docs #37): matched on the email, it drops a phone that another contact holds.
            Optional<PhoneNumber> phone = draft.phone()
                    .filter(p -> heldByAnother(c, p).isEmpty() && !dropNextUpsertPhone)
                    .or(c::phone);
            dropNextUpsertPhone = false;
            Set<String> tags = new LinkedHashSet<>(c.tags());
            tags.addAll(draft.tags());
            Contact updated = new Contact(
                    c.id(),
                    c.location(),
                    draft.firstName().isBlank() ? c.firstName() : draft.firstName(),
                    draft.lastName().isBlank() ? c.lastName() : draft.lastName(),
                    draft.email().or(c::email),
                    phone,
                    tags,
                    merge(c.customFields(), draft.customFields()),
                    c.timeZone(),
                    c.state(),
                    c.dnd(),
                    draft.source().or(c::source),
                    c.dateAdded(),
                    Optional.of(clock.now()));
            contacts.put(c.id(), updated);
            draft.assignedTo().ifPresent(user -> owners.put(c.id(), user));
            result = new Upserted(updated, false);
        } else {
            result = new Upserted(insert(draft), true);
        }
        return GhlFaults.after(pending, result);
    }

    @Override
    public synchronized Set<String> addTags(LocationId location, ContactId id, Set<String> tags) {
        RuntimeException pending = faults.before(Operation.CONTACT_TAG);
        Contact c = contacts.get(id);
        if (c == null || !c.location().equals(location)) {
            throw notFound("contact " + id);
        }
        Set<String> all = new LinkedHashSet<>(c.tags());
        all.addAll(tags);
        Contact updated = new Contact(
                c.id(),
                c.location(),
                c.firstName(),
                c.lastName(),
                c.email(),
                c.phone(),
                all,
                c.customFields(),
                c.timeZone(),
                c.state(),
                c.dnd(),
                c.source(),
                c.dateAdded(),
                Optional.of(clock.now()));
        contacts.put(id, updated);
        return GhlFaults.after(pending, Set.copyOf(all));
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
                Optional.empty(),
                DoNotDisturb.NONE,
                draft.source(),
                Optional.of(clock.now()),
                Optional.of(clock.now()));
        contacts.put(id, c);
        draft.assignedTo().ifPresent(user -> owners.put(id, user));
        return c;
    }

    @Override
    public synchronized void assign(LocationId location, ContactId contact, UserId user) {
        Contact c = contacts.get(contact);
        if (c == null || !c.location().equals(location)) {
            throw notFound("Contact");
        }
        owners.put(contact, user);
    }

    /** The contact's owner ({@code assignedTo}), if it has one. */
    public synchronized Optional<UserId> ownerOf(ContactId contact) {
        return Optional.ofNullable(owners.get(contact));
    }

    private static List<CustomFieldValue> merge(List<CustomFieldValue> current, List<CustomFieldValue> changes) {
        Map<String, CustomFieldValue> byId = new LinkedHashMap<>();
        current.forEach(f -> byId.put(f.fieldId(), f));
        changes.forEach(f -> byId.put(f.fieldId(), f));
        return new ArrayList<>(byId.values());
    }

    /**
     * Whether the location lets two contacts share an email or a phone (GHL's "Allow Duplicate Contact"); off
     * unless {@linkplain #allowDuplicates set}, as in a new GHL location.
     */
    @Override
    public synchronized boolean allowsDuplicates(LocationId location) {
        return allowingDuplicates.contains(location);
    }

    /** Sets the location's "Allow Duplicate Contact". */
    public synchronized void allowDuplicates(LocationId location, boolean allowed) {
        if (allowed) {
            allowingDuplicates.add(location);
        } else {
            allowingDuplicates.remove(location);
        }
    }

    /**
     * A contact of the draft's own; the one an earlier call made (same phone and email) if there is one.
     * Refused, as GHL refuses it, where the location allows no duplicates and another contact has the email
     * or the phone.
     */
    @Override
    public synchronized Contact createSeparate(ContactDraft draft) {
        Optional<Contact> made = contacts.values().stream()
                .filter(c -> c.location().equals(draft.location()) && c.carries(draft.phone(), draft.email()))
                .findFirst();
        if (made.isPresent()) {
            return made.get();
        }
        if (!allowsDuplicates(draft.location())
                && findByEmailThenPhone(draft.location(), draft.phone(), draft.email())
                        .isPresent()) {
            throw duplicate();
        }
        return insert(draft);
    }

    /**
     * Gives the contact the draft's email and phone. Refused where the location allows no duplicates and
     * another contact holds one of them (GHL's duplicate check, highlevel-api-docs #37).
     */
    @Override
    public synchronized Contact addIdentifiers(ContactId id, ContactDraft draft) {
        Contact c = find(id).orElseThrow(() -> notFound("Contact"));
        if (!allowsDuplicates(c.location())) {
            boolean taken = contacts.values().stream()
                    .anyMatch(o -> o.location().equals(c.location())
                            && !o.id().equals(id)
                            && ((draft.phone().isPresent() && o.phone().equals(draft.phone()))
                                    || (draft.email().isPresent() && o.email().equals(draft.email()))));
            if (taken) {
                throw duplicate();
            }
        }
        Contact changed = new Contact(
                c.id(),
                c.location(),
                c.firstName(),
                c.lastName(),
                draft.email().or(c::email),
                draft.phone().or(c::phone),
                c.tags(),
                c.customFields(),
                c.timeZone(),
                c.state(),
                c.dnd(),
                c.source(),
                c.dateAdded(),
                Optional.of(clock.now()));
        contacts.put(id, changed);
        return changed;
    }

    private static ExternalFailure duplicate() {
        return new ExternalFailure.Rejected("This location does not allow duplicated contacts.");
    }

    /** The next upsert answers without the draft's phone, as GHL sometimes does (for tests). */
    public synchronized void dropNextUpsertPhone() {
        dropNextUpsertPhone = true;
    }

    /** A user deletes the contact in GHL. */
    public synchronized void delete(ContactId id) {
        contacts.remove(id);
    }

    /** A contact GHL already holds (made in GHL, by a form or an earlier import): no duplicate check. */
    public synchronized Contact add(ContactDraft draft) {
        return insert(draft);
    }

    /** A user sets the state of the contact's address in GHL. */
    public synchronized Contact setAddressState(ContactId id, Optional<UsState> state) {
        Contact c = find(id).orElseThrow(() -> notFound("Contact"));
        return changed(c, state, c.dnd());
    }

    /** A user (or the contact, by replying STOP to GHL) sets the contact's do-not-disturb in GHL. */
    public synchronized Contact setDnd(ContactId id, DoNotDisturb dnd) {
        Contact c = find(id).orElseThrow(() -> notFound("Contact"));
        return changed(c, c.state(), dnd);
    }

    private Contact changed(Contact c, Optional<UsState> state, DoNotDisturb dnd) {
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
                state,
                dnd,
                c.source(),
                c.dateAdded(),
                Optional.of(clock.now()));
        contacts.put(c.id(), changed);
        return changed;
    }

    /** The contact with this id, if there is one. */
    public synchronized Optional<Contact> find(ContactId id) {
        return Optional.ofNullable(contacts.get(id));
    }

    private Optional<Contact> heldByAnother(Contact c, PhoneNumber phone) {
        return contacts.values().stream()
                .filter(o -> o.location().equals(c.location())
                        && !o.id().equals(c.id())
                        && o.phone().equals(Optional.of(phone)))
                .findFirst();
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
