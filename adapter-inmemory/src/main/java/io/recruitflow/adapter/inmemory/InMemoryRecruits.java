package io.recruitflow.adapter.inmemory;

import io.recruitflow.domain.recruit.Recruit;
import io.recruitflow.domain.recruit.RecruitId;
import io.recruitflow.domain.recruit.Recruits;
import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PhoneNumber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@link Recruits} in memory. Every method is atomic (one monitor); a location's NPN, phone and email
 * indexes make the duplicate check exact. The listing cursor is the acceptance instant and id of the last recruit
 * of the page.
 */
public final class InMemoryRecruits implements Recruits {

    /** Listing order: acceptance instant, then id for recruits accepted at the same instant. */
    private record Order(Instant acceptedAt, UUID id) implements Comparable<Order> {
        private static final Comparator<Order> COMPARATOR =
                Comparator.comparing(Order::acceptedAt).thenComparing(Order::id);

        static Order of(Recruit r) {
            return new Order(r.acceptedAt(), r.id().value());
        }

        @Override
        public int compareTo(Order o) {
            return COMPARATOR.compare(this, o);
        }

        String cursor() {
            return acceptedAt + "|" + id;
        }

        static Order parse(String cursor) {
            int bar = cursor.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("not a recruit listing cursor");
            }
            try {
                return new Order(Instant.parse(cursor.substring(0, bar)), UUID.fromString(cursor.substring(bar + 1)));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not a recruit listing cursor", e);
            }
        }
    }

    private record Key(LocationId location, String value) {}

    private final Map<RecruitId, Recruit> byId = new HashMap<>();
    private final NavigableMap<Order, RecruitId> ordered = new TreeMap<>();
    private final Map<Key, RecruitId> byPhone = new HashMap<>();
    private final Map<Key, RecruitId> byEmail = new HashMap<>();
    private final Map<Key, RecruitId> byNpn = new HashMap<>();
    private final Map<ContactId, RecruitId> byContact = new HashMap<>();

    public InMemoryRecruits() {}

    @Override
    public synchronized AddOutcome add(Recruit recruit) {
        Objects.requireNonNull(recruit, "recruit");
        Optional<Recruit> known = recruit.license()
                .npn()
                .map(npn -> byNpn.get(new Key(recruit.location(), npn.value())))
                .map(byId::get)
                .or(() -> findByPhoneOrEmail(recruit.location(), recruit.phone(), recruit.email()));
        if (known.isPresent()) {
            return new AddOutcome.AlreadyKnown(known.get());
        }
        if (byId.containsKey(recruit.id())) {
            throw new IllegalArgumentException("recruit " + recruit.id() + " is already stored");
        }
        Recruit stored = recruit.withVersion(1);
        index(stored);
        return new AddOutcome.Added(stored);
    }

    /** As {@link Recruits#update}; a recruit that was never added is a {@link NoSuchElementException}. */
    @Override
    public synchronized Recruit update(Recruit recruit) {
        Recruit current = byId.get(recruit.id());
        if (current == null) {
            throw new NoSuchElementException("recruit " + recruit.id() + " is not stored");
        }
        if (current.version() != recruit.version()) {
            throw new ConcurrentUpdateException(recruit.id());
        }
        Recruit stored = recruit.withVersion(recruit.version() + 1);
        unindex(current);
        index(stored);
        return stored;
    }

    private void index(Recruit r) {
        byId.put(r.id(), r);
        ordered.put(Order.of(r), r.id());
        r.phone().ifPresent(p -> byPhone.put(new Key(r.location(), p.e164()), r.id()));
        r.email().ifPresent(e -> byEmail.put(new Key(r.location(), e.value()), r.id()));
        r.license().npn().ifPresent(n -> byNpn.put(new Key(r.location(), n.value()), r.id()));
        r.contactId().ifPresent(c -> byContact.put(c, r.id()));
    }

    private void unindex(Recruit r) {
        byId.remove(r.id());
        ordered.remove(Order.of(r));
        r.phone().ifPresent(p -> byPhone.remove(new Key(r.location(), p.e164()), r.id()));
        r.email().ifPresent(e -> byEmail.remove(new Key(r.location(), e.value()), r.id()));
        r.license().npn().ifPresent(n -> byNpn.remove(new Key(r.location(), n.value()), r.id()));
        r.contactId().ifPresent(c -> byContact.remove(c, r.id()));
    }

    @Override
    public synchronized Optional<Recruit> find(RecruitId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<Recruit> findByContact(ContactId contact) {
        return Optional.ofNullable(byContact.get(contact)).map(byId::get);
    }

    @Override
    public synchronized Optional<Recruit> findByPhoneOrEmail(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email) {
        Optional<RecruitId> id = phone.map(p -> byPhone.get(new Key(location, p.e164())))
                .or(() -> email.map(e -> byEmail.get(new Key(location, e.value()))));
        return id.map(byId::get);
    }

    @Override
    public synchronized Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        NavigableMap<Order, RecruitId> rest =
                cursor.map(c -> ordered.tailMap(Order.parse(c), false)).orElse(ordered);
        List<Recruit> items = new ArrayList<>();
        boolean more = false;
        for (RecruitId id : rest.values()) {
            Recruit r = byId.get(id);
            if (location.isPresent() && !location.get().equals(r.location())) {
                continue;
            }
            if (items.size() == limit) {
                more = true;
                break;
            }
            items.add(r);
        }
        Optional<String> next =
                more ? Optional.of(Order.of(items.get(items.size() - 1)).cursor()) : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public synchronized List<Recruit> all(Optional<LocationId> location) {
        return ordered.values().stream()
                .map(byId::get)
                .filter(r -> location.map(l -> l.equals(r.location())).orElse(true))
                .toList();
    }
}
