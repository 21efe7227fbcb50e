package io.recruitflow.application.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable storage of the credentials Recruitflow holds for the CRM, one per owner, kept encrypted at rest.
 * The CRM adapter uses it; the core never does.
 *
 * <p>A renewal secret works only once, so renewals of one owner are serialised across threads and instances
 * by a <em>renewal lease</em> ({@link #lease}): a claim with a holder and an end, committed at once. No
 * transaction or lock stays open while the holder renews the credential with the CRM, so a connection that
 * dies meanwhile cannot take the renewed credential with it; and a holder that dies leaves a lease that
 * lapses at its end.
 */
public interface CredentialStore {

    Optional<StoredCredential> find(CredentialOwner owner);

    void save(StoredCredential credential);

    /**
     * The ids of the owners of {@code kind} that hold a credential, sorted: the agencies Recruitflow is installed
     * for, say, when the CRM names a location but not its agency.
     */
    List<String> ownerIds(String kind);

    /** Forgets the owner's credential (access ended). Returns whether there was one. */
    boolean revoke(CredentialOwner owner);

    /**
     * Claims the owner's renewal lease for {@code holder} until {@code until}: granted when no one holds it,
     * when its holder's lease ended by {@code now}, or when {@code holder} holds it already (which extends it).
     * Exactly one of several concurrent claimants, in any instance sharing the store, is granted a free lease.
     *
     * @return whether {@code holder} holds the lease now
     */
    boolean lease(CredentialOwner owner, String holder, Instant now, Instant until);

    /** Gives the owner's renewal lease back, if {@code holder} holds it; another holder's lease stays. */
    void release(CredentialOwner owner, String holder);
}
