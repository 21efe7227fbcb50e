package io.recruitflow.adapter.inmemory;

import io.recruitflow.application.port.CredentialOwner;
import io.recruitflow.application.port.CredentialStore;
import io.recruitflow.application.port.StoredCredential;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CredentialStore} in memory, for one process: credentials are not encrypted (they never leave the
 * heap) and a renewal lease is an entry of a concurrent map, claimed atomically. Several service instances
 * need the database-backed store instead.
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<CredentialOwner, StoredCredential> credentials = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<CredentialOwner, Lease> leases = new ConcurrentHashMap<>();

    private record Lease(String holder, Instant until) {}

    public InMemoryCredentialStore() {}

    @Override
    public Optional<StoredCredential> find(CredentialOwner owner) {
        return Optional.ofNullable(credentials.get(owner));
    }

    @Override
    public void save(StoredCredential credential) {
        credentials.put(credential.owner(), credential);
    }

    @Override
    public List<String> ownerIds(String kind) {
        return credentials.keySet().stream()
                .filter(owner -> owner.kind().equals(kind))
                .map(CredentialOwner::id)
                .sorted()
                .toList();
    }

    @Override
    public boolean revoke(CredentialOwner owner) {
        return credentials.remove(owner) != null;
    }

    @Override
    public boolean lease(CredentialOwner owner, String holder, Instant now, Instant until) {
        Objects.requireNonNull(holder, "holder");
        Lease mine = new Lease(holder, until);
        Lease after = leases.compute(
                owner,
                (o, current) -> current == null
                                || current.holder().equals(holder)
                                || !current.until().isAfter(now)
                        ? mine
                        : current);
        return after == mine;
    }

    @Override
    public void release(CredentialOwner owner, String holder) {
        leases.computeIfPresent(owner, (o, current) -> current.holder().equals(holder) ? null : current);
    }
}
