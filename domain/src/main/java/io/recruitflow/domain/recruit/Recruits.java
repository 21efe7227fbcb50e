package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.Page;
import io.recruitflow.domain.shared.PhoneNumber;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our durable store of recruits. A location holds at most one recruit per phone number, per email address
 * and per National Producer Number ({@code recruit.license().npn()}), which is how a lead seen before (in the
 * same file or an earlier import) is recognised.
 */
public interface Recruits {

    /**
     * Stores a new recruit (version 0 → stored as 1) unless the location already has one with the same
     * NPN, phone or email; then the existing one (by NPN first) is returned and nothing is stored.
     */
    AddOutcome add(Recruit recruit);

    /**
     * Replaces the stored recruit if its version is still {@code recruit.version()}; returns the
     * stored value with the next version.
     *
     * @throws ConcurrentUpdateException when another update came first
     */
    Recruit update(Recruit recruit);

    Optional<Recruit> find(RecruitId id);

    /**
     * The stored recruits of these ids, by id (an id with no recruit is absent): one read for a batch. The default
     * reads them one by one; a store overrides it with one query.
     */
    default Map<RecruitId, Recruit> findAll(Collection<RecruitId> ids) {
        Map<RecruitId, Recruit> found = new LinkedHashMap<>();
        for (RecruitId id : ids) {
            find(id).ifPresent(r -> found.put(id, r));
        }
        return found;
    }

    Optional<Recruit> findByContact(ContactId contact);

    /** The recruit of the location with this phone or this email, if any. */
    Optional<Recruit> findByPhoneOrEmail(
            LocationId location, Optional<PhoneNumber> phone, Optional<EmailAddress> email);

    /** Recruits in acceptance order; {@code cursor} is the {@code next} of the previous page. */
    Page<Recruit> list(Optional<LocationId> location, Optional<String> cursor, int limit);

    /** Every recruit of a location (or all), for reports. */
    List<Recruit> all(Optional<LocationId> location);

    /** What {@link #add} did. */
    sealed interface AddOutcome {
        Recruit recruit();

        record Added(Recruit recruit) implements AddOutcome {}

        /** A recruit with the same NPN, phone or email existed; it is returned unchanged. */
        record AlreadyKnown(Recruit recruit) implements AddOutcome {}
    }

    /** Optimistic concurrency: the recruit changed since it was read. */
    final class ConcurrentUpdateException extends RuntimeException {
        public ConcurrentUpdateException(RecruitId id) {
            super("recruit " + id + " was changed concurrently");
        }
    }
}
