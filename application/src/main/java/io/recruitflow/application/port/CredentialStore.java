package io.recruitflow.application.port;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Durable storage of the credentials Recruitflow holds for the CRM, one per owner, kept encrypted at rest.
 * The CRM adapter uses it; the core never does. {@link #update} runs at most once at a time per owner,
 * across threads and across instances sharing one store, because a renewal secret works only once.
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
     * Runs {@code updater} with the owner's current credential while holding the owner's exclusive lock,
     * stores what it returns before releasing the lock, and returns it. An updater that finds the current
     * credential already fresh (another caller renewed it meanwhile) returns it unchanged.
     */
    StoredCredential update(CredentialOwner owner, Function<Optional<StoredCredential>, StoredCredential> updater);
}
