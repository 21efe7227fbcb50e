package io.recruitflow.domain.recruit;

import io.recruitflow.domain.shared.ContactId;
import io.recruitflow.domain.shared.EmailAddress;
import io.recruitflow.domain.shared.LocationId;
import io.recruitflow.domain.shared.PersonName;
import io.recruitflow.domain.shared.PhoneNumber;
import io.recruitflow.domain.shared.UsState;
import io.recruitflow.domain.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A licensed agent we are recruiting, from the accepted lead on. Immutable: every change returns a new
 * value, and {@code version} (managed by the {@link Recruits} store) detects concurrent updates.
 *
 * <p>Invariants: a recruit has a phone or an email; once opted out, it stays opted out; the GHL
 * contact id, once known, never changes. {@code assignedUser} is the CRM user (recruiter) the recruit is
 * routed to, empty when no routing rule applied.
 */
public record Recruit(
        RecruitId id,
        LocationId location,
        PersonName name,
        Optional<EmailAddress> email,
        Optional<PhoneNumber> phone,
        License license,
        String source,
        Set<String> tags,
        Map<String, String> customFields,
        Consent consent,
        Optional<ZoneId> timeZone,
        Optional<UsState> addressState,
        Optional<ContactId> contactId,
        Instant acceptedAt,
        Optional<Instant> introSentAt,
        long version,
        Optional<UserId> assignedUser) {

    public Recruit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(addressState, "addressState");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        Objects.requireNonNull(assignedUser, "assignedUser");
        if (email.isEmpty() && phone.isEmpty()) {
            throw new IllegalArgumentException("a recruit needs a phone or an email");
        }
        tags = Set.copyOf(new LinkedHashSet<>(tags));
        customFields = Map.copyOf(customFields);
    }

    /** A recruit assigned to nobody (yet): the shape before routing, for stores and tests that do not route. */
    public Recruit(
            RecruitId id,
            LocationId location,
            PersonName name,
            Optional<EmailAddress> email,
            Optional<PhoneNumber> phone,
            License license,
            String source,
            Set<String> tags,
            Map<String, String> customFields,
            Consent consent,
            Optional<ZoneId> timeZone,
            Optional<UsState> addressState,
            Optional<ContactId> contactId,
            Instant acceptedAt,
            Optional<Instant> introSentAt,
            long version) {
        this(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                tags,
                customFields,
                consent,
                timeZone,
                addressState,
                contactId,
                acceptedAt,
                introSentAt,
                version,
                Optional.empty());
    }

    /** A new recruit from an accepted lead, not yet known to GHL. */
    public static Recruit accept(RecruitId id, LocationId location, Lead lead, Set<String> tags, Instant at) {
        return new Recruit(
                id,
                location,
                lead.name(),
                lead.email(),
                lead.phone(),
                lead.license(),
                lead.source(),
                tags,
                lead.extra(),
                Consent.GRANTED,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                at,
                Optional.empty(),
                0,
                Optional.empty());
    }

    /** Links the recruit to its GHL contact. The link never changes once made. */
    public Recruit linkedTo(ContactId contact) {
        if (contactId.isPresent() && !contactId.get().equals(contact)) {
            throw new IllegalStateException("recruit " + id + " is already linked to another GHL contact");
        }
        return new Recruit(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                tags,
                customFields,
                consent,
                timeZone,
                addressState,
                Optional.of(contact),
                acceptedAt,
                introSentAt,
                version,
                assignedUser);
    }

    public Recruit withTimeZone(ZoneId zone) {
        return new Recruit(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                tags,
                customFields,
                consent,
                Optional.of(zone),
                addressState,
                contactId,
                acceptedAt,
                introSentAt,
                version,
                assignedUser);
    }

    /**
     * The state of the contact's address in GHL (its {@code state} field), one of the jurisdictions whose
     * texting rules apply; GHL's latest word replaces the earlier one.
     */
    public Recruit withAddressState(Optional<UsState> state) {
        return state.equals(addressState)
                ? this
                : new Recruit(
                        id,
                        location,
                        name,
                        email,
                        phone,
                        license,
                        source,
                        tags,
                        customFields,
                        consent,
                        timeZone,
                        state,
                        contactId,
                        acceptedAt,
                        introSentAt,
                        version,
                        assignedUser);
    }

    public Recruit withConsent(Consent newConsent) {
        // An opt-out is kept: only the recruit's own opt-in ({@link #optedIn}) may lift it.
        Consent kept = consent.optedOut() && !newConsent.optedOut()
                ? new Consent(newConsent.dnd(), consent.optedOutAt(), newConsent.dndChangedAt())
                : newConsent;
        return withStoredConsent(kept);
    }

    /** The recruit texted START or UNSTOP at {@code at}: the one way an opt-out is lifted ({@link Consent#optIn}). */
    public Recruit optedIn(Instant at) {
        return withStoredConsent(consent.optIn(at));
    }

    private Recruit withStoredConsent(Consent kept) {
        return new Recruit(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                tags,
                customFields,
                kept,
                timeZone,
                addressState,
                contactId,
                acceptedAt,
                introSentAt,
                version,
                assignedUser);
    }

    /**
     * Whether the CRM's do-not-disturb blocks the way we reach this recruit: texts when it has a phone, else
     * email (the intro of a lead without a phone is an email).
     */
    public boolean blockedBy(DoNotDisturb dnd) {
        return phone.isPresent() ? dnd.blocksTexts() : dnd.blocksEmail();
    }

    public Recruit withTags(Set<String> newTags) {
        return new Recruit(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                newTags,
                customFields,
                consent,
                timeZone,
                addressState,
                contactId,
                acceptedAt,
                introSentAt,
                version,
                assignedUser);
    }

    /** Records when the first (intro) message was accepted by GHL; the first record wins. */
    public Recruit introSent(Instant at) {
        return introSentAt.isPresent()
                ? this
                : new Recruit(
                        id,
                        location,
                        name,
                        email,
                        phone,
                        license,
                        source,
                        tags,
                        customFields,
                        consent,
                        timeZone,
                        addressState,
                        contactId,
                        acceptedAt,
                        Optional.of(at),
                        version,
                        assignedUser);
    }

    public Recruit withVersion(long newVersion) {
        return new Recruit(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                tags,
                customFields,
                consent,
                timeZone,
                addressState,
                contactId,
                acceptedAt,
                introSentAt,
                newVersion,
                assignedUser);
    }

    /**
     * The recruit assigned to the CRM user (the recruiter who owns its contact and opportunity): by the routing
     * rules at acceptance, or by hand later.
     */
    public Recruit assignedTo(UserId user) {
        Objects.requireNonNull(user, "user");
        return new Recruit(
                id,
                location,
                name,
                email,
                phone,
                license,
                source,
                tags,
                customFields,
                consent,
                timeZone,
                addressState,
                contactId,
                acceptedAt,
                introSentAt,
                version,
                Optional.of(user));
    }

    /** Time from accepted lead to intro accepted by GHL, once the intro went out. */
    public Optional<java.time.Duration> speedToLead() {
        return introSentAt.map(sent -> java.time.Duration.between(acceptedAt, sent));
    }
}
